/* tx.c - the device's sequence counter around the message encoders. */
#include "liptwitch/tx.h"

/* Advances the counter after a successful encoding and passes the result on. */
static int lt_tx_commit(lt_tx *tx, int result)
{
    if (result > 0) {
        tx->seq = (uint16_t)(tx->seq + 1u);
    }
    return result;
}

void lt_tx_init(lt_tx *tx)
{
    tx->seq = 0u;
}

int lt_tx_identity(lt_tx *tx, uint8_t *out, size_t cap, const lt_identity *id)
{
    return lt_tx_commit(tx, lt_encode_identity(out, cap, tx->seq, id));
}

int lt_tx_samples_i16(lt_tx *tx, uint8_t *out, size_t cap, const lt_samples *hdr,
                      const int16_t *values)
{
    return lt_tx_commit(tx, lt_encode_samples_i16(out, cap, tx->seq, hdr, values));
}

int lt_tx_samples_i24(lt_tx *tx, uint8_t *out, size_t cap, const lt_samples *hdr,
                      const int32_t *values)
{
    return lt_tx_commit(tx, lt_encode_samples_i24(out, cap, tx->seq, hdr, values));
}

int lt_tx_status(lt_tx *tx, uint8_t *out, size_t cap, const lt_status *st)
{
    return lt_tx_commit(tx, lt_encode_status(out, cap, tx->seq, st));
}

int lt_tx_marker(lt_tx *tx, uint8_t *out, size_t cap, uint32_t timestamp_us,
                 uint32_t sample_index, uint8_t kind)
{
    return lt_tx_commit(tx, lt_encode_marker(out, cap, tx->seq, timestamp_us, sample_index, kind));
}

int lt_tx_ack(lt_tx *tx, uint8_t *out, size_t cap, uint8_t command_type, uint16_t command_seq)
{
    return lt_tx_commit(tx, lt_encode_ack(out, cap, tx->seq, command_type, command_seq));
}

int lt_tx_error(lt_tx *tx, uint8_t *out, size_t cap, uint8_t command_type, uint16_t command_seq,
                uint8_t code)
{
    return lt_tx_commit(tx, lt_encode_error(out, cap, tx->seq, command_type, command_seq, code));
}

int lt_tx_pong(lt_tx *tx, uint8_t *out, size_t cap, uint32_t nonce, uint32_t timestamp_us)
{
    return lt_tx_commit(tx, lt_encode_pong(out, cap, tx->seq, nonce, timestamp_us));
}
