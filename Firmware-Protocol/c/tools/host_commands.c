/* host_commands.c - host-to-device command encoders for test tools. */
#include "host_commands.h"

#include "liptwitch/liptwitch.h"

int lt_host_identify(uint8_t *out, size_t cap, uint16_t seq, uint8_t host_max_major)
{
    lt_frame_encoder fe;
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_IDENTIFY, seq);
    lt_frame_put_u8(&fe, host_max_major);
    return lt_frame_end(&fe);
}

int lt_host_start(uint8_t *out, size_t cap, uint16_t seq)
{
    lt_frame_encoder fe;
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_START, seq);
    return lt_frame_end(&fe);
}

int lt_host_stop(uint8_t *out, size_t cap, uint16_t seq)
{
    lt_frame_encoder fe;
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_STOP, seq);
    return lt_frame_end(&fe);
}

int lt_host_set_rate(uint8_t *out, size_t cap, uint16_t seq, uint16_t rate_hz)
{
    lt_frame_encoder fe;
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_SET_RATE, seq);
    lt_frame_put_u16(&fe, rate_hz);
    return lt_frame_end(&fe);
}

int lt_host_ping(uint8_t *out, size_t cap, uint16_t seq, uint32_t nonce)
{
    lt_frame_encoder fe;
    lt_frame_begin(&fe, out, cap, (uint8_t)LT_TYPE_PING, seq);
    lt_frame_put_u32(&fe, nonce);
    return lt_frame_end(&fe);
}

int lt_host_raw(uint8_t *out, size_t cap, uint8_t version, uint8_t type, uint16_t seq,
                const uint8_t *payload, size_t len)
{
    lt_frame_encoder fe;
    lt_frame_begin_version(&fe, out, cap, version, type, seq);
    lt_frame_put_bytes(&fe, payload, len);
    return lt_frame_end(&fe);
}
