/* test_decoder.c - the streaming command decoder: commands, every rejection,
 * resynchronization after garbage, counters, and a differential fuzz against
 * a simple whole-candidate reference decoder. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "decode_util.h"
#include "host_commands.h"
#include "liptwitch/liptwitch.h"

static uint32_t rng = 0xC0DE1234u;
static uint32_t rnd32(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

/* Wire form of an arbitrary raw frame (CRC appended, or not when @p bad_crc). */
static size_t wire_raw(const uint8_t *raw_no_crc, size_t n, int bad_crc, uint8_t *out, size_t cap)
{
    static uint8_t tmp[2048];
    uint32_t crc = lt_crc32c(raw_no_crc, n);
    size_t len;
    if (bad_crc) {
        crc ^= 0x00010000u;
    }
    memcpy(tmp, raw_no_crc, n);
    tmp[n] = (uint8_t)crc;
    tmp[n + 1] = (uint8_t)(crc >> 8);
    tmp[n + 2] = (uint8_t)(crc >> 16);
    tmp[n + 3] = (uint8_t)(crc >> 24);
    len = lt_cobs_encode(tmp, n + 4, out, cap);
    out[len] = 0;
    return len + 1;
}

/* Decodes one complete wire frame with a fresh decoder. */
static lt_decode_status decode_one(const uint8_t *wire, size_t len, lt_command *cmd, size_t *reports)
{
    lt_cmd_decoder dec;
    report r[4];
    size_t n;
    lt_cmd_decoder_init(&dec);
    n = feed_bytes(&dec, wire, len, 1, r, 4);
    *reports = n;
    if (n == 0) {
        return LT_DECODE_NONE;
    }
    *cmd = r[0].cmd;
    return r[0].status;
}

static void expect_reject(const uint8_t *wire, size_t len, lt_reject reason, const char *what)
{
    lt_command cmd;
    size_t n;
    const lt_decode_status st = decode_one(wire, len, &cmd, &n);
    CHECK(n == 1 && st == LT_DECODE_REJECTED && cmd.reject == reason, "%s: expected %d, got status %d reason %d (%lu reports)",
          what, (int)reason, (int)st, (int)cmd.reject, (unsigned long)n);
}

static void test_commands(void)
{
    uint8_t w[64];
    lt_command c;
    size_t n;
    int len;

    len = lt_host_identify(w, sizeof w, 0x1234, 1);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_IDENTIFY && c.seq == 0x1234 &&
              c.host_max_major == 1 && c.version == 1 && c.payload_len == 1 && c.reject == LT_REJECT_NONE,
          "IDENTIFY");
    len = lt_host_identify(w, sizeof w, 1, 0);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.host_max_major == 0,
          "IDENTIFY host_max 0 is delivered (device answers in its lowest major)");
    len = lt_host_identify(w, sizeof w, 1, 9);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.host_max_major == 9, "IDENTIFY host_max 9");
    len = lt_host_start(w, sizeof w, 0);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_START && c.seq == 0, "START");
    len = lt_host_stop(w, sizeof w, 65535);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_STOP && c.seq == 65535, "STOP");
    len = lt_host_set_rate(w, sizeof w, 3, 0);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.rate_hz == 0,
          "SET_RATE 0 is delivered (the device answers unsupported_value)");
    len = lt_host_set_rate(w, sizeof w, 3, 65535);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.rate_hz == 65535, "SET_RATE 65535");
    len = lt_host_ping(w, sizeof w, 77, 0x89ABCDEFu);
    CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_PING && c.nonce == 0x89ABCDEFu,
          "PING");

    /* Longer payloads (a later minor version) are accepted, extra bytes ignored. */
    {
        static const uint8_t p[] = {0x78, 0x56, 0x34, 0x12, 0xAA, 0xBB, 0x00, 0x01};
        static uint8_t big[1016];
        len = lt_host_raw(w, sizeof w, 1, LT_TYPE_PING, 5, p, sizeof p);
        CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.nonce == 0x12345678u && c.payload_len == 8,
              "PING with 8-byte payload");
        len = lt_host_raw(w, sizeof w, 1, LT_TYPE_SET_RATE, 5, p, 3);
        CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.rate_hz == 0x5678, "SET_RATE with 3 bytes");
        len = lt_host_raw(w, sizeof w, 1, LT_TYPE_START, 5, p, 2);
        CHECK(decode_one(w, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_START, "START with payload");
        {
            static uint8_t wb[LT_MAX_WIRE];
            size_t i;
            for (i = 0; i < sizeof big; i++) {
                big[i] = (uint8_t)(i * 3u);
            }
            big[0] = 2;
            len = lt_host_raw(wb, sizeof wb, 1, LT_TYPE_IDENTIFY, 6, big, sizeof big);
            CHECK(len > 0 && decode_one(wb, (size_t)len, &c, &n) == LT_DECODE_COMMAND && c.host_max_major == 2 &&
                      c.payload_len == 1016,
                  "IDENTIFY in a full 1024-byte frame");
        }
    }
}

