/*
 * liptwitch/frame_encoder.h - builds one wire frame, spec section 2.
 *
 * The frame encoder writes header, payload and CRC-32C through a streaming
 * COBS encoder straight into the caller's buffer and ends with the 0x00
 * delimiter. It needs no staging buffer: its whole state is this struct
 * (about 30 bytes). The message encoders (device_messages.h) are built on it;
 * use it directly only for message types this library has no encoder for.
 *
 *     lt_frame_encoder fe;
 *     lt_frame_begin(&fe, buf, sizeof buf, LT_TYPE_PING, seq);
 *     lt_frame_put_u32(&fe, nonce);
 *     int n = lt_frame_end(&fe);      // wire length, or a negative lt_result
 */
#ifndef LIPTWITCH_FRAME_ENCODER_H
#define LIPTWITCH_FRAME_ENCODER_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/cobs.h"
#include "liptwitch/protocol.h"

#ifdef __cplusplus
extern "C" {
#endif

/** State of one frame being written. Treat the fields as private. */
typedef struct lt_frame_encoder {
    lt_cobs_encoder cobs; /**< COBS state writing into the caller's buffer */
    uint32_t crc;         /**< running CRC-32C of header and payload */
    uint16_t raw_len;     /**< header + payload bytes so far */
    uint8_t too_long;     /**< 1 once the payload exceeded LT_MAX_PAYLOAD */
} lt_frame_encoder;

/**
 * Starts a frame of protocol major LT_PROTOCOL_MAJOR with the given @p type
 * and sequence @p seq, written into @p out (capacity @p cap bytes).
 * LT_WIRE_SIZE(payload length) bytes always suffice.
 */
void lt_frame_begin(lt_frame_encoder *fe, uint8_t *out, size_t cap, uint8_t type, uint16_t seq);

/**
 * Like lt_frame_begin() with an explicit header @p version byte. Only for test
 * tools that must produce frames of other versions; firmware uses lt_frame_begin().
 */
void lt_frame_begin_version(lt_frame_encoder *fe, uint8_t *out, size_t cap, uint8_t version,
                            uint8_t type, uint16_t seq);

/** Appends one payload byte. */
void lt_frame_put_u8(lt_frame_encoder *fe, uint8_t value);

/** Appends a u16, little-endian. */
void lt_frame_put_u16(lt_frame_encoder *fe, uint16_t value);

/** Appends a u32, little-endian. */
void lt_frame_put_u32(lt_frame_encoder *fe, uint32_t value);

/** Appends @p len bytes at @p data (NULL allowed when @p len is 0). */
void lt_frame_put_bytes(lt_frame_encoder *fe, const uint8_t *data, size_t len);

/**
 * Appends the CRC, closes the COBS encoding and appends the 0x00 delimiter.
 * Returns the number of bytes written to the buffer (encoded frame plus
 * delimiter), LT_ERR_TOO_LONG when the payload exceeded LT_MAX_PAYLOAD, or
 * LT_ERR_SPACE when the buffer was too small. On error the buffer content is
 * unspecified and must not be sent.
 */
int lt_frame_end(lt_frame_encoder *fe);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_FRAME_ENCODER_H */
