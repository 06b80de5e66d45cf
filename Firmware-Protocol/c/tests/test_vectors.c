/*
 * test_vectors.c - every vector of ../vectors/vectors.txt against the C library:
 *
 *   device-to-host message -> parse the text, encode with the given seq,
 *                             compare with the frame byte for byte (also via lt_tx);
 *   host-to-device message -> feed the frame to the command decoder in every
 *                             chunk pattern, compare the command's canonical text;
 *                             re-encode it with the host encoders: same frame;
 *   host-to-device invalid -> the decoder reports exactly that reason, once,
 *                             and still decodes the next good frame.
 *
 * Device-to-host invalid vectors are for host decoders; the firmware library
 * decodes no device frames, so they are counted and skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "check.h"
#include "decode_util.h"
#include "host_commands.h"

typedef struct vector {
    const char *name;
    const char *direction;
    const char *message; /* or NULL */
    const char *invalid; /* or NULL */
    const char *frame;
    unsigned line;
} vector;

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf;
    long size;
    if (f == NULL) {
        return NULL;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = malloc((size_t)size + 1);
    if (buf != NULL && fread(buf, 1, (size_t)size, f) != (size_t)size) {
        free(buf);
        buf = NULL;
    }
    if (buf != NULL) {
        buf[size] = '\0';
    }
    fclose(f);
    return buf;
}

/* "key: value" -> value when the line has that key, else NULL. */
static const char *value_of(const char *line, const char *key)
{
    const size_t n = strlen(key);
    if (strncmp(line, key, n) == 0 && line[n] == ':' && line[n + 1] == ' ') {
        return line + n + 2;
    }
    return NULL;
}

/* Splits the file into vectors; returns the count, checking the block layout. */
static size_t parse_vectors(char *text, vector *vs, size_t max)
{
    size_t count = 0;
    unsigned lineno = 0;
    char *p = text;
    vector cur;
    int field = 0; /* 0 name, 1 direction, 2 message/invalid, 3 frame, 4 done */
    memset(&cur, 0, sizeof cur);
    while (*p != '\0') {
        char *nl = strchr(p, '\n');
        char *line = p;
        const char *v;
        if (nl != NULL) {
            *nl = '\0';
            p = nl + 1;
        } else {
            p += strlen(p);
        }
        lineno++;
        if (line[0] != '\0' && line[strlen(line) - 1] == '\r') {
            line[strlen(line) - 1] = '\0';
        }
        if (line[0] == '#') {
            continue;
        }
        if (line[0] == '\0') {
            if (field != 0) {
                CHECK(field == 4, "vectors.txt:%u: incomplete block", lineno);
                if (field == 4 && count < max) {
                    vs[count++] = cur;
                }
                memset(&cur, 0, sizeof cur);
                field = 0;
            }
            continue;
        }
        switch (field) {
        case 0:
            v = value_of(line, "name");
            cur.line = lineno;
            cur.name = v;
            break;
        case 1:
            v = value_of(line, "direction");
            cur.direction = v;
            break;
        case 2:
            if ((v = value_of(line, "message")) != NULL) {
                cur.message = v;
            } else if ((v = value_of(line, "invalid")) != NULL) {
                cur.invalid = v;
            }
            break;
        case 3:
            v = value_of(line, "frame");
            cur.frame = v;
            break;
        default:
            v = NULL;
            break;
        }
        if (!CHECK(v != NULL, "vectors.txt:%u: unexpected line: %.60s", lineno, line)) {
            field = 5; /* skip to the end of this block */
            continue;
        }
        field++;
    }
    if (field == 4 && count < max) {
        vs[count++] = cur;
    }
    return count;
}

/* A good PING, to check the decoder recovered after a vector. */
static int after_frame(uint8_t *buf, size_t cap)
{
    return lt_host_ping(buf, cap, 4242, 0xC0FFEEu);
}

