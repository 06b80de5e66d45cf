/* frame_encoder.c - header + payload + CRC-32C, COBS-encoded, 0x00-delimited. */
#include "liptwitch/frame_encoder.h"

#include "liptwitch/crc32c.h"

/* Header and payload bytes at most: the CRC is not counted here. */
#define LT_MAX_BODY (LT_HEADER_SIZE + LT_MAX_PAYLOAD)

/* One byte of header or payload: CRC and COBS. */
static void lt_frame_body_byte(lt_frame_encoder *fe, uint8_t value)
{
    if (fe->raw_len >= LT_MAX_BODY) {
        fe->too_long = 1u;
        return;
    }
    fe->raw_len++;
    fe->crc = lt_crc32c_update_byte(fe->crc, value);
    lt_cobs_encoder_put(&fe->cobs, value);
}

void lt_frame_begin_version(lt_frame_encoder *fe, uint8_t *out, size_t cap, uint8_t version,
                            uint8_t type, uint16_t seq)
{
    lt_cobs_encoder_init(&fe->cobs, out, cap);
    fe->crc = lt_crc32c_init();
    fe->raw_len = 0u;
    fe->too_long = 0u;
    lt_frame_body_byte(fe, version);
    lt_frame_body_byte(fe, type);
    lt_frame_put_u16(fe, seq);
}

void lt_frame_begin(lt_frame_encoder *fe, uint8_t *out, size_t cap, uint8_t type, uint16_t seq)
{
    lt_frame_begin_version(fe, out, cap, (uint8_t)LT_PROTOCOL_MAJOR, type, seq);
}

void lt_frame_put_u8(lt_frame_encoder *fe, uint8_t value)
{
    lt_frame_body_byte(fe, value);
}

void lt_frame_put_u16(lt_frame_encoder *fe, uint16_t value)
{
    lt_frame_body_byte(fe, (uint8_t)(value & 0xFFu));
    lt_frame_body_byte(fe, (uint8_t)(value >> 8));
}

void lt_frame_put_u32(lt_frame_encoder *fe, uint32_t value)
{
    uint8_t i;
    for (i = 0u; i < 4u; i++) {
        lt_frame_body_byte(fe, (uint8_t)(value & 0xFFu));
        value >>= 8;
    }
}

void lt_frame_put_bytes(lt_frame_encoder *fe, const uint8_t *data, size_t len)
{
    size_t i;
    for (i = 0u; i < len; i++) {
        lt_frame_body_byte(fe, data[i]);
    }
}

int lt_frame_end(lt_frame_encoder *fe)
{
    uint32_t crc = lt_crc32c_final(fe->crc);
    size_t len;
    uint8_t i;
    if (fe->too_long) {
        return LT_ERR_TOO_LONG;
    }
    for (i = 0u; i < 4u; i++) {
        lt_cobs_encoder_put(&fe->cobs, (uint8_t)(crc & 0xFFu));
        crc >>= 8;
    }
    len = lt_cobs_encoder_finish(&fe->cobs);
    if (len == 0u || len >= fe->cobs.cap) {
        return LT_ERR_SPACE; /* no room for the encoding or for the delimiter */
    }
    fe->cobs.out[len] = (uint8_t)LT_DELIMITER;
    return (int)(len + 1u);
}
