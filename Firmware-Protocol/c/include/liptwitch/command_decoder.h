/*
 * liptwitch/command_decoder.h - the device's receiver of host commands,
 * spec sections 2.4 and 7.
 *
 * Push the bytes from the UART one at a time (or a span at a time). Nothing
 * happens until a 0x00 delimiter ends a candidate frame; then the decoder
 * reports either a command (IDENTIFY, START, STOP, SET_RATE, PING) or a
 * rejection with its reason. Empty candidates (0x00 0x00) are ignored.
 *
 * The decoder un-stuffs COBS and runs the CRC-32C as the bytes arrive, and
 * keeps only what a command needs: the first LT_CMD_HEAD_SIZE decoded bytes
 * (header + the longest known command payload) and the last four (the CRC).
 * Its RAM is therefore a few dozen bytes whatever the frame length, while it
 * still checks every frame up to LT_MAX_FRAME bytes completely. Longer
 * payloads than a command needs are accepted and the extra bytes ignored
 * (spec section 4).
 *
 * What the device does with each report (spec section 7):
 *
 *     LT_DECODE_COMMAND                       carry it out and reply
 *     LT_DECODE_REJECTED, reason
 *        OVERSIZE, ENCODING, RUNT, CRC        nothing (type/seq untrustworthy)
 *        UNSUPPORTED_VERSION, UNKNOWN_TYPE,   ERROR(cmd.type, cmd.seq,
 *        MALFORMED                                  lt_reject_error_code(reason))
 *
 * Intact frames (commands and the last three reasons) also count as host
 * heartbeat; lt_reject_is_intact() tells them apart.
 *
 * Typical loop:
 *
 *     lt_cmd_decoder dec;
 *     lt_cmd_decoder_init(&dec);
 *     for (;;) {
 *         int c = uart_read_byte();
 *         lt_command cmd;
 *         if (c < 0) continue;
 *         switch (lt_cmd_decoder_push(&dec, (uint8_t)c, &cmd)) {
 *         case LT_DECODE_COMMAND:  handle(&cmd); break;
 *         case LT_DECODE_REJECTED: refuse(&cmd); break;
 *         default: break;
 *         }
 *     }
 */
#ifndef LIPTWITCH_COMMAND_DECODER_H
#define LIPTWITCH_COMMAND_DECODER_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/protocol.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Decoded bytes the decoder keeps: header + the longest command payload. */
#define LT_CMD_HEAD_SIZE (LT_HEADER_SIZE + LT_MAX_COMMAND_PAYLOAD)

/**
 * Why a candidate frame was rejected, in the order of the checks of spec
 * section 2.4. The vectors' reason words are given in brackets.
 */
typedef enum lt_reject {
    LT_REJECT_NONE = 0,                /**< not rejected: a command */
    LT_REJECT_OVERSIZE = 1,            /**< [oversize] more than 1029 encoded bytes, or more
                                            than 1024 decoded bytes */
    LT_REJECT_ENCODING = 2,            /**< [encoding] a COBS code byte points past the end */
    LT_REJECT_RUNT = 3,                /**< [runt] fewer than 8 decoded bytes */
    LT_REJECT_CRC = 4,                 /**< [crc] CRC-32C mismatch */
    LT_REJECT_UNSUPPORTED_VERSION = 5, /**< [unsupported-version] intact, version is not 1 */
    LT_REJECT_UNKNOWN_TYPE = 6,        /**< [unknown-type] intact, not a host-to-device type
                                            this library knows */
    LT_REJECT_MALFORMED = 7            /**< [malformed] intact, payload shorter than the
                                            command requires */
} lt_reject;

/** Number of lt_reject values (LT_REJECT_NONE included): size of the counter array. */
#define LT_REJECT_KINDS 8u

/** What one pushed byte produced. */
typedef enum lt_decode_status {
    LT_DECODE_NONE = 0,     /**< nothing to report yet */
    LT_DECODE_COMMAND = 1,  /**< a command was decoded into the lt_command */
    LT_DECODE_REJECTED = 2  /**< a candidate was rejected; the lt_command says why */
} lt_decode_status;

