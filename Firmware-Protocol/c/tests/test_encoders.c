/* test_encoders.c - device message encoders: layout, range checks, buffer sizes, tx counter. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "liptwitch/liptwitch.h"

/* Decodes a wire frame (COBS, delimiter, CRC) into raw; returns the raw length or 0. */
static size_t unwire(const uint8_t *wire, size_t len, uint8_t *raw, size_t cap)
{
    size_t n;
    uint32_t crc;
    if (len < 2 || wire[len - 1] != 0x00 || lt_cobs_decode(wire, len - 1, raw, cap, &n) != 0 || n < 8) {
        return 0;
    }
    crc = (uint32_t)raw[n - 4] | (uint32_t)raw[n - 3] << 8 | (uint32_t)raw[n - 2] << 16 |
          (uint32_t)raw[n - 1] << 24;
    return lt_crc32c(raw, n - 4) == crc ? n : 0;
}

static lt_identity good_identity(void)
{
    lt_identity id;
    memset(&id, 0, sizeof id);
    id.protocol_major = LT_PROTOCOL_MAJOR;
    id.protocol_minor = LT_PROTOCOL_MINOR;
    id.sensor_kind = LT_KIND_EMG;
    id.channel_count = 2;
    id.sample_rate_hz = 1000;
    id.sample_format = LT_FORMAT_INT16;
    id.max_batch = 8;
    id.serial = "SN-1";
    id.firmware_major = 1;
    id.firmware_minor = 2;
    id.firmware_patch = 3;
    id.hardware_revision = 4;
    id.channels[0].placement = LT_PLACE_UPPER_LEFT;
    id.channels[0].axis = LT_AXIS_NONE;
    id.channels[0].scale = 0.5f;
    id.channels[1].placement = LT_PLACE_RIGHT_JAW;
    id.channels[1].axis = LT_AXIS_NONE;
    id.channels[1].scale = 0.25f;
    {
        uint8_t i;
        for (i = 2; i < LT_MAX_CHANNELS; i++) {
            id.channels[i].placement = i;
            id.channels[i].scale = 1.0f;
        }
    }
    return id;
}

/* Every cap below the needed size is refused with LT_ERR_SPACE. */
#define CHECK_CAPS(call_with_cap, what)                                                          \
    do {                                                                                         \
        uint8_t capbuf_[LT_MAX_WIRE];                                                            \
        size_t cap_;                                                                             \
        int need_;                                                                               \
        uint8_t *out_ = capbuf_;                                                                 \
        size_t c_ = sizeof capbuf_;                                                              \
        need_ = (call_with_cap);                                                                 \
        CHECK(need_ > 0, "%s: encodes (%d)", what, need_);                                      \
        for (cap_ = 0; need_ > 0 && cap_ < (size_t)need_; cap_++) {                              \
            c_ = cap_;                                                                           \
            if (!CHECK((call_with_cap) == LT_ERR_SPACE, "%s: cap %lu accepted", what,            \
                       (unsigned long)cap_)) {                                                   \
                break;                                                                           \
            }                                                                                    \
        }                                                                                        \
        c_ = (size_t)need_;                                                                      \
        CHECK((call_with_cap) == need_, "%s: exact cap", what);                                 \
        out_ = NULL;                                                                             \
        c_ = sizeof capbuf_;                                                                     \
        CHECK((call_with_cap) == LT_ERR_ARG, "%s: NULL buffer", what);                          \
    } while (0)