static void check_device_message(const vector *v, const uint8_t *frame, size_t frame_len)
{
    static canon_message msg;
    static uint8_t out[LT_MAX_WIRE + 16];
    char err[160];
    int n;
    if (!CHECK(canon_parse_device_message(v->message, &msg, err, sizeof err) == 0, "%s: cannot parse: %s",
               v->name, err)) {
        return;
    }
    n = canon_encode_device_message(&msg, out, sizeof out);
    if (!CHECK(n > 0, "%s: C encoder refused it: %s", v->name, canon_result_text(n))) {
        return;
    }
    CHECK_BYTES(out, (size_t)n, frame, frame_len, v->name);
    /* Exactly the wire length is enough; one byte less is refused. */
    CHECK(canon_encode_device_message(&msg, out, (size_t)n) == n, "%s: exact buffer", v->name);
    CHECK(canon_encode_device_message(&msg, out, (size_t)n - 1) == LT_ERR_SPACE, "%s: buffer one short",
          v->name);
    /* Through the tx context (sequence from the counter, then advanced). */
    {
        lt_tx tx;
        int m = -1;
        tx.seq = msg.seq;
        switch (msg.kind) {
        case CANON_IDENTITY:
            m = lt_tx_identity(&tx, out, sizeof out, &msg.identity);
            break;
        case CANON_STATUS:
            m = lt_tx_status(&tx, out, sizeof out, &msg.status);
            break;
        case CANON_MARKER:
            m = lt_tx_marker(&tx, out, sizeof out, msg.timestamp_us, msg.sample_index, msg.marker_kind);
            break;
        case CANON_ACK:
            m = lt_tx_ack(&tx, out, sizeof out, msg.command, msg.command_seq);
            break;
        case CANON_ERROR:
            m = lt_tx_error(&tx, out, sizeof out, msg.command, msg.command_seq, msg.code);
            break;
        case CANON_PONG:
            m = lt_tx_pong(&tx, out, sizeof out, msg.nonce, msg.timestamp_us);
            break;
        case CANON_SAMPLES:
            if (msg.format == LT_FORMAT_INT24) {
                m = lt_tx_samples_i24(&tx, out, sizeof out, &msg.samples, msg.values);
            } else {
                static int16_t v16[CANON_MAX_VALUES];
                size_t i;
                for (i = 0; i < msg.value_count; i++) {
                    v16[i] = (int16_t)msg.values[i];
                }
                m = lt_tx_samples_i16(&tx, out, sizeof out, &msg.samples, v16);
            }
            break;
        default:
            break;
        }
        CHECK(m > 0 && (size_t)m == frame_len && memcmp(out, frame, frame_len) == 0,
              "%s: lt_tx encoding differs", v->name);
        CHECK(tx.seq == (uint16_t)(msg.seq + 1u), "%s: lt_tx advanced the sequence", v->name);
    }
}

/* Re-encodes a decoded command with the host encoders. */
static int reencode_command(const lt_command *c, uint8_t *out, size_t cap)
{
    switch (c->type) {
    case LT_TYPE_IDENTIFY:
        return lt_host_identify(out, cap, c->seq, c->host_max_major);
    case LT_TYPE_START:
        return lt_host_start(out, cap, c->seq);
    case LT_TYPE_STOP:
        return lt_host_stop(out, cap, c->seq);
    case LT_TYPE_SET_RATE:
        return lt_host_set_rate(out, cap, c->seq, c->rate_hz);
    case LT_TYPE_PING:
        return lt_host_ping(out, cap, c->seq, c->nonce);
    default:
        return LT_ERR_ARG;
    }
}