static void test_rejections(void)
{
    static uint8_t w[2100], raw[1100];
    lt_command c;
    size_t n, i, len;
    int l;

    /* Intact frames keep their header for the ERROR reply. */
    l = lt_host_raw(w, sizeof w, 2, LT_TYPE_PING, 0x0A0B, (const uint8_t *)"\1\2\3\4", 4);
    CHECK(decode_one(w, (size_t)l, &c, &n) == LT_DECODE_REJECTED && c.reject == LT_REJECT_UNSUPPORTED_VERSION &&
              c.version == 2 && c.type == LT_TYPE_PING && c.seq == 0x0A0B && c.nonce == 0 &&
              lt_reject_error_code(c.reject) == LT_ERR_CODE_UNSUPPORTED_VERSION && lt_reject_is_intact(c.reject),
          "version 2 -> unsupported-version with type and seq");
    l = lt_host_raw(w, sizeof w, 0, LT_TYPE_START, 1, NULL, 0);
    expect_reject(w, (size_t)l, LT_REJECT_UNSUPPORTED_VERSION, "version 0");
    l = lt_host_raw(w, sizeof w, 2, 0x55, 1, NULL, 0);
    expect_reject(w, (size_t)l, LT_REJECT_UNSUPPORTED_VERSION, "version is checked before type");
    {
        static const uint8_t types[] = {0x00, 0x01, 0x05, 0x07, 0x7F, 0x80, 0x86, 0xC0, 0xFE, 0xFF};
        for (i = 0; i < sizeof types; i++) {
            l = lt_host_raw(w, sizeof w, 1, types[i], 0x0C0D, (const uint8_t *)"\1\2\3\4", 4);
            CHECK(decode_one(w, (size_t)l, &c, &n) == LT_DECODE_REJECTED && c.reject == LT_REJECT_UNKNOWN_TYPE &&
                      c.type == types[i] && c.seq == 0x0C0D &&
                      lt_reject_error_code(c.reject) == LT_ERR_CODE_UNKNOWN_COMMAND,
                  "type 0x%02x -> unknown-type", (unsigned)types[i]);
        }
    }
    {
        static const struct {
            uint8_t type;
            size_t len;
        } shorts[] = {{LT_TYPE_IDENTIFY, 0}, {LT_TYPE_SET_RATE, 0}, {LT_TYPE_SET_RATE, 1},
                      {LT_TYPE_PING, 0},     {LT_TYPE_PING, 1},     {LT_TYPE_PING, 3}};
        for (i = 0; i < sizeof shorts / sizeof shorts[0]; i++) {
            l = lt_host_raw(w, sizeof w, 1, shorts[i].type, 0x0E0F, (const uint8_t *)"\1\2\3\4", shorts[i].len);
            CHECK(decode_one(w, (size_t)l, &c, &n) == LT_DECODE_REJECTED && c.reject == LT_REJECT_MALFORMED &&
                      c.type == shorts[i].type && c.seq == 0x0E0F && c.payload_len == shorts[i].len &&
                      lt_reject_error_code(c.reject) == LT_ERR_CODE_MALFORMED,
                  "type 0x%02x with %lu payload bytes -> malformed", (unsigned)shorts[i].type,
                  (unsigned long)shorts[i].len);
        }
    }

    /* Runts: 0 to 7 decoded bytes. */
    for (i = 0; i < 8; i++) {
        memset(raw, 0x11, i);
        len = lt_cobs_encode(raw, i, w, sizeof w);
        w[len] = 0;
        CHECK(decode_one(w, len + 1, &c, &n) == LT_DECODE_REJECTED && c.reject == LT_REJECT_RUNT && c.type == 0 &&
                  c.seq == 0 && !lt_reject_is_intact(c.reject) && lt_reject_error_code(c.reject) == 0,
              "%lu decoded bytes -> runt", (unsigned long)i);
    }

    /* Every single-bit error of a PING frame is a CRC failure. */
    {
        const uint8_t ping[] = {1, LT_TYPE_PING, 0x34, 0x12, 0xEF, 0xBE, 0xAD, 0xDE};
        uint8_t flipped[12];
        uint32_t crc = lt_crc32c(ping, 8);
        size_t bit;
        int all = 1;
        memcpy(flipped, ping, 8);
        for (i = 0; i < 4; i++) {
            flipped[8 + i] = (uint8_t)(crc >> (8 * i));
        }
        for (bit = 0; bit < 96; bit++) {
            uint8_t f[12];
            memcpy(f, flipped, 12);
            f[bit / 8] ^= (uint8_t)(1u << (bit % 8));
            len = lt_cobs_encode(f, 12, w, sizeof w);
            w[len] = 0;
            all &= decode_one(w, len + 1, &c, &n) == LT_DECODE_REJECTED && c.reject == LT_REJECT_CRC && n == 1;
        }
        CHECK(all, "all 96 single-bit errors -> crc");
    }
    l = lt_host_start(w, sizeof w, 1);
    w[l - 2] ^= 0x40; /* damage a CRC byte in the encoded form (stays non-zero) */
    expect_reject(w, (size_t)l, LT_REJECT_CRC, "damaged encoded CRC byte");

    /* Invalid COBS: a code byte pointing past the end. */
    {
        static const uint8_t e1[] = {0x05, 0x11, 0x22, 0x00};
        static const uint8_t e2[] = {0x02, 0x00};
        static const uint8_t e3[] = {0xFF, 0x01, 0x02, 0x00};
        expect_reject(e1, sizeof e1, LT_REJECT_ENCODING, "05 11 22");
        expect_reject(e2, sizeof e2, LT_REJECT_ENCODING, "02");
        expect_reject(e3, sizeof e3, LT_REJECT_ENCODING, "short 255 block");
    }
    l = lt_host_ping(w, sizeof w, 1, 0x01010101u);
    w[0] = (uint8_t)(w[0] + 20u); /* first code byte now points past the end */
    expect_reject(w, (size_t)l, LT_REJECT_ENCODING, "first code byte past the end");

    /* Oversize: the 1030th byte without a delimiter is reported at once. */
    {
        lt_cmd_decoder dec;
        lt_command cmd;
        size_t at = 0, reports = 0;
        lt_cmd_decoder_init(&dec);
        for (i = 0; i < 1500; i++) {
            if (lt_cmd_decoder_push(&dec, 0x33, &cmd) != LT_DECODE_NONE) {
                reports++;
                at = i + 1;
                CHECK(cmd.reject == LT_REJECT_OVERSIZE && cmd.type == 0, "oversize reason");
            }
        }
        CHECK(reports == 1 && at == 1030, "oversize reported once, at byte 1030 (got %lu at %lu)",
              (unsigned long)reports, (unsigned long)at);
        CHECK(lt_cmd_decoder_push(&dec, 0x00, &cmd) == LT_DECODE_NONE, "oversize tail ends silently");
        l = lt_host_stop(w, sizeof w, 7);
        CHECK(feed_bytes(&dec, w, (size_t)l, 0, (report *)NULL, 0) == 1 && dec.commands == 1 &&
                  dec.rejects[LT_REJECT_OVERSIZE] == 1,
              "frame after oversize decoded");
        /* Exactly 1029 encoded bytes is not oversize. */
        lt_cmd_decoder_init(&dec);
        memset(w, 0x33, 1029);
        w[1029] = 0;
        {
            report r;
            CHECK(feed_bytes(&dec, w, 1030, 0, &r, 1) == 1 && r.cmd.reject != LT_REJECT_OVERSIZE,
                  "1029 encoded bytes are judged, not oversize (%d)", (int)r.cmd.reject);
        }
    }
    /* A frame of at most 1029 encoded bytes that decodes to more than 1024:
     * CRC and all fine, but larger than any frame may be -> oversize. */
    for (i = 1025; i <= 1028; i++) {
        memset(raw, 0, sizeof raw);
        raw[0] = 1;
        raw[1] = LT_TYPE_START;
        len = wire_raw(raw, i - 4, 0, w, sizeof w);
        CHECK(len - 1 <= LT_MAX_ENCODED, "test frame encodes into %lu bytes", (unsigned long)(len - 1));
        expect_reject(w, len, LT_REJECT_OVERSIZE, "decodes to more than 1024 bytes");
    }
    memset(raw, 0, sizeof raw);
    raw[0] = 1;
    raw[1] = LT_TYPE_START;
    len = wire_raw(raw, 1020, 0, w, sizeof w);
    CHECK(decode_one(w, len, &c, &n) == LT_DECODE_COMMAND && c.type == LT_TYPE_START && c.payload_len == 1016,
          "exactly 1024 decoded bytes is fine");

    /* A decoder accepts a trailing 01 block after a final 255 block. */
    {
        uint8_t f[254];
        int found = 0;
        uint16_t s;
        for (s = 0x0101; s < 0x0200 && !found; s++) {
            uint32_t crc;
            memset(f, 0x5A, sizeof f);
            f[0] = 1;
            f[1] = LT_TYPE_START;
            f[2] = (uint8_t)s;
            f[3] = (uint8_t)(s >> 8);
            crc = lt_crc32c(f, 250);
            f[250] = (uint8_t)crc;
            f[251] = (uint8_t)(crc >> 8);
            f[252] = (uint8_t)(crc >> 16);
            f[253] = (uint8_t)(crc >> 24);
            if (f[2] && f[3] && f[250] && f[251] && f[252] && f[253]) {
                found = 1;
            }
        }
        if (CHECK(found, "found a zero-free 254-byte frame")) {
            len = lt_cobs_encode(f, 254, w, sizeof w);
            CHECK(len == 255 && w[0] == 0xFF, "it encodes as one 255 block");
            w[len] = 0;
            CHECK(decode_one(w, len + 1, &c, &n) == LT_DECODE_COMMAND, "canonical form decodes");
            w[len] = 0x01;
            w[len + 1] = 0;
            CHECK(decode_one(w, len + 2, &c, &n) == LT_DECODE_COMMAND && c.payload_len == 246,
                  "with a trailing 01 block it decodes too");
        }
    }
}

