/* test_crc_cobs.c - CRC-32C check value and COBS edge cases. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "liptwitch/liptwitch.h"

/* An independent canonical COBS encoder written segment by segment: the input
 * splits at its zeros; each segment becomes 255-blocks for its full 254-byte
 * chunks and a final short block for the rest (which also stands for the
 * zero after it), except that the frame's last segment gets no empty short
 * block after a full chunk. */
static size_t ref_cobs(const uint8_t *in, size_t n, uint8_t *out)
{
    size_t o = 0, start = 0;
    for (;;) {
        size_t end = start;
        size_t len, pos;
        int last;
        while (end < n && in[end] != 0) {
            end++;
        }
        last = (end == n);
        len = end - start;
        pos = start;
        while (end - pos >= 254) {
            out[o++] = 0xFF;
            memcpy(out + o, in + pos, 254);
            o += 254;
            pos += 254;
        }
        if (!(last && len > 0 && pos == end)) {
            out[o++] = (uint8_t)(end - pos + 1);
            memcpy(out + o, in + pos, end - pos);
            o += end - pos;
        }
        if (last) {
            return o;
        }
        start = end + 1;
    }
}

static uint32_t rng_state = 0x12345678u;
static uint8_t rnd8(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 17;
    rng_state ^= rng_state << 5;
    return (uint8_t)(rng_state >> 24);
}

static void cobs_round_trip(const uint8_t *in, size_t n, const char *what)
{
    static uint8_t enc[4096], ref[4096], dec[4096], tight[4096];
    size_t len, ref_len, dec_len, i;
    int zero_free = 1, rc;
    lt_cobs_encoder se;

    len = lt_cobs_encode(in, n, enc, sizeof enc);
    ref_len = ref_cobs(in, n, ref);
    CHECK_BYTES(enc, len, ref, ref_len, what);
    CHECK(len <= LT_COBS_MAX_ENCODED(n), "%s: %lu bytes exceed bound %lu", what, (unsigned long)len,
          (unsigned long)LT_COBS_MAX_ENCODED(n));
    for (i = 0; i < len; i++) {
        if (enc[i] == 0) {
            zero_free = 0;
        }
    }
    CHECK(zero_free, "%s: encoding contains 0x00", what);

    rc = lt_cobs_decode(enc, len, dec, sizeof dec, &dec_len);
    CHECK(rc == 0, "%s: decode rc %d", what, rc);
    CHECK_BYTES(dec, dec_len, in, n, what);

    /* The exact size is enough, one byte less is not. */
    CHECK(lt_cobs_encode(in, n, tight, len) == len, "%s: exact buffer", what);
    CHECK(lt_cobs_encode(in, n, tight, len - 1) == 0, "%s: buffer one short", what);
    CHECK(lt_cobs_decode(enc, len, dec, n, &dec_len) == 0 && dec_len == n, "%s: exact decode buffer", what);
    if (n > 0) {
        CHECK(lt_cobs_decode(enc, len, dec, n - 1, &dec_len) == LT_ERR_SPACE, "%s: decode buffer one short", what);
    }

    /* Streaming encoder, same bytes. */
    lt_cobs_encoder_init(&se, tight, sizeof tight);
    for (i = 0; i < n; i++) {
        lt_cobs_encoder_put(&se, in[i]);
    }
    {
        const size_t slen = lt_cobs_encoder_finish(&se);
        CHECK_BYTES(tight, slen, enc, len, what);
    }

    /* In-place decoding. */
    memcpy(tight, enc, len);
    rc = lt_cobs_decode(tight, len, tight, sizeof tight, &dec_len);
    CHECK(rc == 0, "%s: in-place decode rc %d", what, rc);
    CHECK_BYTES(tight, dec_len, in, n, what);
}

static void test_crc(void)
{
    const uint8_t check[] = "123456789";
    uint32_t c;
    CHECK(lt_crc32c(check, 9) == 0xE3069283uL, "CRC-32C check value: %08lx",
          (unsigned long)lt_crc32c(check, 9));
    CHECK(LT_CRC32C_CHECK == 0xE3069283uL, "check constant");
    c = lt_crc32c_init();
    c = lt_crc32c_update(c, check, 4);
    c = lt_crc32c_update_byte(c, check[4]);
    c = lt_crc32c_update(c, check + 5, 4);
    CHECK(lt_crc32c_final(c) == 0xE3069283uL, "incremental CRC");
    CHECK(lt_crc32c(NULL, 0) == 0u, "CRC of nothing is 0");
    /* Known values: 32 bytes of zeros and of 0xFF (RFC 3720 B.4). */
    {
        uint8_t b[32];
        memset(b, 0, sizeof b);
        CHECK(lt_crc32c(b, 32) == 0x8A9136AAuL, "RFC 3720 zeros: %08lx", (unsigned long)lt_crc32c(b, 32));
        memset(b, 0xFF, sizeof b);
        CHECK(lt_crc32c(b, 32) == 0x62A8AB43uL, "RFC 3720 ones: %08lx", (unsigned long)lt_crc32c(b, 32));
    }
}

