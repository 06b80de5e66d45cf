/* canon.c - canonical message text <-> library structs (host side). */
#include "canon.h"

#include <stdlib.h>
#include <string.h>

#define CANON_MAX_TOKENS 32u

typedef struct canon_cursor {
    char *tokens[CANON_MAX_TOKENS];
    size_t count;
    size_t next;
    char *err;
    size_t err_cap;
} canon_cursor;

static int canon_fail(canon_cursor *c, const char *what, const char *detail)
{
    if (c->err != NULL && c->err_cap > 0u) {
        snprintf(c->err, c->err_cap, "%s%s%s", what, detail[0] ? " " : "", detail);
    }
    return -1;
}

/* Next token must be "key=..."; returns the value or NULL. */
static const char *canon_field(canon_cursor *c, const char *key)
{
    const size_t n = strlen(key);
    const char *tok;
    if (c->next >= c->count) {
        canon_fail(c, "missing field", key);
        return NULL;
    }
    tok = c->tokens[c->next];
    if (strncmp(tok, key, n) != 0 || tok[n] != '=') {
        canon_fail(c, "expected field", key);
        return NULL;
    }
    c->next++;
    return tok + n + 1;
}

/* Unsigned decimal, digits only, up to @p max. *end gets the first unused char. */
static int canon_parse_u_prefix(const char *s, unsigned long max, unsigned long *out, const char **end)
{
    unsigned long v = 0u;
    const char *p = s;
    if (*p < '0' || *p > '9') {
        return -1;
    }
    while (*p >= '0' && *p <= '9') {
        const unsigned long d = (unsigned long)(*p - '0');
        if (v > (max - d) / 10u) {
            return -1;
        }
        v = v * 10u + d;
        p++;
    }
    *out = v;
    *end = p;
    return 0;
}

static int canon_parse_u(const char *s, unsigned long max, unsigned long *out)
{
    const char *end;
    if (canon_parse_u_prefix(s, max, out, &end) != 0 || *end != '\0') {
        return -1;
    }
    return 0;
}

/* Field "key=<unsigned up to max>". */
static int canon_u(canon_cursor *c, const char *key, unsigned long max, unsigned long *out)
{
    const char *v = canon_field(c, key);
    if (v == NULL) {
        return -1;
    }
    if (canon_parse_u(v, max, out) != 0) {
        return canon_fail(c, "out of range:", key);
    }
    return 0;
}

static int canon_u8(canon_cursor *c, const char *key, uint8_t *out)
{
    unsigned long v;
    if (canon_u(c, key, 0xFFu, &v) != 0) {
        return -1;
    }
    *out = (uint8_t)v;
    return 0;
}

static int canon_u16(canon_cursor *c, const char *key, uint16_t *out)
{
    unsigned long v;
    if (canon_u(c, key, 0xFFFFu, &v) != 0) {
        return -1;
    }
    *out = (uint16_t)v;
    return 0;
}