static void check_host_frame(const vector *v, const uint8_t *frame, size_t frame_len)
{
    static uint8_t stream[LT_MAX_WIRE * 4];
    uint8_t good[32];
    const int good_len = after_frame(good, sizeof good);
    size_t p;
    for (p = 0; p < chunk_pattern_count; p++) {
        const size_t chunk = chunk_patterns[p];
        int prefixed;
        for (prefixed = 0; prefixed < 2; prefixed++) {
            lt_cmd_decoder dec;
            report reps[8];
            size_t n, len = 0;
            char text[128];
            lt_cmd_decoder_init(&dec);
            if (prefixed) {
                /* Garbage ended by a delimiter, an empty candidate, then the frame. */
                static const uint8_t junk[] = {0x13, 0x37, 0xFF, 0x02, 0x00, 0x00};
                memcpy(stream, junk, sizeof junk);
                len = sizeof junk;
            }
            memcpy(stream + len, frame, frame_len);
            len += frame_len;
            memcpy(stream + len, good, (size_t)good_len);
            len += (size_t)good_len;
            n = feed_bytes(&dec, stream, len, chunk, reps, 8);
            if (!CHECK(n == (size_t)(2 + prefixed), "%s (chunk %lu%s): %lu reports", v->name,
                       (unsigned long)chunk, prefixed ? ", after garbage" : "", (unsigned long)n)) {
                continue;
            }
            if (prefixed) {
                CHECK(reps[0].status == LT_DECODE_REJECTED, "%s: garbage rejected", v->name);
            }
            {
                const report *r = &reps[prefixed];
                if (v->message != NULL) {
                    if (CHECK(r->status == LT_DECODE_COMMAND, "%s (chunk %lu): rejected as %s", v->name,
                              (unsigned long)chunk, canon_reject_word(r->cmd.reject))) {
                        canon_format_command(&r->cmd, text, sizeof text);
                        CHECK(strcmp(text, v->message) == 0, "%s (chunk %lu): got \"%s\"", v->name,
                              (unsigned long)chunk, text);
                    }
                } else {
                    CHECK(r->status == LT_DECODE_REJECTED && strcmp(canon_reject_word(r->cmd.reject), v->invalid) == 0,
                          "%s (chunk %lu): expected invalid %s, got %s %s", v->name, (unsigned long)chunk,
                          v->invalid, r->status == LT_DECODE_COMMAND ? "a command" : "invalid",
                          canon_reject_word(r->cmd.reject));
                }
            }
            {
                const report *r = &reps[1 + prefixed];
                CHECK(r->status == LT_DECODE_COMMAND && r->cmd.type == LT_TYPE_PING && r->cmd.seq == 4242 &&
                          r->cmd.nonce == 0xC0FFEEu,
                      "%s (chunk %lu): next good frame not decoded", v->name, (unsigned long)chunk);
            }
            CHECK(dec.commands == 1u + (v->message != NULL ? 1u : 0u), "%s: command counter", v->name);
            if (v->invalid != NULL && reps[prefixed].status == LT_DECODE_REJECTED) {
                CHECK(dec.rejects[reps[prefixed].cmd.reject] >= 1u, "%s: reject counter", v->name);
            }
        }
    }
    /* The decoded command re-encodes to exactly the vector's frame. */
    if (v->message != NULL) {
        lt_cmd_decoder dec;
        report r;
        uint8_t out[64];
        int m;
        lt_cmd_decoder_init(&dec);
        if (feed_bytes(&dec, frame, frame_len, 0, &r, 1) == 1 && r.status == LT_DECODE_COMMAND) {
            m = reencode_command(&r.cmd, out, sizeof out);
            CHECK(m > 0 && (size_t)m == frame_len && memcmp(out, frame, frame_len) == 0,
                  "%s: host encoder differs from the vector", v->name);
        }
    }
}

void test_vectors(const char *path)
{
    static vector vs[1024];
    static uint8_t frame[8192];
    char *text = read_file(path);
    size_t count, i, j;
    unsigned long d2h_msg = 0, h2d_msg = 0, h2d_inv = 0, d2h_inv = 0;
    if (!CHECK(text != NULL, "cannot read vectors file %s", path)) {
        return;
    }
    count = parse_vectors(text, vs, sizeof vs / sizeof vs[0]);
    CHECK(count > 0, "no vectors in %s", path);
    for (i = 0; i < count; i++) {
        const vector *v = &vs[i];
        size_t frame_len;
        for (j = 0; j < i; j++) {
            if (strcmp(vs[j].name, v->name) == 0) {
                CHECK(0, "vector name %s is not unique", v->name);
            }
        }
        if (!CHECK(canon_parse_hex(v->frame, frame, sizeof frame, &frame_len) == 0 && frame_len > 0 &&
                       frame[frame_len - 1] == 0x00,
                   "%s: bad frame hex", v->name)) {
            continue;
        }
        if (strcmp(v->direction, "device-to-host") == 0) {
            if (v->message != NULL) {
                check_device_message(v, frame, frame_len);
                d2h_msg++;
            } else {
                d2h_inv++; /* for host decoders; the firmware library has none */
            }
        } else if (strcmp(v->direction, "host-to-device") == 0) {
            if (v->invalid != NULL) {
                static const char *const words[] = {"crc", "encoding", "runt", "oversize",
                                                    "unsupported-version", "unknown-type", "malformed"};
                int known = 0;
                for (j = 0; j < sizeof words / sizeof words[0]; j++) {
                    known |= strcmp(words[j], v->invalid) == 0;
                }
                CHECK(known, "%s: unknown reason %s", v->name, v->invalid);
                h2d_inv++;
            } else {
                h2d_msg++;
            }
            check_host_frame(v, frame, frame_len);
        } else {
            CHECK(0, "%s: unknown direction %s", v->name, v->direction);
        }
    }
    printf("vectors: %lu device-to-host messages encoded, %lu host-to-device commands decoded, "
           "%lu host-to-device rejections, %lu device-to-host invalid skipped (no device-frame decoder in C)\n",
           d2h_msg, h2d_msg, h2d_inv, d2h_inv);
    free(text);
}