static void test_cobs_spec_examples(void)
{
    static const struct {
        uint8_t in[8];
        size_t n;
        uint8_t out[8];
        size_t m;
    } ex[] = {
        {{0x00}, 1, {0x01, 0x01}, 2},
        {{0x00, 0x00}, 2, {0x01, 0x01, 0x01}, 3},
        {{0x11, 0x22, 0x00, 0x33}, 4, {0x03, 0x11, 0x22, 0x02, 0x33}, 5},
        {{0x11, 0x22, 0x33, 0x44}, 4, {0x05, 0x11, 0x22, 0x33, 0x44}, 5},
        {{0}, 0, {0x01}, 1},
    };
    uint8_t buf[600], in[254];
    size_t i, len;
    for (i = 0; i < sizeof ex / sizeof ex[0]; i++) {
        len = lt_cobs_encode(ex[i].in, ex[i].n, buf, sizeof buf);
        CHECK_BYTES(buf, len, ex[i].out, ex[i].m, "spec 2.2 example");
    }
    /* 254 bytes 01..FE -> FF 01..FE and nothing after it. */
    for (i = 0; i < 254; i++) {
        in[i] = (uint8_t)(i + 1);
    }
    len = lt_cobs_encode(in, 254, buf, sizeof buf);
    CHECK(len == 255 && buf[0] == 0xFF && memcmp(buf + 1, in, 254) == 0, "254 bytes 01..FE -> FF 01..FE");
}

static void test_cobs_edges(void)
{
    static const size_t sizes[] = {0, 1, 2, 253, 254, 255, 256, 507, 508, 509, 762, 1020, 1024};
    static uint8_t in[1100];
    size_t s, i;
    char what[64];
    for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        const size_t n = sizes[s];
        memset(in, 0, n);
        sprintf(what, "all zeros %lu", (unsigned long)n);
        cobs_round_trip(in, n, what);
        for (i = 0; i < n; i++) {
            in[i] = (uint8_t)(i % 255 + 1);
        }
        sprintf(what, "no zeros %lu", (unsigned long)n);
        cobs_round_trip(in, n, what);
        for (i = 0; i < n; i++) {
            in[i] = rnd8();
        }
        sprintf(what, "random %lu", (unsigned long)n);
        cobs_round_trip(in, n, what);
        /* A zero at the end, and at every 254th position. */
        for (i = 0; i < n; i++) {
            in[i] = (uint8_t)(i % 254 == 253 || i + 1 == n ? 0 : 0x5A);
        }
        sprintf(what, "zeros at 254 boundaries %lu", (unsigned long)n);
        cobs_round_trip(in, n, what);
    }
    /* Exact encoded sizes of the no-zero cases (canonical, no empty tail). */
    for (i = 0; i < 600; i++) {
        in[i] = 0x77;
    }
    {
        static uint8_t out[1100];
        CHECK(lt_cobs_encode(in, 253, out, sizeof out) == 254, "253 no zeros -> 254");
        CHECK(lt_cobs_encode(in, 254, out, sizeof out) == 255, "254 no zeros -> 255");
        CHECK(lt_cobs_encode(in, 255, out, sizeof out) == 257, "255 no zeros -> 257");
        CHECK(lt_cobs_encode(in, 508, out, sizeof out) == 510, "508 no zeros -> 510");
        CHECK(out[0] == 0xFF && out[255] == 0xFF, "508 no zeros: two 255 blocks");
    }
    /* Many random lengths against the reference. */
    for (s = 0; s < 300; s++) {
        const size_t n = (size_t)rnd8() * 4u + rnd8() % 4u;
        const int zero_rate = rnd8() % 4;
        for (i = 0; i < n; i++) {
            in[i] = (zero_rate != 0 && rnd8() % (zero_rate * 20) == 0) ? 0 : (uint8_t)(rnd8() | 1u);
        }
        sprintf(what, "random sparse zeros %lu", (unsigned long)n);
        cobs_round_trip(in, n, what);
    }
}

static void test_cobs_decode_errors(void)
{
    uint8_t out[600];
    size_t len;
    static const uint8_t past_end[] = {0x05, 0x11, 0x22};
    static const uint8_t past_end2[] = {0x02, 0x11, 0x03, 0x22};
    static const uint8_t has_zero[] = {0x03, 0x11, 0x00};
    static const uint8_t trailing_01[] = {0x03, 0x11, 0x22, 0x01};
    uint8_t full[256];
    size_t i;
    CHECK(lt_cobs_decode(past_end, sizeof past_end, out, sizeof out, &len) == LT_ERR_ENCODING,
          "code byte past the end");
    CHECK(lt_cobs_decode(past_end2, sizeof past_end2, out, sizeof out, &len) == LT_ERR_ENCODING,
          "second code byte past the end");
    CHECK(lt_cobs_decode(has_zero, sizeof has_zero, out, sizeof out, &len) == LT_ERR_ENCODING,
          "0x00 inside an encoded frame");
    CHECK(lt_cobs_decode(trailing_01, sizeof trailing_01, out, sizeof out, &len) == 0 && len == 3 &&
              out[0] == 0x11 && out[1] == 0x22 && out[2] == 0x00,
          "03 11 22 01 -> 11 22 00");
    CHECK(lt_cobs_decode(past_end, 0, out, sizeof out, &len) == 0 && len == 0, "empty input decodes to nothing");
    CHECK(lt_cobs_decode(NULL, 1, out, sizeof out, &len) == LT_ERR_ARG, "NULL input");
    /* A trailing 01 after a final 255 block is accepted (same bytes). */
    full[0] = 0xFF;
    for (i = 1; i < 255; i++) {
        full[i] = (uint8_t)i;
    }
    full[255] = 0x01;
    CHECK(lt_cobs_decode(full, 255, out, sizeof out, &len) == 0 && len == 254, "FF block alone -> 254 bytes");
    CHECK(lt_cobs_decode(full, 256, out, sizeof out, &len) == 0 && len == 254,
          "FF block + trailing 01 -> the same 254 bytes");
    CHECK(lt_cobs_encode(full, 1, NULL, 10) == 0, "encode to NULL");
}

void test_crc_cobs(void)
{
    test_crc();
    test_cobs_spec_examples();
    test_cobs_edges();
    test_cobs_decode_errors();
}
