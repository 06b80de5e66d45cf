/*
 * liptwitch/tx.h - the device's transmit context: its u16 frame sequence
 * counter (spec section 3.1).
 *
 * The counter starts at 0 at reset and goes up by one with every frame the
 * device sends, of any type, wrapping from 65535 to 0. Each lt_tx_* function
 * encodes with the current sequence (see device_messages.h for arguments and
 * results) and advances the counter only when encoding succeeded, so a
 * refused message costs no sequence number. Once encoded, a frame counts as
 * sent: if the firmware then drops it, the host sees a sequence gap, which is
 * the truth.
 *
 *     static lt_tx tx;                 // one per device
 *     lt_tx_init(&tx);
 *     int n = lt_tx_pong(&tx, buf, sizeof buf, nonce, now_us);
 *     if (n > 0) uart_write(buf, (size_t)n);
 */
#ifndef LIPTWITCH_TX_H
#define LIPTWITCH_TX_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/device_messages.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Transmit context. `seq` is the sequence the next frame will carry. */
typedef struct lt_tx {
    uint16_t seq; /**< sequence of the next frame; public, may be read */
} lt_tx;

/** Resets the counter to 0 (device reset). */
void lt_tx_init(lt_tx *tx);

/** IDENTITY with the next sequence; see lt_encode_identity(). */
int lt_tx_identity(lt_tx *tx, uint8_t *out, size_t cap, const lt_identity *id);

/** SAMPLES (int16) with the next sequence; see lt_encode_samples_i16(). */
int lt_tx_samples_i16(lt_tx *tx, uint8_t *out, size_t cap, const lt_samples *hdr,
                      const int16_t *values);

/** SAMPLES (int24) with the next sequence; see lt_encode_samples_i24(). */
int lt_tx_samples_i24(lt_tx *tx, uint8_t *out, size_t cap, const lt_samples *hdr,
                      const int32_t *values);

/** STATUS with the next sequence; see lt_encode_status(). */
int lt_tx_status(lt_tx *tx, uint8_t *out, size_t cap, const lt_status *st);

/** MARKER with the next sequence; see lt_encode_marker(). */
int lt_tx_marker(lt_tx *tx, uint8_t *out, size_t cap, uint32_t timestamp_us,
                 uint32_t sample_index, uint8_t kind);

/** ACK with the next sequence; see lt_encode_ack(). */
int lt_tx_ack(lt_tx *tx, uint8_t *out, size_t cap, uint8_t command_type, uint16_t command_seq);

/** ERROR with the next sequence; see lt_encode_error(). */
int lt_tx_error(lt_tx *tx, uint8_t *out, size_t cap, uint8_t command_type, uint16_t command_seq,
                uint8_t code);

/** PONG with the next sequence; see lt_encode_pong(). */
int lt_tx_pong(lt_tx *tx, uint8_t *out, size_t cap, uint32_t nonce, uint32_t timestamp_us);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_TX_H */