/**
 * A decoded command or a rejection.
 *
 * For a command, `reject` is LT_REJECT_NONE, `type` is one of LT_TYPE_IDENTIFY,
 * LT_TYPE_START, LT_TYPE_STOP, LT_TYPE_SET_RATE, LT_TYPE_PING and the field of
 * that type is set (the others are 0).
 *
 * For a rejection of an intact frame (UNSUPPORTED_VERSION, UNKNOWN_TYPE,
 * MALFORMED) `version`, `type`, `seq` and `payload_len` are those of the frame,
 * so that the device can answer ERROR. For the other reasons they are 0.
 */
typedef struct lt_command {
    lt_reject reject;       /**< LT_REJECT_NONE for a command */
    uint8_t version;        /**< frame version */
    uint8_t type;           /**< frame type */
    uint16_t seq;           /**< frame sequence number */
    uint16_t payload_len;   /**< payload bytes in the frame (may exceed what is read) */
    uint8_t host_max_major; /**< IDENTIFY: the highest major version the host speaks */
    uint16_t rate_hz;       /**< SET_RATE: the requested sample rate (any u16; the
                                 device decides what it supports) */
    uint32_t nonce;         /**< PING: the nonce to echo in PONG */
} lt_command;

/** Decoder state. Treat the fields as private, except the counters. */
typedef struct lt_cmd_decoder {
    uint8_t head[LT_CMD_HEAD_SIZE]; /**< first decoded bytes of the candidate */
    uint32_t crc;          /**< running CRC of the decoded bytes before the last four */
    uint32_t tail;         /**< last four decoded bytes, oldest in the low byte */
    uint16_t encoded_len;  /**< encoded bytes of the current candidate */
    uint16_t decoded_len;  /**< decoded bytes of the current candidate */
    uint8_t block_left;    /**< COBS data bytes still due in the current block */
    uint8_t zero_pending;  /**< current block implies a 0x00 if another block follows */
    uint8_t discarding;    /**< oversize reported: drop bytes up to the next 0x00 */
    uint32_t commands;     /**< counter: commands delivered */
    uint32_t rejects[LT_REJECT_KINDS]; /**< counter per lt_reject (index 0 unused) */
} lt_cmd_decoder;

/** Initializes the decoder: no partial candidate, all counters 0. */
void lt_cmd_decoder_init(lt_cmd_decoder *dec);

/**
 * Drops any partial candidate (as if a 0x00 had arrived without a report),
 * keeping the counters. Use after a UART error.
 */
void lt_cmd_decoder_reset(lt_cmd_decoder *dec);

/**
 * Pushes one received byte. Returns LT_DECODE_COMMAND or LT_DECODE_REJECTED
 * when this byte completed a report, which is then written to @p out;
 * otherwise LT_DECODE_NONE and @p out is untouched. Reports come on a 0x00
 * delimiter, except OVERSIZE, which is reported as soon as the 1030th byte
 * without a delimiter arrives (the rest, up to the next 0x00, is dropped).
 */
lt_decode_status lt_cmd_decoder_push(lt_cmd_decoder *dec, uint8_t byte, lt_command *out);

/**
 * Pushes bytes from @p data (@p len bytes) until one completes a report or
 * all are consumed. Stores the number of bytes consumed in @p *consumed and
 * returns as lt_cmd_decoder_push(). Call again with the rest of the span
 * while *consumed < len.
 */
lt_decode_status lt_cmd_decoder_feed(lt_cmd_decoder *dec, const uint8_t *data, size_t len,
                                     size_t *consumed, lt_command *out);

/**
 * 1 when @p reason is one the frame was intact for (UNSUPPORTED_VERSION,
 * UNKNOWN_TYPE, MALFORMED, or NONE): its type and sequence are trustworthy,
 * it deserves an ERROR reply and it counts as host heartbeat. 0 otherwise.
 */
int lt_reject_is_intact(lt_reject reason);

/**
 * The ERROR code (LT_ERR_CODE_*) a device answers a rejected intact frame
 * with: UNSUPPORTED_VERSION -> unsupported_version, UNKNOWN_TYPE ->
 * unknown_command, MALFORMED -> malformed. 0 (no reply) for every other reason.
 */
uint8_t lt_reject_error_code(lt_reject reason);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_COMMAND_DECODER_H */
