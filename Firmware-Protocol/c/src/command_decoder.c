/* command_decoder.c - streaming COBS + CRC-32C receiver of host commands. */
#include "liptwitch/command_decoder.h"

#include "liptwitch/crc32c.h"

/* Starts a new, empty candidate. */
static void lt_cmd_start_candidate(lt_cmd_decoder *dec)
{
    dec->crc = lt_crc32c_init();
    dec->tail = 0u;
    dec->encoded_len = 0u;
    dec->decoded_len = 0u;
    dec->block_left = 0u;
    dec->zero_pending = 0u;
}

void lt_cmd_decoder_init(lt_cmd_decoder *dec)
{
    uint8_t i;
    for (i = 0u; i < LT_CMD_HEAD_SIZE; i++) {
        dec->head[i] = 0u;
    }
    dec->discarding = 0u;
    dec->commands = 0u;
    for (i = 0u; i < LT_REJECT_KINDS; i++) {
        dec->rejects[i] = 0u;
    }
    lt_cmd_start_candidate(dec);
}

void lt_cmd_decoder_reset(lt_cmd_decoder *dec)
{
    dec->discarding = 0u;
    lt_cmd_start_candidate(dec);
}

/* One decoded byte. The last four decoded bytes wait in `tail` (they may be
 * the CRC); a byte leaving `tail` is header or payload: it enters the CRC and,
 * if it is among the first LT_CMD_HEAD_SIZE, the head buffer. */
static void lt_cmd_decoded_byte(lt_cmd_decoder *dec, uint8_t value)
{
    if (dec->decoded_len >= 4u) {
        const uint8_t old = (uint8_t)(dec->tail & 0xFFu);
        const uint16_t pos = (uint16_t)(dec->decoded_len - 4u);
        if (pos < LT_CMD_HEAD_SIZE) {
            dec->head[pos] = old;
        }
        dec->crc = lt_crc32c_update_byte(dec->crc, old);
    }
    dec->tail = (dec->tail >> 8) | ((uint32_t)value << 24);
    dec->decoded_len++; /* at most LT_MAX_ENCODED - 1: no overflow */
}

static uint16_t lt_cmd_u16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t lt_cmd_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* Minimum payload of a known command type, or -1 for any other type. */
static int lt_cmd_min_payload(uint8_t type)
{
    switch (type) {
    case LT_TYPE_IDENTIFY:
        return (int)LT_IDENTIFY_PAYLOAD;
    case LT_TYPE_START:
        return (int)LT_START_PAYLOAD;
    case LT_TYPE_STOP:
        return (int)LT_STOP_PAYLOAD;
    case LT_TYPE_SET_RATE:
        return (int)LT_SET_RATE_PAYLOAD;
    case LT_TYPE_PING:
        return (int)LT_PING_PAYLOAD;
    default:
        return -1;
    }
}

/* Judges a complete candidate (delimiter just seen, not empty). */
static lt_reject lt_cmd_judge(const lt_cmd_decoder *dec, lt_command *cmd)
{
    int min_payload;
    if (dec->block_left != 0u) {
        return LT_REJECT_ENCODING; /* the last code byte points past the end */
    }
    if (dec->decoded_len > LT_MAX_FRAME) {
        return LT_REJECT_OVERSIZE; /* decodes to more than a frame may hold */
    }
    if (dec->decoded_len < LT_MIN_FRAME) {
        return LT_REJECT_RUNT;
    }
    if (lt_crc32c_final(dec->crc) != dec->tail) {
        return LT_REJECT_CRC;
    }
    /* Intact: header and payload length are trustworthy from here on. */
    cmd->version = dec->head[0];
    cmd->type = dec->head[1];
    cmd->seq = lt_cmd_u16(&dec->head[2]);
    cmd->payload_len = (uint16_t)(dec->decoded_len - LT_MIN_FRAME);
    if (cmd->version != LT_PROTOCOL_MAJOR) {
        return LT_REJECT_UNSUPPORTED_VERSION;
    }
    min_payload = lt_cmd_min_payload(cmd->type);
    if (min_payload < 0) {
        return LT_REJECT_UNKNOWN_TYPE;
    }
    if ((int)cmd->payload_len < min_payload) {
        return LT_REJECT_MALFORMED;
    }
    switch (cmd->type) {
    case LT_TYPE_IDENTIFY:
        cmd->host_max_major = dec->head[LT_HEADER_SIZE];
        break;
    case LT_TYPE_SET_RATE:
        cmd->rate_hz = lt_cmd_u16(&dec->head[LT_HEADER_SIZE]);
        break;
    case LT_TYPE_PING:
        cmd->nonce = lt_cmd_u32(&dec->head[LT_HEADER_SIZE]);
        break;
    default:
        break; /* START, STOP: no fields */
    }
    return LT_REJECT_NONE;
}