static void test_resync(void)
{
    static uint8_t stream[8192];
    uint8_t f[64];
    lt_cmd_decoder dec;
    report r[64];
    size_t len, n, i, k;
    int fl;

    /* Empty candidates: any number of 0x00 produce nothing. */
    lt_cmd_decoder_init(&dec);
    memset(stream, 0, 100);
    CHECK(feed_bytes(&dec, stream, 100, 0, r, 64) == 0, "lone delimiters are ignored");

    /* Garbage (no 0x00) before the first delimiter, then a good frame. */
    for (k = 0; k < 200; k++) {
        size_t glen = rnd32() % 1200;
        size_t c;
        len = 0;
        for (i = 0; i < glen; i++) {
            stream[len++] = (uint8_t)(rnd32() % 255u + 1u);
        }
        stream[len++] = 0;
        fl = lt_host_ping(f, sizeof f, (uint16_t)k, (uint32_t)k * 7u);
        memcpy(stream + len, f, (size_t)fl);
        len += (size_t)fl;
        c = chunk_patterns[k % chunk_pattern_count];
        lt_cmd_decoder_init(&dec);
        n = feed_bytes(&dec, stream, len, c, r, 64);
        CHECK(n == (glen > 0 ? 2u : 1u) && r[n - 1].status == LT_DECODE_COMMAND && r[n - 1].cmd.nonce == (uint32_t)k * 7u,
              "garbage of %lu bytes, then a good frame (chunk %lu): %lu reports", (unsigned long)glen,
              (unsigned long)c, (unsigned long)n);
    }

    /* Garbage with zeros between good frames: every good frame survives. */
    for (k = 0; k < 100; k++) {
        size_t frames = 0, good = 0;
        lt_cmd_decoder_init(&dec);
        len = 0;
        stream[len++] = 0;
        while (len < 6000) {
            size_t glen = rnd32() % 40;
            for (i = 0; i < glen; i++) {
                stream[len++] = (uint8_t)rnd32();
            }
            stream[len++] = 0;
            fl = lt_host_set_rate(f, sizeof f, (uint16_t)frames, (uint16_t)(1000u + frames));
            memcpy(stream + len, f, (size_t)fl);
            len += (size_t)fl;
            frames++;
        }
        n = feed_bytes(&dec, stream, len, chunk_patterns[k % chunk_pattern_count], r, 0);
        good = dec.commands;
        /* A garbage byte string may by chance be a valid command itself (never
         * in practice); the good frames must all be there. */
        CHECK(good >= frames, "garbage between frames: %lu of %lu frames decoded", (unsigned long)good,
              (unsigned long)frames);
        (void)n;
    }

    /* Two frames back to back, split at every position. */
    {
        uint8_t two[64];
        size_t l1, l2, split;
        int ok = 1;
        fl = lt_host_identify(two, sizeof two, 1, 1);
        l1 = (size_t)fl;
        fl = lt_host_ping(two + l1, sizeof two - l1, 2, 0x01020304u);
        l2 = (size_t)fl;
        for (split = 0; split <= l1 + l2; split++) {
            size_t a, b;
            lt_cmd_decoder_init(&dec);
            a = feed_bytes(&dec, two, split, 0, r, 4);
            b = feed_bytes(&dec, two + split, l1 + l2 - split, 0, r + a, 4);
            ok &= a + b == 2 && r[0].cmd.type == LT_TYPE_IDENTIFY && r[1].cmd.nonce == 0x01020304u;
        }
        CHECK(ok, "two frames split at every position");
    }

    /* reset() drops a partial frame. */
    lt_cmd_decoder_init(&dec);
    fl = lt_host_start(f, sizeof f, 3);
    CHECK(feed_bytes(&dec, f, 4, 1, r, 4) == 0, "partial frame");
    lt_cmd_decoder_reset(&dec);
    CHECK(feed_bytes(&dec, f, (size_t)fl, 1, r, 4) == 1 && r[0].status == LT_DECODE_COMMAND, "after reset");
}

