/*
 * liptwitch/cobs.h - Consistent Overhead Byte Stuffing, spec section 2.2.
 *
 * The encoder is canonical: it never ends with an empty block, so a frame
 * that ends exactly at the end of a 255 block has nothing after that block.
 * The decoder accepts a trailing 0x01 block anyway (it decodes to the same
 * bytes). Neither adds nor expects the 0x00 frame delimiter.
 *
 * Two ways to encode:
 *   - lt_cobs_encode(): whole buffer in, whole buffer out;
 *   - lt_cobs_encoder: byte by byte, straight into the output buffer, with
 *     no staging copy of the input (the frame encoder uses this).
 */
#ifndef LIPTWITCH_COBS_H
#define LIPTWITCH_COBS_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/protocol.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Streaming COBS encoder state. Treat the fields as private; the struct is
 * public only so that it can live on the stack or in a static.
 */
typedef struct lt_cobs_encoder {
    uint8_t *out;     /**< output buffer */
    size_t cap;       /**< its capacity in bytes */
    size_t len;       /**< bytes of output used (code bytes reserved included) */
    size_t code_pos;  /**< index of the open block's code byte */
    uint8_t code;     /**< open block's code so far (1 + data bytes) */
    uint8_t open;     /**< 1 while a block is open */
    uint8_t overflow; /**< 1 once the output did not fit */
} lt_cobs_encoder;

/**
 * Starts encoding into @p out (capacity @p cap bytes). Never fails; running
 * out of space is reported by lt_cobs_encoder_finish().
 */
void lt_cobs_encoder_init(lt_cobs_encoder *enc, uint8_t *out, size_t cap);

/** Encodes one input byte. Does nothing once the output has overflowed. */
void lt_cobs_encoder_put(lt_cobs_encoder *enc, uint8_t byte);

/**
 * Closes the encoding and returns its length in bytes (at least 1), or 0 when
 * it did not fit in the buffer. Writes no delimiter.
 */
size_t lt_cobs_encoder_finish(lt_cobs_encoder *enc);

/**
 * Encodes @p len bytes at @p in into @p out (capacity @p cap). Returns the
 * encoded length (at least 1; an empty input encodes as the single byte 0x01),
 * or 0 when it does not fit or a pointer is NULL. LT_COBS_MAX_ENCODED(len)
 * bytes always suffice. @p in and @p out must not overlap. No delimiter.
 */
size_t lt_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap);

/**
 * Decodes the encoded frame @p in of @p len bytes (without its delimiter) into
 * @p out (capacity @p cap) and stores the decoded length in @p *out_len.
 * Decoding in place (@p out == @p in) is allowed: the output never overtakes
 * the input. Returns 0 on success, LT_ERR_ENCODING when a code byte points
 * past the end or the input holds a 0x00, LT_ERR_SPACE when the output does
 * not fit, LT_ERR_ARG for a NULL pointer. An empty input decodes to nothing.
 */
int lt_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap, size_t *out_len);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_COBS_H */
