/* device_messages.c - range checks and payload layout of the device-to-host messages. */
#include "liptwitch/device_messages.h"

#include "liptwitch/frame_encoder.h"

/* The bit pattern of a binary32, without floating-point arithmetic (no FPU
 * or soft-float calls needed). Type punning through a union is defined in C99. */
static uint32_t lt_float_bits(float value)
{
    union {
        float f;
        uint32_t u;
    } pun;
    pun.f = value;
    return pun.u;
}

/* Finite and greater than 0, decided on the bits: sign clear, exponent not
 * all ones, not +0. Subnormals are positive and finite, so they pass. */
static int lt_scale_valid(uint32_t bits)
{
    return (bits & 0x80000000uL) == 0u && (bits & 0x7F800000uL) != 0x7F800000uL && bits != 0u;
}

static uint8_t lt_format_size(uint8_t format)
{
    return (format == LT_FORMAT_INT16) ? (uint8_t)LT_INT16_SIZE
           : (format == LT_FORMAT_INT24) ? (uint8_t)LT_INT24_SIZE
                                         : 0u;
}

/* Serial length 1..16 of printable ASCII, or 0 when invalid. */
static size_t lt_serial_length(const char *serial)
{
    size_t n = 0u;
    if (serial == NULL) {
        return 0u;
    }
    while (serial[n] != '\0') {
        const unsigned char c = (unsigned char)serial[n];
        if (n >= LT_SERIAL_SIZE || c < 0x20u || c > 0x7Eu) {
            return 0u;
        }
        n++;
    }
    return n;
}

int lt_encode_identity(uint8_t *out, size_t cap, uint16_t seq, const lt_identity *id)
{
    lt_frame_encoder fe;
    size_t serial_len;
    uint8_t size;
    uint8_t i;
    if (out == NULL || id == NULL) {
        return LT_ERR_ARG;
    }
    size = lt_format_size(id->sample_format);
    serial_len = lt_serial_length(id->serial);
    if (id->protocol_major != LT_PROTOCOL_MAJOR ||
        (id->sensor_kind != LT_KIND_EMG && id->sensor_kind != LT_KIND_ACCEL) ||
        id->channel_count < 1u || id->channel_count > LT_MAX_CHANNELS ||
        id->sample_rate_hz < LT_MIN_RATE_HZ || id->sample_rate_hz > LT_MAX_RATE_HZ ||
        size == 0u || id->max_batch < 1u || serial_len == 0u ||
        LT_SAMPLES_FIXED + (uint32_t)id->max_batch * id->channel_count * size > LT_MAX_PAYLOAD) {
        return LT_ERR_ARG;
    }
    for (i = 0u; i < id->channel_count; i++) {
        if (id->channels[i].placement > LT_MAX_PLACEMENT || id->channels[i].axis > LT_MAX_AXIS ||
            !lt_scale_valid(lt_float_bits(id->channels[i].scale))) {
            return LT_ERR_ARG;
        }
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_IDENTITY, seq);
    lt_frame_put_u8(&fe, id->protocol_major);
    lt_frame_put_u8(&fe, id->protocol_minor);
    lt_frame_put_u8(&fe, id->sensor_kind);
    lt_frame_put_u8(&fe, id->channel_count);
    lt_frame_put_u16(&fe, id->sample_rate_hz);
    lt_frame_put_u8(&fe, id->sample_format);
    lt_frame_put_u8(&fe, id->max_batch);
    for (i = 0u; i < LT_SERIAL_SIZE; i++) {
        lt_frame_put_u8(&fe, (i < serial_len) ? (uint8_t)id->serial[i] : 0u);
    }
    lt_frame_put_u8(&fe, id->firmware_major);
    lt_frame_put_u8(&fe, id->firmware_minor);
    lt_frame_put_u8(&fe, id->firmware_patch);
    lt_frame_put_u8(&fe, id->hardware_revision);
    for (i = 0u; i < id->channel_count; i++) {
        lt_frame_put_u8(&fe, id->channels[i].placement);
        lt_frame_put_u8(&fe, id->channels[i].axis);
        lt_frame_put_u16(&fe, 0u); /* reserved */
        lt_frame_put_u32(&fe, lt_float_bits(id->channels[i].scale));
    }
    return lt_frame_end(&fe);
}

/* Checks a SAMPLES header for the given format. Returns 0 or a negative lt_result. */
static int lt_samples_check(const uint8_t *out, const lt_samples *hdr, const void *values, uint8_t format)
{
    const uint8_t size = lt_format_size(format);
    if (out == NULL || hdr == NULL || values == NULL) {
        return LT_ERR_ARG;
    }
    if (hdr->sample_count < 1u || hdr->channel_count < 1u ||
        hdr->channel_count > LT_MAX_CHANNELS || (hdr->flags & (uint8_t)~LT_SAMPLES_FLAGS_MASK) != 0u) {
        return LT_ERR_ARG;
    }
    if (LT_SAMPLES_FIXED + (uint32_t)hdr->sample_count * hdr->channel_count * size > LT_MAX_PAYLOAD) {
        return LT_ERR_TOO_LONG;
    }
    return 0;
}