static void test_counters(void)
{
    static const uint8_t enc_err[] = {0x05, 0x11, 0x00};
    static const uint8_t runt[] = {0x02, 0x11, 0x00};
    uint8_t w[64];
    lt_cmd_decoder dec;
    int l;
    unsigned i;
    lt_cmd_decoder_init(&dec);
    for (i = 0; i < LT_REJECT_KINDS; i++) {
        CHECK(dec.rejects[i] == 0, "counter %u starts at 0", i);
    }
    feed_bytes(&dec, enc_err, sizeof enc_err, 1, NULL, 0);
    feed_bytes(&dec, runt, sizeof runt, 1, NULL, 0);
    feed_bytes(&dec, runt, sizeof runt, 1, NULL, 0);
    l = lt_host_start(w, sizeof w, 1);
    w[1] ^= 0x40; /* the version byte, still non-zero: CRC failure */
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    l = lt_host_raw(w, sizeof w, 3, LT_TYPE_START, 1, NULL, 0);
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    l = lt_host_raw(w, sizeof w, 1, 0x99, 1, NULL, 0);
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    l = lt_host_raw(w, sizeof w, 1, LT_TYPE_PING, 1, NULL, 0);
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    l = lt_host_ping(w, sizeof w, 1, 1);
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    feed_bytes(&dec, w, (size_t)l, 1, NULL, 0);
    CHECK(dec.rejects[LT_REJECT_ENCODING] == 1 && dec.rejects[LT_REJECT_RUNT] == 2 && dec.rejects[LT_REJECT_CRC] == 1 &&
              dec.rejects[LT_REJECT_UNSUPPORTED_VERSION] == 1 && dec.rejects[LT_REJECT_UNKNOWN_TYPE] == 1 &&
              dec.rejects[LT_REJECT_MALFORMED] == 1 && dec.rejects[LT_REJECT_OVERSIZE] == 0 && dec.commands == 2 &&
              dec.rejects[LT_REJECT_NONE] == 0,
          "per-reason counters");
    CHECK(!lt_reject_is_intact(LT_REJECT_CRC) && !lt_reject_is_intact(LT_REJECT_ENCODING) &&
              !lt_reject_is_intact(LT_REJECT_RUNT) && !lt_reject_is_intact(LT_REJECT_OVERSIZE) &&
              lt_reject_is_intact(LT_REJECT_NONE),
          "lt_reject_is_intact");
    CHECK(lt_reject_error_code(LT_REJECT_CRC) == 0 && lt_reject_error_code(LT_REJECT_NONE) == 0,
          "no ERROR for damaged frames");
}