static void lt_cmd_clear(lt_command *cmd)
{
    cmd->reject = LT_REJECT_NONE;
    cmd->version = 0u;
    cmd->type = 0u;
    cmd->seq = 0u;
    cmd->payload_len = 0u;
    cmd->host_max_major = 0u;
    cmd->rate_hz = 0u;
    cmd->nonce = 0u;
}

/* Fills a rejection report: the header fields survive only for intact frames. */
static lt_decode_status lt_cmd_reject(lt_cmd_decoder *dec, lt_command *out, lt_reject reason)
{
    if (!lt_reject_is_intact(reason)) {
        lt_cmd_clear(out);
    }
    out->reject = reason;
    out->host_max_major = 0u;
    out->rate_hz = 0u;
    out->nonce = 0u;
    dec->rejects[reason]++;
    return LT_DECODE_REJECTED;
}

lt_decode_status lt_cmd_decoder_push(lt_cmd_decoder *dec, uint8_t byte, lt_command *out)
{
    if (byte == LT_DELIMITER) {
        lt_command cmd;
        lt_reject reason;
        if (dec->discarding) {
            dec->discarding = 0u; /* the oversize candidate ends here, already reported */
            lt_cmd_start_candidate(dec);
            return LT_DECODE_NONE;
        }
        if (dec->encoded_len == 0u) {
            return LT_DECODE_NONE; /* empty candidate: ignored */
        }
        lt_cmd_clear(&cmd);
        reason = lt_cmd_judge(dec, &cmd);
        lt_cmd_start_candidate(dec);
        *out = cmd;
        if (reason != LT_REJECT_NONE) {
            return lt_cmd_reject(dec, out, reason);
        }
        dec->commands++;
        return LT_DECODE_COMMAND;
    }
    if (dec->discarding) {
        return LT_DECODE_NONE;
    }
    if (dec->encoded_len >= LT_MAX_ENCODED) {
        dec->discarding = 1u;
        lt_cmd_start_candidate(dec);
        return lt_cmd_reject(dec, out, LT_REJECT_OVERSIZE);
    }
    dec->encoded_len++;
    if (dec->block_left == 0u) {
        /* A code byte: the previous block's implied zero is real, since
         * another block follows it. */
        if (dec->zero_pending) {
            lt_cmd_decoded_byte(dec, 0u);
        }
        dec->block_left = (uint8_t)(byte - 1u);
        dec->zero_pending = (byte != 0xFFu) ? 1u : 0u;
    } else {
        lt_cmd_decoded_byte(dec, byte);
        dec->block_left--;
    }
    return LT_DECODE_NONE;
}

lt_decode_status lt_cmd_decoder_feed(lt_cmd_decoder *dec, const uint8_t *data, size_t len,
                                     size_t *consumed, lt_command *out)
{
    size_t i;
    for (i = 0u; i < len; i++) {
        const lt_decode_status st = lt_cmd_decoder_push(dec, data[i], out);
        if (st != LT_DECODE_NONE) {
            *consumed = i + 1u;
            return st;
        }
    }
    *consumed = len;
    return LT_DECODE_NONE;
}

int lt_reject_is_intact(lt_reject reason)
{
    return reason == LT_REJECT_NONE || reason == LT_REJECT_UNSUPPORTED_VERSION ||
           reason == LT_REJECT_UNKNOWN_TYPE || reason == LT_REJECT_MALFORMED;
}

uint8_t lt_reject_error_code(lt_reject reason)
{
    switch (reason) {
    case LT_REJECT_UNSUPPORTED_VERSION:
        return (uint8_t)LT_ERR_CODE_UNSUPPORTED_VERSION;
    case LT_REJECT_UNKNOWN_TYPE:
        return (uint8_t)LT_ERR_CODE_UNKNOWN_COMMAND;
    case LT_REJECT_MALFORMED:
        return (uint8_t)LT_ERR_CODE_MALFORMED;
    default:
        return 0u;
    }
}