static void test_identity(void)
{
    lt_identity id = good_identity();
    uint8_t buf[LT_IDENTITY_WIRE_SIZE(LT_MAX_CHANNELS)], raw[256];
    int n = lt_encode_identity(buf, sizeof buf, 7, &id);
    size_t r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(n > 0 && r == 8 + 28 + 16, "identity layout: raw length %lu", (unsigned long)r);
    if (r == 8 + 28 + 16) {
        static const uint8_t head[] = {1, 0x01, 7, 0, 1, 0, 1, 2, 0xE8, 0x03, 1, 8, 'S', 'N', '-', '1'};
        static const uint8_t ch0[] = {1, 0, 0, 0, 0x00, 0x00, 0x00, 0x3F};
        static const uint8_t ch1[] = {14, 0, 0, 0, 0x00, 0x00, 0x80, 0x3E};
        size_t i;
        int pad = 1;
        CHECK_BYTES(raw, sizeof head, head, sizeof head, "identity header");
        for (i = 16; i < 28; i++) {
            pad &= raw[i] == 0;
        }
        CHECK(pad, "serial padded with 0x00");
        CHECK(raw[28] == 1 && raw[29] == 2 && raw[30] == 3 && raw[31] == 4, "firmware/hardware bytes");
        CHECK_BYTES(raw + 32, 8, ch0, 8, "channel 0 descriptor");
        CHECK_BYTES(raw + 40, 8, ch1, 8, "channel 1 descriptor");
    }
    CHECK_CAPS(lt_encode_identity(out_, c_, 7, &id), "identity");
    CHECK(lt_encode_identity(buf, sizeof buf, 7, NULL) == LT_ERR_ARG, "identity NULL");

#define BAD_ID(mutation, what)                                                 \
    do {                                                                       \
        id = good_identity();                                                  \
        mutation;                                                              \
        CHECK(lt_encode_identity(buf, sizeof buf, 0, &id) == LT_ERR_ARG, what); \
    } while (0)
#define OK_ID(mutation, what)                                                  \
    do {                                                                       \
        id = good_identity();                                                  \
        mutation;                                                              \
        CHECK(lt_encode_identity(buf, sizeof buf, 0, &id) > 0, what);          \
    } while (0)
    BAD_ID(id.protocol_major = 2, "protocol major 2");
    BAD_ID(id.protocol_major = 0, "protocol major 0");
    OK_ID(id.protocol_minor = 7, "protocol minor 7 (a later minor)");
    BAD_ID(id.sensor_kind = 0, "sensor kind 0");
    BAD_ID(id.sensor_kind = 3, "sensor kind 3");
    OK_ID(id.sensor_kind = LT_KIND_ACCEL, "sensor kind accel");
    BAD_ID(id.channel_count = 0, "0 channels");
    BAD_ID(id.channel_count = 9, "9 channels");
    BAD_ID(id.sample_rate_hz = 0, "rate 0");
    BAD_ID(id.sample_rate_hz = 4001, "rate 4001");
    OK_ID(id.sample_rate_hz = 1, "rate 1");
    OK_ID(id.sample_rate_hz = 4000, "rate 4000");
    BAD_ID(id.sample_format = 0, "format 0");
    BAD_ID(id.sample_format = 3, "format 3");
    BAD_ID(id.max_batch = 0, "max_batch 0");
    /* 12 + max_batch * channels * size <= 1016 */
    OK_ID((id.channel_count = 2, id.max_batch = 251), "max_batch 251 x 2 ch int16 fits");
    BAD_ID((id.channel_count = 2, id.max_batch = 252), "max_batch 252 x 2 ch int16 too big");
    OK_ID((id.channel_count = 1, id.max_batch = 255), "max_batch 255 x 1 ch");
    OK_ID((id.channel_count = 8, id.sample_format = LT_FORMAT_INT24, id.max_batch = 41), "41 x 8 ch int24 fits");
    BAD_ID((id.channel_count = 8, id.sample_format = LT_FORMAT_INT24, id.max_batch = 42), "42 x 8 ch int24");
    BAD_ID(id.serial = NULL, "serial NULL");
    BAD_ID(id.serial = "", "serial empty");
    BAD_ID(id.serial = "0123456789ABCDEFG", "serial 17 chars");
    OK_ID(id.serial = "0123456789ABCDEF", "serial 16 chars");
    OK_ID(id.serial = " ~", "serial space and tilde");
    BAD_ID(id.serial = "A\tB", "serial control char");
    BAD_ID(id.serial = "A\177", "serial DEL");
    BAD_ID(id.serial = "A\200", "serial high bit");
    BAD_ID(id.channels[1].placement = 15, "placement 15");
    OK_ID(id.channels[1].placement = 14, "placement 14");
    BAD_ID(id.channels[0].axis = 4, "axis 4");
    OK_ID(id.channels[0].axis = 3, "axis 3");
    BAD_ID(id.channels[0].scale = 0.0f, "scale 0");
    BAD_ID(id.channels[0].scale = -0.0f, "scale -0");
    BAD_ID(id.channels[1].scale = -1.0f, "scale -1");
    BAD_ID(id.channels[0].scale = (float)HUGE_VAL, "scale inf");
    BAD_ID(id.channels[0].scale = (float)NAN, "scale nan");
    OK_ID(id.channels[0].scale = FLT_MAX, "scale FLT_MAX");
    OK_ID(id.channels[0].scale = FLT_MIN / 4.0f, "scale subnormal");
    /* Descriptors beyond channel_count are not looked at. */
    OK_ID((id.channel_count = 1, id.channels[1].scale = -1.0f), "unused descriptor ignored");
#undef BAD_ID
#undef OK_ID
}

