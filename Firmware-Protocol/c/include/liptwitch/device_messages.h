/*
 * liptwitch/device_messages.h - encoders of the device-to-host messages,
 * spec section 6.
 *
 * Each encoder checks its arguments against the spec's valid ranges, then
 * writes the complete wire frame (COBS-encoded frame + 0x00 delimiter) into
 * the caller's buffer, with the sequence number given explicitly. Firmware
 * normally calls the lt_tx_* wrappers of liptwitch/tx.h, which take the
 * sequence from the device's counter.
 *
 * Every encoder returns the number of bytes written (> 0), or:
 *   LT_ERR_ARG       a NULL pointer or a field outside its valid range;
 *   LT_ERR_TOO_LONG  the frame would exceed LT_MAX_FRAME (SAMPLES only);
 *   LT_ERR_SPACE     @p cap is too small; size buffers with LT_WIRE_SIZE().
 * Nothing is worth sending after an error.
 */
#ifndef LIPTWITCH_DEVICE_MESSAGES_H
#define LIPTWITCH_DEVICE_MESSAGES_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/protocol.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One IDENTITY channel descriptor (spec section 6.1). */
typedef struct lt_channel {
    uint8_t placement; /**< LT_PLACE_*, 0 to 14 */
    uint8_t axis;      /**< LT_AXIS_*: 0 for EMG, 1 to 3 for an accelerometer */
    float scale;       /**< physical units per count (uV or g); finite, > 0.
                            Sent bit for bit: no floating-point arithmetic. */
} lt_channel;

/** IDENTITY payload (spec section 6.1). Usually a const in flash. */
typedef struct lt_identity {
    uint8_t protocol_major;    /**< must be LT_PROTOCOL_MAJOR */
    uint8_t protocol_minor;    /**< LT_PROTOCOL_MINOR (any value accepted) */
    uint8_t sensor_kind;       /**< LT_KIND_EMG or LT_KIND_ACCEL */
    uint8_t channel_count;     /**< 1 to 8 */
    uint16_t sample_rate_hz;   /**< 1 to 4000: the rate the device samples at now */
    uint8_t sample_format;     /**< LT_FORMAT_INT16 or LT_FORMAT_INT24 */
    uint8_t max_batch;         /**< 1 to 255, and 12 + max_batch*channels*size <= 1016 */
    const char *serial;        /**< NUL-terminated, 1 to 16 chars 0x20..0x7E */
    uint8_t firmware_major;    /**< any */
    uint8_t firmware_minor;    /**< any */
    uint8_t firmware_patch;    /**< any */
    uint8_t hardware_revision; /**< any */
    lt_channel channels[LT_MAX_CHANNELS]; /**< the first channel_count are sent */
} lt_identity;

/** SAMPLES header (spec section 6.2); the values are passed separately. */
typedef struct lt_samples {
    uint32_t first_sample;  /**< index of the batch's first sample since START */
    uint32_t timestamp_us;  /**< device time of the batch's first sample */
    uint8_t sample_count;   /**< 1 to 255 samples per channel */
    uint8_t channel_count;  /**< 1 to 8, equal to the identity's */
    uint8_t flags;          /**< LT_SAMPLES_FLAG_*; other bits must be 0 */
} lt_samples;

/** STATUS payload (spec section 6.3). */
typedef struct lt_status {
    uint32_t timestamp_us;   /**< device time */
    uint8_t battery_percent; /**< 0 to 100, or LT_BATTERY_UNKNOWN (255) */
    uint8_t power_flags;     /**< LT_POWER_*; other bits must be 0 */
    uint8_t lead_off;        /**< bit i: channel i's electrode is off the skin now */
    uint8_t saturation;      /**< bit i: channel i saturated since the last STATUS */
    uint32_t overruns;       /**< samples per channel dropped since START */
} lt_status;

/** Wire size bound of an IDENTITY frame with @p channels channels. */
#define LT_IDENTITY_WIRE_SIZE(channels) \
    LT_WIRE_SIZE(LT_IDENTITY_FIXED + (channels) * LT_CHANNEL_DESC_SIZE)
/** Wire size bound of a SAMPLES frame of @p count samples x @p channels x @p size bytes. */
#define LT_SAMPLES_WIRE_SIZE(count, channels, size) \
    LT_WIRE_SIZE(LT_SAMPLES_FIXED + (count) * (channels) * (size))
/** Wire size bound of the small replies (STATUS is the largest of them). */
#define LT_SMALL_WIRE_SIZE LT_WIRE_SIZE(LT_STATUS_PAYLOAD)

/** Encodes IDENTITY (type 0x01) with sequence @p seq. */
int lt_encode_identity(uint8_t *out, size_t cap, uint16_t seq, const lt_identity *id);

/**
 * Encodes SAMPLES (type 0x02) in format int16. @p values holds
 * sample_count x channel_count samples, sample-major (sample 0 of every
 * channel, then sample 1, ...).
 */
int lt_encode_samples_i16(uint8_t *out, size_t cap, uint16_t seq, const lt_samples *hdr,
                          const int16_t *values);

/**
 * Encodes SAMPLES (type 0x02) in format int24. Like lt_encode_samples_i16(),
 * each value must be within LT_INT24_MIN..LT_INT24_MAX.
 */
int lt_encode_samples_i24(uint8_t *out, size_t cap, uint16_t seq, const lt_samples *hdr,
                          const int32_t *values);

/** Encodes STATUS (type 0x03). */
int lt_encode_status(uint8_t *out, size_t cap, uint16_t seq, const lt_status *st);

/**
 * Encodes MARKER (type 0x04): button pressed at device time @p timestamp_us,
 * while sample @p sample_index was being taken; @p kind is LT_MARKER_SHORT or
 * LT_MARKER_LONG.
 */
int lt_encode_marker(uint8_t *out, size_t cap, uint16_t seq, uint32_t timestamp_us,
                     uint32_t sample_index, uint8_t kind);

/**
 * Encodes ACK (type 0x05) of the command of type @p command_type (START, STOP
 * or SET_RATE: 0x82 to 0x84) and sequence @p command_seq.
 */
int lt_encode_ack(uint8_t *out, size_t cap, uint16_t seq, uint8_t command_type,
                  uint16_t command_seq);

/**
 * Encodes ERROR (type 0x06) refusing the frame of type @p command_type (any
 * value, as received) and sequence @p command_seq with @p code
 * (LT_ERR_CODE_*, 1 to 6).
 */
int lt_encode_error(uint8_t *out, size_t cap, uint16_t seq, uint8_t command_type,
                    uint16_t command_seq, uint8_t code);

/** Encodes PONG (type 0x07) echoing @p nonce, handled at device time @p timestamp_us. */
int lt_encode_pong(uint8_t *out, size_t cap, uint16_t seq, uint32_t nonce, uint32_t timestamp_us);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_DEVICE_MESSAGES_H */