/* Reference: judge a whole candidate (no delimiter) with the one-shot COBS
 * decoder, in the order of spec section 2.4. */
static lt_reject ref_judge(const uint8_t *cand, size_t len, lt_command *c)
{
    static uint8_t raw[2048];
    size_t n;
    uint32_t crc;
    memset(c, 0, sizeof *c);
    if (len > LT_MAX_ENCODED) {
        return LT_REJECT_OVERSIZE;
    }
    if (lt_cobs_decode(cand, len, raw, sizeof raw, &n) != 0) {
        return LT_REJECT_ENCODING;
    }
    if (n > LT_MAX_FRAME) {
        return LT_REJECT_OVERSIZE;
    }
    if (n < 8) {
        return LT_REJECT_RUNT;
    }
    crc = (uint32_t)raw[n - 4] | (uint32_t)raw[n - 3] << 8 | (uint32_t)raw[n - 2] << 16 | (uint32_t)raw[n - 1] << 24;
    if (lt_crc32c(raw, n - 4) != crc) {
        return LT_REJECT_CRC;
    }
    c->version = raw[0];
    c->type = raw[1];
    c->seq = (uint16_t)(raw[2] | raw[3] << 8);
    c->payload_len = (uint16_t)(n - 8);
    if (raw[0] != 1) {
        return LT_REJECT_UNSUPPORTED_VERSION;
    }
    switch (raw[1]) {
    case LT_TYPE_IDENTIFY:
        if (n - 8 < 1) {
            return LT_REJECT_MALFORMED;
        }
        c->host_max_major = raw[4];
        break;
    case LT_TYPE_START:
    case LT_TYPE_STOP:
        break;
    case LT_TYPE_SET_RATE:
        if (n - 8 < 2) {
            return LT_REJECT_MALFORMED;
        }
        c->rate_hz = (uint16_t)(raw[4] | raw[5] << 8);
        break;
    case LT_TYPE_PING:
        if (n - 8 < 4) {
            return LT_REJECT_MALFORMED;
        }
        c->nonce = (uint32_t)raw[4] | (uint32_t)raw[5] << 8 | (uint32_t)raw[6] << 16 | (uint32_t)raw[7] << 24;
        break;
    default:
        return LT_REJECT_UNKNOWN_TYPE;
    }
    return LT_REJECT_NONE;
}

