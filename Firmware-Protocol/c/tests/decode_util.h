/* decode_util.h - feeding bytes to the command decoder in chunk patterns (tests). */
#ifndef LIPTWITCH_TEST_DECODE_UTIL_H
#define LIPTWITCH_TEST_DECODE_UTIL_H

#include <stddef.h>
#include <stdint.h>

#include "liptwitch/liptwitch.h"

/** One decoder report. */
typedef struct report {
    lt_decode_status status;
    lt_command cmd;
} report;

/**
 * Feeds @p len bytes to @p dec: @p chunk 0 = one lt_cmd_decoder_feed() span,
 * 1 = lt_cmd_decoder_push() per byte, n = spans of n bytes. Stores up to
 * @p max reports in @p out and returns how many there were.
 */
size_t feed_bytes(lt_cmd_decoder *dec, const uint8_t *data, size_t len, size_t chunk, report *out,
                  size_t max);

/** The chunk patterns every decoder test goes through, ending with 0. */
extern const size_t chunk_patterns[];
extern const size_t chunk_pattern_count;

#endif
