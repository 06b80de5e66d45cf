/* cobs.c - canonical COBS encoder (streaming and one-shot) and decoder. */
#include "liptwitch/cobs.h"

/* Reserves the code byte of a new block at the current output position. */
static void lt_cobs_open_block(lt_cobs_encoder *enc)
{
    if (enc->len >= enc->cap) {
        enc->overflow = 1u;
        return;
    }
    enc->code_pos = enc->len;
    enc->len++;
    enc->code = 1u;
    enc->open = 1u;
}

void lt_cobs_encoder_init(lt_cobs_encoder *enc, uint8_t *out, size_t cap)
{
    enc->out = out;
    enc->cap = (out != NULL) ? cap : 0u;
    enc->len = 0u;
    enc->code_pos = 0u;
    enc->code = 1u;
    enc->open = 0u;
    enc->overflow = 0u;
    /* The first block is opened at once: even an empty input needs "01". */
    lt_cobs_open_block(enc);
}

void lt_cobs_encoder_put(lt_cobs_encoder *enc, uint8_t byte)
{
    if (enc->overflow) {
        return;
    }
    if (!enc->open) {
        /* The previous block was a full 255 block, closed lazily so that an
         * input ending right there gets no empty trailing block. */
        lt_cobs_open_block(enc);
        if (enc->overflow) {
            return;
        }
    }
    if (byte == 0u) {
        /* The zero ends the block; the next block opens at once, because a
         * trailing zero must still be represented by a (final) block. */
        enc->out[enc->code_pos] = enc->code;
        lt_cobs_open_block(enc);
        return;
    }
    if (enc->len >= enc->cap) {
        enc->overflow = 1u;
        return;
    }
    enc->out[enc->len] = byte;
    enc->len++;
    enc->code++;
    if (enc->code == 0xFFu) {
        enc->out[enc->code_pos] = 0xFFu;
        enc->open = 0u;
    }
}

size_t lt_cobs_encoder_finish(lt_cobs_encoder *enc)
{
    if (enc->overflow) {
        return 0u;
    }
    if (enc->open) {
        enc->out[enc->code_pos] = enc->code;
        enc->open = 0u;
    }
    return enc->len;
}

size_t lt_cobs_encode(const uint8_t *in, size_t len, uint8_t *out, size_t cap)
{
    lt_cobs_encoder enc;
    size_t i;
    if ((in == NULL && len != 0u) || out == NULL) {
        return 0u;
    }
    lt_cobs_encoder_init(&enc, out, cap);
    for (i = 0; i < len; i++) {
        lt_cobs_encoder_put(&enc, in[i]);
    }
    return lt_cobs_encoder_finish(&enc);
}

int lt_cobs_decode(const uint8_t *in, size_t len, uint8_t *out, size_t cap, size_t *out_len)
{
    size_t i = 0u;
    size_t o = 0u;
    if ((in == NULL && len != 0u) || out == NULL || out_len == NULL) {
        return LT_ERR_ARG;
    }
    *out_len = 0u;
    while (i < len) {
        const uint8_t code = in[i];
        size_t k;
        if (code == 0u || (size_t)code > len - i) {
            /* A 0x00 inside a frame, or a code byte pointing past the end. */
            return LT_ERR_ENCODING;
        }
        i++;
        for (k = 1u; k < code; k++) {
            if (in[i] == 0u) {
                return LT_ERR_ENCODING;
            }
            if (o >= cap) {
                return LT_ERR_SPACE;
            }
            out[o] = in[i];
            o++;
            i++;
        }
        /* A block shorter than 255 stands for its data and a zero, except
         * the last block of the frame, whose zero is implied and dropped. */
        if (code != 0xFFu && i < len) {
            if (o >= cap) {
                return LT_ERR_SPACE;
            }
            out[o] = 0u;
            o++;
        }
    }
    *out_len = o;
    return 0;
}