static int canon_u32(canon_cursor *c, const char *key, uint32_t *out)
{
    unsigned long v;
    if (canon_u(c, key, 0xFFFFFFFFuL, &v) != 0) {
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

/* "A.B" or "A.B.C" of u8 values. */
static int canon_dotted(canon_cursor *c, const char *key, uint8_t *parts, size_t n)
{
    const char *p = canon_field(c, key);
    size_t i;
    if (p == NULL) {
        return -1;
    }
    for (i = 0u; i < n; i++) {
        unsigned long v;
        const char *end;
        if (canon_parse_u_prefix(p, 0xFFu, &v, &end) != 0) {
            return canon_fail(c, "out of range:", key);
        }
        parts[i] = (uint8_t)v;
        if (i + 1u < n) {
            if (*end != '.') {
                return canon_fail(c, "bad dotted value:", key);
            }
            p = end + 1;
        } else if (*end != '\0') {
            return canon_fail(c, "bad dotted value:", key);
        }
    }
    return 0;
}

/* "PLACEMENT:AXIS:SCALE" */
static int canon_channel(canon_cursor *c, const char *key, lt_channel *ch)
{
    const char *p = canon_field(c, key);
    unsigned long placement;
    unsigned long axis;
    const char *end;
    char *fend;
    if (p == NULL) {
        return -1;
    }
    if (canon_parse_u_prefix(p, 0xFFu, &placement, &end) != 0 || *end != ':') {
        return canon_fail(c, "bad channel:", key);
    }
    p = end + 1;
    if (canon_parse_u_prefix(p, 0xFFu, &axis, &end) != 0 || *end != ':') {
        return canon_fail(c, "bad channel:", key);
    }
    p = end + 1;
    if (*p == '\0' || *p == ' ') {
        return canon_fail(c, "bad channel scale:", key);
    }
    ch->scale = strtof(p, &fend); /* correctly rounded to binary32 */
    if (*fend != '\0') {
        return canon_fail(c, "bad channel scale:", key);
    }
    ch->placement = (uint8_t)placement;
    ch->axis = (uint8_t)axis;
    return 0;
}

static int canon_values(canon_cursor *c, canon_message *m)
{
    const char *p = canon_field(c, "values");
    if (p == NULL) {
        return -1;
    }
    m->value_count = 0u;
    if (*p == '\0') {
        return 0;
    }
    for (;;) {
        char *end;
        long v;
        if (m->value_count >= CANON_MAX_VALUES) {
            return canon_fail(c, "too many values", "");
        }
        if (!((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9'))) {
            return canon_fail(c, "bad value", "");
        }
        v = strtol(p, &end, 10);
        if (v < -2147483647L - 1L || v > 2147483647L) {
            return canon_fail(c, "value out of range", "");
        }
        m->values[m->value_count++] = (int32_t)v;
        if (*end == '\0') {
            return 0;
        }
        if (*end != ',') {
            return canon_fail(c, "bad value", "");
        }
        p = end + 1;
    }
}

static int canon_parse_identity(canon_cursor *c, canon_message *m)
{
    lt_identity *id = &m->identity;
    uint8_t proto[2];
    uint8_t fw[3];
    const char *serial;
    uint8_t i;
    memset(id, 0, sizeof *id);
    if (canon_dotted(c, "protocol", proto, 2u) != 0 || canon_u8(c, "kind", &id->sensor_kind) != 0 ||
        canon_u8(c, "channels", &id->channel_count) != 0 ||
        canon_u16(c, "rate", &id->sample_rate_hz) != 0 ||
        canon_u8(c, "format", &id->sample_format) != 0 ||
        canon_u8(c, "max_batch", &id->max_batch) != 0) {
        return -1;
    }
    id->protocol_major = proto[0];
    id->protocol_minor = proto[1];
    serial = canon_field(c, "serial");
    if (serial == NULL) {
        return -1;
    }
    if (strlen(serial) > LT_SERIAL_SIZE) {
        return canon_fail(c, "out of range: serial", "");
    }
    strcpy(m->serial, serial);
    id->serial = m->serial;
    if (canon_dotted(c, "firmware", fw, 3u) != 0 || canon_u8(c, "hardware", &id->hardware_revision) != 0) {
        return -1;
    }
    id->firmware_major = fw[0];
    id->firmware_minor = fw[1];
    id->firmware_patch = fw[2];
    if (id->channel_count > LT_MAX_CHANNELS) {
        return canon_fail(c, "out of range: channels", "");
    }
    for (i = 0u; i < id->channel_count; i++) {
        char key[8];
        snprintf(key, sizeof key, "ch%u", (unsigned)i);
        if (canon_channel(c, key, &id->channels[i]) != 0) {
            return -1;
        }
    }
    return 0;
}

int canon_parse_device_message(const char *text, canon_message *msg, char *err, size_t err_cap)
{
    static char line[16384];
    canon_cursor c;
    const char *name;
    char *p;
    int rc = -1;
    c.err = err;
    c.err_cap = err_cap;
    c.count = 0u;
    c.next = 1u;
    if (err != NULL && err_cap > 0u) {
        err[0] = '\0';
    }
    if (strlen(text) >= sizeof line) {
        return canon_fail(&c, "line too long", "");
    }
    strcpy(line, text);
    /* Split on single spaces; an empty token (double space, leading or
     * trailing space) is an error. */
    p = line;
    for (;;) {
        char *sp = strchr(p, ' ');
        if (c.count >= CANON_MAX_TOKENS) {
            return canon_fail(&c, "too many fields", "");
        }
        if (*p == '\0' || p == sp) {
            return canon_fail(&c, "empty field", "");
        }
        c.tokens[c.count++] = p;
        if (sp == NULL) {
            break;
        }
        *sp = '\0';
        p = sp + 1;
    }
    memset(msg, 0, sizeof *msg);
    name = c.tokens[0];
    if (strcmp(name, "identity") != 0 && strcmp(name, "samples") != 0 && strcmp(name, "status") != 0 &&
        strcmp(name, "marker") != 0 && strcmp(name, "ack") != 0 && strcmp(name, "error") != 0 &&
        strcmp(name, "pong") != 0) {
        return canon_fail(&c, "unknown message", name);
    }
    if (canon_u16(&c, "seq", &msg->seq) != 0) {
        return -1;
    }
    if (strcmp(name, "identity") == 0) {
        msg->kind = CANON_IDENTITY;
        rc = canon_parse_identity(&c, msg);
    } else if (strcmp(name, "samples") == 0) {
        msg->kind = CANON_SAMPLES;
        rc = (canon_u32(&c, "first_sample", &msg->samples.first_sample) != 0 ||
              canon_u32(&c, "timestamp_us", &msg->samples.timestamp_us) != 0 ||
              canon_u8(&c, "count", &msg->samples.sample_count) != 0 ||
              canon_u8(&c, "channels", &msg->samples.channel_count) != 0 ||
              canon_u8(&c, "format", &msg->format) != 0 ||
              canon_u8(&c, "flags", &msg->samples.flags) != 0 || canon_values(&c, msg) != 0)
                 ? -1
                 : 0;
        if (rc == 0 && msg->value_count != (size_t)msg->samples.sample_count * msg->samples.channel_count) {
            rc = canon_fail(&c, "value count is not count x channels", "");
        }
    } else if (strcmp(name, "status") == 0) {
        msg->kind = CANON_STATUS;
        rc = (canon_u32(&c, "timestamp_us", &msg->status.timestamp_us) != 0 ||
              canon_u8(&c, "battery", &msg->status.battery_percent) != 0 ||
              canon_u8(&c, "power", &msg->status.power_flags) != 0 ||
              canon_u8(&c, "lead_off", &msg->status.lead_off) != 0 ||
              canon_u8(&c, "saturation", &msg->status.saturation) != 0 ||
              canon_u32(&c, "overruns", &msg->status.overruns) != 0)
                 ? -1
                 : 0;
    } else if (strcmp(name, "marker") == 0) {
        msg->kind = CANON_MARKER;
        rc = (canon_u32(&c, "timestamp_us", &msg->timestamp_us) != 0 ||
              canon_u32(&c, "sample_index", &msg->sample_index) != 0 ||
              canon_u8(&c, "kind", &msg->marker_kind) != 0)
                 ? -1
                 : 0;
    } else if (strcmp(name, "ack") == 0) {
        msg->kind = CANON_ACK;
        rc = (canon_u8(&c, "command", &msg->command) != 0 ||
              canon_u16(&c, "command_seq", &msg->command_seq) != 0)
                 ? -1
                 : 0;
    } else if (strcmp(name, "error") == 0) {
        msg->kind = CANON_ERROR;
        rc = (canon_u8(&c, "command", &msg->command) != 0 ||
              canon_u16(&c, "command_seq", &msg->command_seq) != 0 ||
              canon_u8(&c, "code", &msg->code) != 0)
                 ? -1
                 : 0;
    } else if (strcmp(name, "pong") == 0) {
        msg->kind = CANON_PONG;
        rc = (canon_u32(&c, "nonce", &msg->nonce) != 0 ||
              canon_u32(&c, "timestamp_us", &msg->timestamp_us) != 0)
                 ? -1
                 : 0;
    } else {
        return canon_fail(&c, "unknown message", name);
    }
    if (rc == 0 && c.next != c.count) {
        rc = canon_fail(&c, "unexpected field", c.tokens[c.next]);
    }
    return rc;
}

int canon_encode_device_message(const canon_message *m, uint8_t *out, size_t cap)
{
    switch (m->kind) {
    case CANON_IDENTITY:
        return lt_encode_identity(out, cap, m->seq, &m->identity);
    case CANON_SAMPLES:
        if (m->format == LT_FORMAT_INT16) {
            static int16_t v16[CANON_MAX_VALUES];
            size_t i;
            for (i = 0u; i < m->value_count; i++) {
                if (m->values[i] < INT16_MIN || m->values[i] > INT16_MAX) {
                    return LT_ERR_ARG;
                }
                v16[i] = (int16_t)m->values[i];
            }
            return lt_encode_samples_i16(out, cap, m->seq, &m->samples, v16);
        }
        if (m->format == LT_FORMAT_INT24) {
            return lt_encode_samples_i24(out, cap, m->seq, &m->samples, m->values);
        }
        return LT_ERR_ARG;
    case CANON_STATUS:
        return lt_encode_status(out, cap, m->seq, &m->status);
    case CANON_MARKER:
        return lt_encode_marker(out, cap, m->seq, m->timestamp_us, m->sample_index, m->marker_kind);
    case CANON_ACK:
        return lt_encode_ack(out, cap, m->seq, m->command, m->command_seq);
    case CANON_ERROR:
        return lt_encode_error(out, cap, m->seq, m->command, m->command_seq, m->code);
    case CANON_PONG:
        return lt_encode_pong(out, cap, m->seq, m->nonce, m->timestamp_us);
    default:
        return LT_ERR_ARG;
    }
}

const char *canon_result_text(int result)
{
    switch (result) {
    case LT_ERR_ARG:
        return "out of range";
    case LT_ERR_SPACE:
        return "buffer too small";
    case LT_ERR_TOO_LONG:
        return "frame too long";
    case LT_ERR_ENCODING:
        return "invalid encoding";
    default:
        return result > 0 ? "ok" : "unknown error";
    }
}

void canon_format_command(const lt_command *cmd, char *buf, size_t cap)
{
    switch (cmd->type) {
    case LT_TYPE_IDENTIFY:
        snprintf(buf, cap, "identify seq=%u host_max=%u", (unsigned)cmd->seq,
                 (unsigned)cmd->host_max_major);
        break;
    case LT_TYPE_START:
        snprintf(buf, cap, "start seq=%u", (unsigned)cmd->seq);
        break;
    case LT_TYPE_STOP:
        snprintf(buf, cap, "stop seq=%u", (unsigned)cmd->seq);
        break;
    case LT_TYPE_SET_RATE:
        snprintf(buf, cap, "set_rate seq=%u rate=%u", (unsigned)cmd->seq, (unsigned)cmd->rate_hz);
        break;
    case LT_TYPE_PING:
        snprintf(buf, cap, "ping seq=%u nonce=%lu", (unsigned)cmd->seq, (unsigned long)cmd->nonce);
        break;
    default:
        snprintf(buf, cap, "type-0x%02x seq=%u", (unsigned)cmd->type, (unsigned)cmd->seq);
        break;
    }
}

const char *canon_reject_word(lt_reject reason)
{
    switch (reason) {
    case LT_REJECT_NONE:
        return "none";
    case LT_REJECT_OVERSIZE:
        return "oversize";
    case LT_REJECT_ENCODING:
        return "encoding";
    case LT_REJECT_RUNT:
        return "runt";
    case LT_REJECT_CRC:
        return "crc";
    case LT_REJECT_UNSUPPORTED_VERSION:
        return "unsupported-version";
    case LT_REJECT_UNKNOWN_TYPE:
        return "unknown-type";
    case LT_REJECT_MALFORMED:
        return "malformed";
    default:
        return "?";
    }
}

static int canon_hex_digit(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    if (ch >= 'A' && ch <= 'F') {
        return ch - 'A' + 10;
    }
    return -1;
}

int canon_parse_hex(const char *text, uint8_t *out, size_t cap, size_t *len)
{
    size_t n = 0u;
    const char *p = text;
    for (;;) {
        int hi;
        int lo;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            p++;
        }
        if (*p == '\0') {
            break;
        }
        hi = canon_hex_digit(p[0]);
        lo = (hi < 0) ? -1 : canon_hex_digit(p[1]);
        if (hi < 0 || lo < 0 || n >= cap) {
            return -1;
        }
        out[n++] = (uint8_t)(hi * 16 + lo);
        p += 2;
    }
    *len = n;
    return 0;
}

void canon_print_hex(FILE *f, const uint8_t *data, size_t len)
{
    size_t i;
    for (i = 0u; i < len; i++) {
        fprintf(f, i == 0u ? "%02x" : " %02x", (unsigned)data[i]);
    }
}
