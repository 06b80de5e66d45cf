/*
 * liptwitch/protocol.h - constants of the LipTwitch wire protocol 1.0.
 *
 * Every number here comes from Firmware-Protocol/PROTOCOL.md; the section of
 * the spec is given next to each group. Nothing in this header allocates
 * memory or holds state.
 */
#ifndef LIPTWITCH_PROTOCOL_H
#define LIPTWITCH_PROTOCOL_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Versions (spec section 4) ---------------------------------------- */

/** Protocol major version spoken by this library; written in every frame header. */
#define LT_PROTOCOL_MAJOR 1u
/** Protocol minor version implemented by this library (sent in IDENTITY). */
#define LT_PROTOCOL_MINOR 0u

/* ---- The line (spec sections 1 and 9) --------------------------------- */

/** Line rates of a UART link, 8N1: the default, and two exact at 16 MHz. */
#define LT_LINE_BAUD_DEFAULT 921600uL
#define LT_LINE_BAUD_500K 500000uL
#define LT_LINE_BAUD_1M 1000000uL
/** Bits on the line per byte (start, 8 data, stop): bytes/s = baud / 10. */
#define LT_LINE_BITS_PER_BYTE 10u

/* ---- Frame sizes (spec section 2.1) ----------------------------------- */

/** Frame header: version(1) type(1) sequence(2). */
#define LT_HEADER_SIZE 4u
/** Trailing CRC-32C. */
#define LT_CRC_SIZE 4u
/** Smallest frame (empty payload); anything shorter is a runt. */
#define LT_MIN_FRAME 8u
/** Largest frame before COBS, header and CRC included. */
#define LT_MAX_FRAME 1024u
/** Largest payload: LT_MAX_FRAME - header - CRC. */
#define LT_MAX_PAYLOAD 1016u
/** Largest COBS-encoded frame (delimiter not included). */
#define LT_MAX_ENCODED 1029u
/** Largest frame on the wire: encoded frame plus the 0x00 delimiter. */
#define LT_MAX_WIRE 1030u
/** The frame delimiter. */
#define LT_DELIMITER 0x00u

/**
 * Upper bound of the COBS encoding of @p n bytes (no delimiter): one code byte
 * per started 254 bytes, and 1 for an empty input.
 */
#define LT_COBS_MAX_ENCODED(n) ((n) + ((n) + 253u) / 254u + ((n) == 0u ? 1u : 0u))

/**
 * Buffer size that always holds the wire form (COBS + delimiter) of a frame
 * with a payload of @p payload_len bytes. Use it to size transmit buffers, e.g.
 * `uint8_t buf[LT_WIRE_SIZE(LT_STATUS_PAYLOAD)];`.
 */
#define LT_WIRE_SIZE(payload_len) \
    (LT_COBS_MAX_ENCODED((payload_len) + LT_HEADER_SIZE + LT_CRC_SIZE) + 1u)

/* ---- Message types (spec section 5) ----------------------------------- */

#define LT_TYPE_IDENTITY 0x01u /**< device to host: identity, reply to IDENTIFY */
#define LT_TYPE_SAMPLES 0x02u  /**< device to host: a batch of samples */
#define LT_TYPE_STATUS 0x03u   /**< device to host: battery, lead-off, overruns */
#define LT_TYPE_MARKER 0x04u   /**< device to host: the wearer pressed the button */
#define LT_TYPE_ACK 0x05u      /**< device to host: command accepted */
#define LT_TYPE_ERROR 0x06u    /**< device to host: command refused */
#define LT_TYPE_PONG 0x07u     /**< device to host: reply to PING */
#define LT_TYPE_IDENTIFY 0x81u /**< host to device: ask for IDENTITY */
#define LT_TYPE_START 0x82u    /**< host to device: start streaming */
#define LT_TYPE_STOP 0x83u     /**< host to device: stop streaming */
#define LT_TYPE_SET_RATE 0x84u /**< host to device: change the sample rate */
#define LT_TYPE_PING 0x85u     /**< host to device: heartbeat, answered by PONG */

/* ---- Payload sizes (spec sections 5 to 7) ----------------------------- */

#define LT_IDENTITY_FIXED 28u     /**< IDENTITY payload without channel descriptors */
#define LT_CHANNEL_DESC_SIZE 8u   /**< one IDENTITY channel descriptor */
#define LT_SAMPLES_FIXED 12u      /**< SAMPLES payload without sample data */
#define LT_STATUS_PAYLOAD 12u     /**< STATUS payload */
#define LT_MARKER_PAYLOAD 9u      /**< MARKER payload */
#define LT_ACK_PAYLOAD 3u         /**< ACK payload */
#define LT_ERROR_PAYLOAD 4u       /**< ERROR payload */
#define LT_PONG_PAYLOAD 8u        /**< PONG payload */
#define LT_IDENTIFY_PAYLOAD 1u    /**< IDENTIFY payload (minimum) */
#define LT_START_PAYLOAD 0u       /**< START payload */
#define LT_STOP_PAYLOAD 0u        /**< STOP payload */
#define LT_SET_RATE_PAYLOAD 2u    /**< SET_RATE payload (minimum) */
#define LT_PING_PAYLOAD 4u        /**< PING payload (minimum) */
/** Longest command payload this library reads (PING); extra bytes are ignored. */
#define LT_MAX_COMMAND_PAYLOAD 4u