static void test_samples(void)
{
    static int16_t v16[255 * 8];
    static int32_t v24[255 * 8];
    static uint8_t buf[LT_MAX_WIRE], raw[LT_MAX_FRAME];
    lt_samples h;
    size_t i, r;
    int n;
    for (i = 0; i < sizeof v16 / sizeof v16[0]; i++) {
        v16[i] = (int16_t)(i * 37u);
        v24[i] = (int32_t)(i * 4099u) - 4000000;
    }
    h.first_sample = 0x01020304u;
    h.timestamp_us = 0xA0B0C0D0u;
    h.sample_count = 3;
    h.channel_count = 2;
    h.flags = LT_SAMPLES_FLAG_LEAD_OFF;
    v16[0] = -2;
    n = lt_encode_samples_i16(buf, sizeof buf, 9, &h, v16);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(r == 8 + 12 + 12, "samples i16 raw length");
    if (r == 8 + 12 + 12) {
        static const uint8_t want[] = {1, 2, 9, 0, 4, 3, 2, 1, 0xD0, 0xC0, 0xB0, 0xA0, 3, 2, 1, 1, 0xFE, 0xFF};
        CHECK_BYTES(raw, sizeof want, want, sizeof want, "samples i16 header and first value");
    }
    v24[0] = -2;
    n = lt_encode_samples_i24(buf, sizeof buf, 9, &h, v24);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(r == 8 + 12 + 18 && raw[14] == 2 && raw[16] == 0xFE && raw[17] == 0xFF && raw[18] == 0xFF,
          "samples i24 layout");
    CHECK_CAPS(lt_encode_samples_i16(out_, c_, 1, &h, v16), "samples i16");
    CHECK_CAPS(lt_encode_samples_i24(out_, c_, 1, &h, v24), "samples i24");

    /* Range checks. */
    h.sample_count = 0;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_ARG, "count 0");
    h.sample_count = 3;
    h.channel_count = 0;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_ARG, "channels 0");
    h.channel_count = 9;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_ARG, "channels 9");
    h.channel_count = 2;
    h.flags = 0x04;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_ARG, "flags bit 2");
    h.flags = 0x03;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) > 0, "flags 3");
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, NULL) == LT_ERR_ARG, "values NULL");
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, NULL, v16) == LT_ERR_ARG, "header NULL");
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, NULL, v24) == LT_ERR_ARG, "i24 header NULL");
    v24[5] = LT_INT24_MAX + 1;
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) == LT_ERR_ARG, "int24 8388608");
    v24[5] = LT_INT24_MIN - 1;
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) == LT_ERR_ARG, "int24 -8388609");
    v24[5] = LT_INT24_MIN;
    v24[4] = LT_INT24_MAX;
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) > 0, "int24 extremes");
    v24[6] = LT_INT24_MAX + 1; /* beyond count x channels: not looked at */
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) > 0, "values beyond the batch ignored");
    v24[6] = 0;

    /* Frame size limit: 12 + count * channels * size <= 1016. */
    h.channel_count = 2;
    h.sample_count = 251;
    n = lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16);
    CHECK(n > 0 && (size_t)n <= LT_MAX_WIRE && unwire(buf, (size_t)n, raw, sizeof raw) == LT_MAX_FRAME,
          "251 x 2 int16 = 1024-byte frame");
    h.sample_count = 252;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_TOO_LONG, "252 x 2 int16 too long");
    h.channel_count = 8;
    h.sample_count = 41;
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) > 0, "41 x 8 int24 fits");
    h.sample_count = 42;
    CHECK(lt_encode_samples_i24(buf, sizeof buf, 0, &h, v24) == LT_ERR_TOO_LONG, "42 x 8 int24 too long");
    h.channel_count = 8;
    h.sample_count = 255;
    CHECK(lt_encode_samples_i16(buf, sizeof buf, 0, &h, v16) == LT_ERR_TOO_LONG, "255 x 8 int16 too long");
    /* The worst case of spec section 9 fits its LT_SAMPLES_WIRE_SIZE buffer. */
    {
        uint8_t b16[LT_SAMPLES_WIRE_SIZE(16u, 8u, 2u)];
        uint8_t b24[LT_SAMPLES_WIRE_SIZE(16u, 8u, 3u)];
        h.sample_count = 16;
        CHECK(lt_encode_samples_i16(b16, sizeof b16, 0, &h, v16) > 0, "16 x 8 int16 in its sized buffer");
        CHECK(lt_encode_samples_i24(b24, sizeof b24, 0, &h, v24) > 0, "16 x 8 int24 in its sized buffer");
        CHECK(sizeof b16 >= 279 && sizeof b24 >= 407, "section 9 wire sizes");
    }
}

