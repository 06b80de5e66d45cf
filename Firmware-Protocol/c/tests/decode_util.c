/* decode_util.c - see decode_util.h. */
#include "decode_util.h"

const size_t chunk_patterns[] = {0, 1, 2, 3, 5, 7, 64, 255};
const size_t chunk_pattern_count = sizeof chunk_patterns / sizeof chunk_patterns[0];

static size_t feed_span(lt_cmd_decoder *dec, const uint8_t *data, size_t len, report *out,
                        size_t max, size_t count)
{
    size_t off = 0;
    while (off < len) {
        lt_command cmd;
        size_t used = 0;
        const lt_decode_status st = lt_cmd_decoder_feed(dec, data + off, len - off, &used, &cmd);
        off += used;
        if (st != LT_DECODE_NONE) {
            if (count < max) {
                out[count].status = st;
                out[count].cmd = cmd;
            }
            count++;
        }
    }
    return count;
}

size_t feed_bytes(lt_cmd_decoder *dec, const uint8_t *data, size_t len, size_t chunk, report *out,
                  size_t max)
{
    size_t count = 0, off;
    if (chunk == 0) {
        return feed_span(dec, data, len, out, max, 0);
    }
    if (chunk == 1) {
        for (off = 0; off < len; off++) {
            lt_command cmd;
            const lt_decode_status st = lt_cmd_decoder_push(dec, data[off], &cmd);
            if (st != LT_DECODE_NONE) {
                if (count < max) {
                    out[count].status = st;
                    out[count].cmd = cmd;
                }
                count++;
            }
        }
        return count;
    }
    for (off = 0; off < len; off += chunk) {
        const size_t n = (len - off < chunk) ? len - off : chunk;
        count = feed_span(dec, data + off, n, out, max, count);
    }
    return count;
}