static void test_differential(void)
{
    static uint8_t cand[1600], raw[1100];
    unsigned long agree = 0, total = 0, by_reason[LT_REJECT_KINDS];
    size_t k, i, len;
    memset(by_reason, 0, sizeof by_reason);
    for (k = 0; k < 20000; k++) {
        lt_cmd_decoder dec;
        lt_command want, got;
        lt_reject wr;
        report r[2];
        size_t n;
        const uint32_t mode = rnd32() % 6;
        /* Build a raw frame, maybe damage it, COBS it. */
        size_t rlen = (mode == 5) ? 1000 + rnd32() % 40 : rnd32() % 20;
        raw[0] = (rnd32() % 8 == 0) ? (uint8_t)rnd32() : 1;
        raw[1] = (uint8_t)(0x7E + rnd32() % 10);
        for (i = 2; i < rlen; i++) {
            raw[i] = (rnd32() % 4 == 0) ? 0 : (uint8_t)rnd32();
        }
        if (mode == 0) {
            /* pure random non-zero candidate */
            len = rnd32() % 40 + 1;
            for (i = 0; i < len; i++) {
                cand[i] = (uint8_t)(rnd32() % 255 + 1);
            }
        } else {
            len = wire_raw(raw, rlen, mode == 1, cand, sizeof cand) - 1;
            if (mode == 2 && len > 0) {
                cand[rnd32() % len] = (uint8_t)(rnd32() % 255 + 1); /* damage encoding/content */
            } else if (mode == 3 && len > 1) {
                len -= 1 + rnd32() % (len - 1); /* truncate */
            }
        }
        wr = ref_judge(cand, len, &want);
        lt_cmd_decoder_init(&dec);
        cand[len] = 0;
        n = feed_bytes(&dec, cand, len + 1, 1 + rnd32() % 9, r, 2);
        total++;
        if (n != 1) {
            CHECK(0, "differential: %lu reports", (unsigned long)n);
            continue;
        }
        got = r[0].cmd;
        by_reason[wr]++;
        if (got.reject == wr && (r[0].status == LT_DECODE_COMMAND) == (wr == LT_REJECT_NONE) &&
            (!lt_reject_is_intact(wr) ||
             (got.type == want.type && got.seq == want.seq && got.version == want.version &&
              got.payload_len == want.payload_len && got.host_max_major == want.host_max_major &&
              got.rate_hz == want.rate_hz && got.nonce == want.nonce))) {
            agree++;
        } else {
            CHECK(0, "differential: streaming says %d, reference says %d", (int)got.reject, (int)wr);
        }
    }
    CHECK(agree == total, "streaming decoder agrees with the reference on %lu/%lu candidates", agree, total);
    for (i = 0; i < LT_REJECT_KINDS; i++) {
        CHECK(by_reason[i] > 0 || i == LT_REJECT_OVERSIZE, "differential covered reason %lu (%lu times)",
              (unsigned long)i, by_reason[i]);
    }
}

void test_decoder(void)
{
    test_commands();
    test_rejections();
    test_resync();
    test_counters();
    test_differential();
}
