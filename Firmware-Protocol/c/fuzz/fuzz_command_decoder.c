/*
 * fuzz_command_decoder.c - libFuzzer target for the device's command decoder.
 *
 * The input is what a host (or a noisy line) could send over the UART. It goes
 * through two decoders: one fed a byte at a time (lt_cmd_decoder_push), one fed
 * spans whose length the first input byte chooses (lt_cmd_decoder_feed). Both
 * must report the same commands and rejections, every report must be one the
 * header documents, and the counters must add up to the reports.
 *
 * Built by `make -C Firmware-Protocol/c fuzz` (clang, -fsanitize=fuzzer,address,
 * undefined); run by `scripts/fuzz command`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "liptwitch/command_decoder.h"

#define REQUIRE(condition) do { if (!(condition)) abort(); } while (0)

/* The reports of one decoder, kept only as far as they must agree. */
typedef struct reports {
    uint32_t count;
    uint32_t digest;
} reports;

static void check_and_note(reports *r, lt_decode_status status, const lt_command *cmd) {
    REQUIRE(status == LT_DECODE_COMMAND || status == LT_DECODE_REJECTED);
    if (status == LT_DECODE_COMMAND) {
        REQUIRE(cmd->reject == LT_REJECT_NONE);
        REQUIRE(cmd->type == LT_TYPE_IDENTIFY || cmd->type == LT_TYPE_START || cmd->type == LT_TYPE_STOP ||
                cmd->type == LT_TYPE_SET_RATE || cmd->type == LT_TYPE_PING);
    } else {
        REQUIRE(cmd->reject > LT_REJECT_NONE && (unsigned)cmd->reject < LT_REJECT_KINDS);
        REQUIRE((lt_reject_error_code(cmd->reject) != 0) == (lt_reject_is_intact(cmd->reject) != 0));
    }
    /* Every field takes part, so that none of the decoder's work is optimized away. */
    uint32_t fields[] = {(uint32_t)status, (uint32_t)cmd->reject, cmd->version, cmd->type, cmd->seq,
                         cmd->payload_len, cmd->host_max_major, cmd->rate_hz, cmd->nonce};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        r->digest = (r->digest ^ fields[i]) * 16777619u;
    }
    r->count++;
}

static void check_counters(const lt_cmd_decoder *dec, const reports *r) {
    uint32_t total = dec->commands;
    for (unsigned i = 1; i < LT_REJECT_KINDS; i++) total += dec->rejects[i];
    REQUIRE(dec->rejects[0] == 0);
    REQUIRE(total == r->count);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lt_cmd_decoder bytewise, spanwise;
    reports one = {0, 2166136261u}, many = {0, 2166136261u};
    lt_command cmd;
    lt_cmd_decoder_init(&bytewise);
    lt_cmd_decoder_init(&spanwise);

    for (size_t i = 0; i < size; i++) {
        memset(&cmd, 0, sizeof cmd);
        lt_decode_status status = lt_cmd_decoder_push(&bytewise, data[i], &cmd);
        if (status != LT_DECODE_NONE) check_and_note(&one, status, &cmd);
    }

    size_t span = size > 0 ? (size_t)(data[0] % 64u) + 1u : 1u;
    size_t at = 0;
    while (at < size) {
        size_t len = size - at < span ? size - at : span;
        size_t consumed = 0;
        memset(&cmd, 0, sizeof cmd);
        lt_decode_status status = lt_cmd_decoder_feed(&spanwise, data + at, len, &consumed, &cmd);
        REQUIRE(consumed <= len);
        if (status != LT_DECODE_NONE) check_and_note(&many, status, &cmd);
        else REQUIRE(consumed == len);
        at += consumed;
    }

    check_counters(&bytewise, &one);
    check_counters(&spanwise, &many);
    REQUIRE(one.count == many.count && one.digest == many.digest);
    /* A reset keeps the counters and leaves a decoder that still works. */
    lt_cmd_decoder_reset(&bytewise);
    REQUIRE(lt_cmd_decoder_push(&bytewise, 0, &cmd) == LT_DECODE_NONE);
    check_counters(&bytewise, &one);
    return 0;
}