/** Largest IDENTITY payload (8 channels). */
#define LT_IDENTITY_MAX_PAYLOAD (LT_IDENTITY_FIXED + LT_MAX_CHANNELS * LT_CHANNEL_DESC_SIZE)

/* ---- Field ranges (spec section 6) ------------------------------------ */

#define LT_MAX_CHANNELS 8u        /**< channel_count is 1 to 8 */
#define LT_MIN_RATE_HZ 1u         /**< sample_rate_hz lower bound */
#define LT_MAX_RATE_HZ 4000u      /**< sample_rate_hz upper bound */
#define LT_SERIAL_SIZE 16u        /**< serial field size; 1 to 16 characters */
#define LT_MAX_PLACEMENT 14u      /**< highest placement code of protocol 1.0 */
#define LT_MAX_AXIS 3u            /**< axis 0 = none, 1..3 = x, y, z */
#define LT_INT24_MIN (-8388608L)  /**< smallest int24 sample */
#define LT_INT24_MAX 8388607L     /**< largest int24 sample */

/** sensor_kind values. */
#define LT_KIND_EMG 1u            /**< surface EMG, unit microvolt */
#define LT_KIND_ACCEL 2u          /**< accelerometer, unit g */

/** sample_format values and their sizes in bytes. */
#define LT_FORMAT_INT16 1u
#define LT_FORMAT_INT24 2u
#define LT_INT16_SIZE 2u
#define LT_INT24_SIZE 3u

/** SAMPLES flags. */
#define LT_SAMPLES_FLAG_LEAD_OFF 0x01u   /**< a lead-off was seen during this batch */
#define LT_SAMPLES_FLAG_SATURATED 0x02u  /**< a channel saturated during this batch */
#define LT_SAMPLES_FLAGS_MASK 0x03u      /**< all defined flag bits */

/** STATUS battery_percent value for "no battery or unknown". */
#define LT_BATTERY_UNKNOWN 255u
/** STATUS power_flags. */
#define LT_POWER_CHARGING 0x01u
#define LT_POWER_EXTERNAL 0x02u
#define LT_POWER_FLAGS_MASK 0x03u

/** MARKER kinds. */
#define LT_MARKER_SHORT 1u        /**< short press: felt a twitch */
#define LT_MARKER_LONG 2u         /**< long press (over 1 s): sustained spasm */

/** Channel placements (spec section 6.1). */
#define LT_PLACE_UNSPECIFIED 0u
#define LT_PLACE_UPPER_LEFT 1u
#define LT_PLACE_UPPER_CENTER 2u
#define LT_PLACE_UPPER_RIGHT 3u
#define LT_PLACE_LOWER_LEFT 4u
#define LT_PLACE_LOWER_CENTER 5u
#define LT_PLACE_LOWER_RIGHT 6u
#define LT_PLACE_LEFT_CORNER 7u
#define LT_PLACE_RIGHT_CORNER 8u
#define LT_PLACE_LEFT_CHEEK 9u
#define LT_PLACE_RIGHT_CHEEK 10u
#define LT_PLACE_LEFT_EYELID 11u
#define LT_PLACE_RIGHT_EYELID 12u
#define LT_PLACE_LEFT_JAW 13u
#define LT_PLACE_RIGHT_JAW 14u

/** Channel axes. */
#define LT_AXIS_NONE 0u
#define LT_AXIS_X 1u
#define LT_AXIS_Y 2u
#define LT_AXIS_Z 3u

/** ERROR codes (spec section 6.6). */
#define LT_ERR_CODE_MALFORMED 1u
#define LT_ERR_CODE_UNKNOWN_COMMAND 2u
#define LT_ERR_CODE_UNSUPPORTED_VALUE 3u
#define LT_ERR_CODE_UNSUPPORTED_VERSION 4u
#define LT_ERR_CODE_INVALID_STATE 5u
#define LT_ERR_CODE_INTERNAL 6u

/* ---- Timing (spec sections 7 and 8) ----------------------------------- */

/** A streaming device that hears no intact frame for this long stops streaming. */
#define LT_HEARTBEAT_TIMEOUT_US 5000000uL
/** A device replies within this time of a command's last byte. */
#define LT_REPLY_DEADLINE_US 50000uL
/** A streaming device sends a frame at least this often. */
#define LT_MAX_FRAME_GAP_US 100000uL

/* ---- Library return codes --------------------------------------------- */

/**
 * Negative results of the library functions that return an int. A successful
 * encoder returns the number of bytes written (always > 0); lt_cobs_decode
 * returns 0 on success.
 */
typedef enum lt_result {
    LT_ERR_ARG = -1,      /**< a NULL pointer or a field outside its valid range */
    LT_ERR_SPACE = -2,    /**< the caller's buffer is too small */
    LT_ERR_TOO_LONG = -3, /**< the frame would exceed LT_MAX_FRAME bytes */
    LT_ERR_ENCODING = -4  /**< COBS decoding failed (a code byte points past the end, or a 0x00) */
} lt_result;

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_PROTOCOL_H */