static void test_small_messages(void)
{
    uint8_t buf[LT_SMALL_WIRE_SIZE], raw[64];
    lt_status st;
    size_t r;
    int n;
    st.timestamp_us = 1000000;
    st.battery_percent = 80;
    st.power_flags = LT_POWER_CHARGING | LT_POWER_EXTERNAL;
    st.lead_off = 0xA5;
    st.saturation = 0x02;
    st.overruns = 3;
    n = lt_encode_status(buf, sizeof buf, 18, &st);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    {
        static const uint8_t want[] = {1, 3, 18, 0, 0x40, 0x42, 0x0F, 0x00, 80, 3, 0xA5, 0x02, 3, 0, 0, 0};
        CHECK_BYTES(raw, r >= 4 ? r - 4 : 0, want, sizeof want, "status layout");
    }
    CHECK_CAPS(lt_encode_status(out_, c_, 1, &st), "status");
    st.battery_percent = 100;
    CHECK(lt_encode_status(buf, sizeof buf, 0, &st) > 0, "battery 100");
    st.battery_percent = 255;
    CHECK(lt_encode_status(buf, sizeof buf, 0, &st) > 0, "battery 255 (unknown)");
    st.battery_percent = 101;
    CHECK(lt_encode_status(buf, sizeof buf, 0, &st) == LT_ERR_ARG, "battery 101");
    st.battery_percent = 254;
    CHECK(lt_encode_status(buf, sizeof buf, 0, &st) == LT_ERR_ARG, "battery 254");
    st.battery_percent = 50;
    st.power_flags = 4;
    CHECK(lt_encode_status(buf, sizeof buf, 0, &st) == LT_ERR_ARG, "power flag bit 2");
    CHECK(lt_encode_status(buf, sizeof buf, 0, NULL) == LT_ERR_ARG, "status NULL");

    CHECK_CAPS(lt_encode_marker(out_, c_, 1, 10, 20, LT_MARKER_SHORT), "marker");
    CHECK(lt_encode_marker(buf, sizeof buf, 0, 1, 2, LT_MARKER_LONG) > 0, "marker long");
    CHECK(lt_encode_marker(buf, sizeof buf, 0, 1, 2, 0) == LT_ERR_ARG, "marker kind 0");
    CHECK(lt_encode_marker(buf, sizeof buf, 0, 1, 2, 3) == LT_ERR_ARG, "marker kind 3");

    CHECK_CAPS(lt_encode_ack(out_, c_, 1, LT_TYPE_START, 5), "ack");
    CHECK(lt_encode_ack(buf, sizeof buf, 0, LT_TYPE_STOP, 5) > 0, "ack STOP");
    CHECK(lt_encode_ack(buf, sizeof buf, 0, LT_TYPE_SET_RATE, 5) > 0, "ack SET_RATE");
    CHECK(lt_encode_ack(buf, sizeof buf, 0, LT_TYPE_IDENTIFY, 5) == LT_ERR_ARG, "ack IDENTIFY");
    CHECK(lt_encode_ack(buf, sizeof buf, 0, LT_TYPE_PING, 5) == LT_ERR_ARG, "ack PING");
    CHECK(lt_encode_ack(buf, sizeof buf, 0, 0x05, 5) == LT_ERR_ARG, "ack of a device type");

    CHECK_CAPS(lt_encode_error(out_, c_, 1, 0xFE, 8, LT_ERR_CODE_UNKNOWN_COMMAND), "error");
    CHECK(lt_encode_error(buf, sizeof buf, 0, 0x00, 8, LT_ERR_CODE_INTERNAL) > 0, "error any command type");
    CHECK(lt_encode_error(buf, sizeof buf, 0, 0x84, 8, 0) == LT_ERR_ARG, "error code 0");
    CHECK(lt_encode_error(buf, sizeof buf, 0, 0x84, 8, 7) == LT_ERR_ARG, "error code 7");

    CHECK_CAPS(lt_encode_pong(out_, c_, 1, 0xDEADBEEFu, 77), "pong");
    n = lt_encode_pong(buf, sizeof buf, 0x0102, 0xDEADBEEFu, 0x11223344u);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    {
        static const uint8_t want[] = {1, 7, 2, 1, 0xEF, 0xBE, 0xAD, 0xDE, 0x44, 0x33, 0x22, 0x11};
        CHECK_BYTES(raw, r >= 4 ? r - 4 : 0, want, sizeof want, "pong layout");
    }
}

