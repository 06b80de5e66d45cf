/*
 * canon.h - the canonical message text of vectors/README.md, for the tests
 * and lt-crosscheck (host side only: uses stdio and libc).
 *
 *   device-to-host text  -> canon_message -> C-encoded wire frame
 *   decoded lt_command   -> host-to-device text, or a rejection reason word
 */
#ifndef LIPTWITCH_CANON_H
#define LIPTWITCH_CANON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "liptwitch/liptwitch.h"

/** Most sample values a SAMPLES text may hold (255 samples x 8 channels). */
#define CANON_MAX_VALUES (255u * 8u)

/** Which device-to-host message a canon_message holds. */
typedef enum canon_kind {
    CANON_NONE = 0,
    CANON_IDENTITY,
    CANON_SAMPLES,
    CANON_STATUS,
    CANON_MARKER,
    CANON_ACK,
    CANON_ERROR,
    CANON_PONG
} canon_kind;

/** A parsed device-to-host message; only the fields of `kind` are meaningful. */
typedef struct canon_message {
    canon_kind kind;
    uint16_t seq;
    lt_identity identity;            /* IDENTITY; identity.serial points at `serial` */
    char serial[LT_SERIAL_SIZE + 1u];
    lt_samples samples;              /* SAMPLES header */
    uint8_t format;                  /* SAMPLES format (1 or 2) */
    size_t value_count;              /* SAMPLES values given */
    int32_t values[CANON_MAX_VALUES];
    lt_status status;                /* STATUS */
    uint32_t timestamp_us;           /* MARKER, PONG */
    uint32_t sample_index;           /* MARKER */
    uint8_t marker_kind;             /* MARKER */
    uint32_t nonce;                  /* PONG */
    uint8_t command;                 /* ACK, ERROR */
    uint16_t command_seq;            /* ACK, ERROR */
    uint8_t code;                    /* ERROR */
} canon_message;

/**
 * Parses one canonical device-to-host message line (no "message: " prefix,
 * no newline). Returns 0, or -1 with a short reason in @p err.
 */
int canon_parse_device_message(const char *text, canon_message *msg, char *err, size_t err_cap);

/**
 * Encodes a parsed message with the C library (explicit sequence). Returns the
 * wire length or a negative lt_result (LT_ERR_ARG also for SAMPLES values that
 * do not fit the format).
 */
int canon_encode_device_message(const canon_message *msg, uint8_t *out, size_t cap);

/** A short text for a negative lt_result. */
const char *canon_result_text(int result);

/** Canonical text of a decoded command into @p buf. */
void canon_format_command(const lt_command *cmd, char *buf, size_t cap);

/** The vectors' reason word of a rejection ("crc", "encoding", ...). */
const char *canon_reject_word(lt_reject reason);

/**
 * Parses hex bytes ("0a 01 ff", spaces optional, either case) into @p out.
 * Returns 0 and the count in @p *len, or -1 on a bad digit, an odd digit count
 * or more than @p cap bytes.
 */
int canon_parse_hex(const char *text, uint8_t *out, size_t cap, size_t *len);

/** Writes bytes as lowercase hex pairs separated by single spaces (no newline). */
void canon_print_hex(FILE *f, const uint8_t *data, size_t len);

#endif