/* Starts a SAMPLES frame: header and the fixed part of the payload. */
static void lt_samples_begin(lt_frame_encoder *fe, uint8_t *out, size_t cap, uint16_t seq,
                             const lt_samples *hdr, uint8_t format)
{
    lt_frame_begin(fe, out, cap, (uint8_t)LT_TYPE_SAMPLES, seq);
    lt_frame_put_u32(fe, hdr->first_sample);
    lt_frame_put_u32(fe, hdr->timestamp_us);
    lt_frame_put_u8(fe, hdr->sample_count);
    lt_frame_put_u8(fe, hdr->channel_count);
    lt_frame_put_u8(fe, format);
    lt_frame_put_u8(fe, hdr->flags);
}

int lt_encode_samples_i16(uint8_t *out, size_t cap, uint16_t seq, const lt_samples *hdr,
                          const int16_t *values)
{
    lt_frame_encoder fe;
    size_t n;
    size_t i;
    const int rc = lt_samples_check(out, hdr, values, (uint8_t)LT_FORMAT_INT16);
    if (rc != 0) {
        return rc;
    }
    lt_samples_begin(&fe, out, cap, seq, hdr, (uint8_t)LT_FORMAT_INT16);
    n = (size_t)hdr->sample_count * hdr->channel_count;
    for (i = 0u; i < n; i++) {
        lt_frame_put_u16(&fe, (uint16_t)values[i]); /* two's complement, by C's modular conversion */
    }
    return lt_frame_end(&fe);
}

int lt_encode_samples_i24(uint8_t *out, size_t cap, uint16_t seq, const lt_samples *hdr,
                          const int32_t *values)
{
    lt_frame_encoder fe;
    size_t n;
    size_t i;
    const int rc = lt_samples_check(out, hdr, values, (uint8_t)LT_FORMAT_INT24);
    if (rc != 0) {
        return rc;
    }
    n = (size_t)hdr->sample_count * hdr->channel_count;
    for (i = 0u; i < n; i++) {
        if (values[i] < LT_INT24_MIN || values[i] > LT_INT24_MAX) {
            return LT_ERR_ARG;
        }
    }
    lt_samples_begin(&fe, out, cap, seq, hdr, (uint8_t)LT_FORMAT_INT24);
    for (i = 0u; i < n; i++) {
        const uint32_t v = (uint32_t)values[i];
        lt_frame_put_u8(&fe, (uint8_t)(v & 0xFFu));
        lt_frame_put_u8(&fe, (uint8_t)((v >> 8) & 0xFFu));
        lt_frame_put_u8(&fe, (uint8_t)((v >> 16) & 0xFFu));
    }
    return lt_frame_end(&fe);
}

int lt_encode_status(uint8_t *out, size_t cap, uint16_t seq, const lt_status *st)
{
    lt_frame_encoder fe;
    if (out == NULL || st == NULL) {
        return LT_ERR_ARG;
    }
    if ((st->battery_percent > 100u && st->battery_percent != LT_BATTERY_UNKNOWN) ||
        (st->power_flags & (uint8_t)~LT_POWER_FLAGS_MASK) != 0u) {
        return LT_ERR_ARG;
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_STATUS, seq);
    lt_frame_put_u32(&fe, st->timestamp_us);
    lt_frame_put_u8(&fe, st->battery_percent);
    lt_frame_put_u8(&fe, st->power_flags);
    lt_frame_put_u8(&fe, st->lead_off);
    lt_frame_put_u8(&fe, st->saturation);
    lt_frame_put_u32(&fe, st->overruns);
    return lt_frame_end(&fe);
}

int lt_encode_marker(uint8_t *out, size_t cap, uint16_t seq, uint32_t timestamp_us,
                     uint32_t sample_index, uint8_t kind)
{
    lt_frame_encoder fe;
    if (out == NULL || (kind != LT_MARKER_SHORT && kind != LT_MARKER_LONG)) {
        return LT_ERR_ARG;
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_MARKER, seq);
    lt_frame_put_u32(&fe, timestamp_us);
    lt_frame_put_u32(&fe, sample_index);
    lt_frame_put_u8(&fe, kind);
    return lt_frame_end(&fe);
}

int lt_encode_ack(uint8_t *out, size_t cap, uint16_t seq, uint8_t command_type,
                  uint16_t command_seq)
{
    lt_frame_encoder fe;
    if (out == NULL || command_type < LT_TYPE_START || command_type > LT_TYPE_SET_RATE) {
        return LT_ERR_ARG;
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_ACK, seq);
    lt_frame_put_u8(&fe, command_type);
    lt_frame_put_u16(&fe, command_seq);
    return lt_frame_end(&fe);
}

int lt_encode_error(uint8_t *out, size_t cap, uint16_t seq, uint8_t command_type,
                    uint16_t command_seq, uint8_t code)
{
    lt_frame_encoder fe;
    if (out == NULL || code < LT_ERR_CODE_MALFORMED || code > LT_ERR_CODE_INTERNAL) {
        return LT_ERR_ARG;
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_ERROR, seq);
    lt_frame_put_u8(&fe, command_type);
    lt_frame_put_u16(&fe, command_seq);
    lt_frame_put_u8(&fe, code);
    return lt_frame_end(&fe);
}

int lt_encode_pong(uint8_t *out, size_t cap, uint16_t seq, uint32_t nonce, uint32_t timestamp_us)
{
    lt_frame_encoder fe;
    if (out == NULL) {
        return LT_ERR_ARG;
    }
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_PONG, seq);
    lt_frame_put_u32(&fe, nonce);
    lt_frame_put_u32(&fe, timestamp_us);
    return lt_frame_end(&fe);
}