static void test_frame_encoder(void)
{
    static uint8_t buf[LT_MAX_WIRE + 8], raw[LT_MAX_FRAME + 8], payload[LT_MAX_PAYLOAD + 1];
    lt_frame_encoder fe;
    size_t i;
    int n;
    for (i = 0; i < sizeof payload; i++) {
        payload[i] = (uint8_t)(i * 7u + 1u);
    }
    lt_frame_begin(&fe, buf, sizeof buf, 0x42, 0xBEEF);
    lt_frame_put_bytes(&fe, payload, LT_MAX_PAYLOAD);
    n = lt_frame_end(&fe);
    CHECK(n > 0 && (size_t)n <= LT_MAX_WIRE, "1016-byte payload fits %d <= 1030", n);
    CHECK(n > 0 && unwire(buf, (size_t)n, raw, sizeof raw) == LT_MAX_FRAME && raw[1] == 0x42 && raw[2] == 0xEF &&
              raw[3] == 0xBE && memcmp(raw + 4, payload, LT_MAX_PAYLOAD) == 0,
          "max frame decodes back");
    lt_frame_begin(&fe, buf, sizeof buf, 0x42, 0);
    lt_frame_put_bytes(&fe, payload, LT_MAX_PAYLOAD + 1);
    CHECK(lt_frame_end(&fe) == LT_ERR_TOO_LONG, "1017-byte payload refused");
    /* Zero-free 1024-byte frame: the worst COBS overhead, 1029 + delimiter. */
    for (i = 0; i < 200; i++) {
        uint16_t seq = (uint16_t)(0x0101u + i);
        uint32_t crc;
        memset(payload, 0x55, LT_MAX_PAYLOAD);
        payload[0] = (uint8_t)(i + 1);
        raw[0] = 1;
        raw[1] = 0x42;
        raw[2] = (uint8_t)seq;
        raw[3] = (uint8_t)(seq >> 8);
        memcpy(raw + 4, payload, LT_MAX_PAYLOAD);
        crc = lt_crc32c(raw, 4 + LT_MAX_PAYLOAD);
        if ((crc & 0xFFu) && (crc & 0xFF00u) && (crc & 0xFF0000uL) && (crc & 0xFF000000uL) && raw[2] && raw[3]) {
            lt_frame_begin(&fe, buf, sizeof buf, 0x42, seq);
            lt_frame_put_bytes(&fe, payload, LT_MAX_PAYLOAD);
            n = lt_frame_end(&fe);
            CHECK(n == (int)LT_MAX_WIRE, "zero-free max frame is exactly 1030 bytes on the wire (%d)", n);
            CHECK(LT_WIRE_SIZE(LT_MAX_PAYLOAD) == LT_MAX_WIRE, "LT_WIRE_SIZE(1016) == 1030");
            break;
        }
    }
    /* Version byte for test tools. */
    lt_frame_begin_version(&fe, buf, sizeof buf, 2, LT_TYPE_START, 1);
    n = lt_frame_end(&fe);
    CHECK(n > 0 && unwire(buf, (size_t)n, raw, sizeof raw) == 8 && raw[0] == 2, "explicit version byte");
}

static void test_tx(void)
{
    lt_tx tx;
    uint8_t buf[LT_SMALL_WIRE_SIZE], raw[32];
    size_t r;
    int n;
    lt_tx_init(&tx);
    CHECK(tx.seq == 0, "tx starts at 0");
    n = lt_tx_pong(&tx, buf, sizeof buf, 1, 2);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(r > 0 && raw[2] == 0 && raw[3] == 0 && tx.seq == 1, "first frame seq 0, then 1");
    n = lt_tx_ack(&tx, buf, sizeof buf, LT_TYPE_START, 9);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(r > 0 && raw[2] == 1 && tx.seq == 2, "second frame seq 1");
    CHECK(lt_tx_ack(&tx, buf, sizeof buf, 0x99, 9) == LT_ERR_ARG && tx.seq == 2, "refused: no seq used");
    CHECK(lt_tx_pong(&tx, buf, 3, 1, 2) == LT_ERR_SPACE && tx.seq == 2, "no space: no seq used");
    tx.seq = 65535;
    n = lt_tx_marker(&tx, buf, sizeof buf, 1, 2, LT_MARKER_SHORT);
    r = unwire(buf, (size_t)(n > 0 ? n : 0), raw, sizeof raw);
    CHECK(r > 0 && raw[2] == 0xFF && raw[3] == 0xFF && tx.seq == 0, "seq 65535 wraps to 0");
    CHECK(lt_tx_error(&tx, buf, sizeof buf, 0x90, 3, LT_ERR_CODE_UNKNOWN_COMMAND) > 0 && tx.seq == 1,
          "error advances");
}

void test_encoders(void)
{
    test_identity();
    test_samples();
    test_small_messages();
    test_frame_encoder();
    test_tx();
}
