/*
 * lt_crosscheck.c - lets another implementation (the Swift test suite) check
 * itself against the C library through stdin/stdout.
 *
 *   lt-crosscheck encode
 *       stdin:  canonical device-to-host message texts, one per line (the
 *               `message:` value format of vectors/README.md, no prefix)
 *       stdout: per input line, the C-encoded wire frame as lowercase
 *               space-separated hex ending with 00, or "error: <reason>"
 *
 *   lt-crosscheck decode
 *       stdin:  lines of hex: host-to-device wire bytes, possibly with
 *               garbage; all lines form one byte stream into one decoder
 *       stdout: one line per decoder report: the command's canonical text,
 *               or "invalid: <reason>" (crc, encoding, runt, oversize,
 *               unsupported-version, unknown-type, malformed); a line that
 *               is not hex gives "error: invalid hex" and is skipped
 *
 * Exit status 0, or 2 on bad usage. Output is flushed after every input line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "canon.h"
#include "liptwitch/liptwitch.h"

#define LINE_MAX_CHARS 65536

static char line[LINE_MAX_CHARS];

/* Reads one line without its newline (and a trailing CR); 0 at EOF. A line
 * longer than the buffer is truncated to an invalid line. */
static int read_line(int *too_long)
{
    size_t n;
    *too_long = 0;
    if (fgets(line, sizeof line, stdin) == NULL) {
        return 0;
    }
    n = strlen(line);
    if (n > 0u && line[n - 1u] == '\n') {
        line[--n] = '\0';
    } else if (n + 1u == sizeof line) {
        int ch;
        *too_long = 1;
        while ((ch = getchar()) != EOF && ch != '\n') {
        }
    }
    if (n > 0u && line[n - 1u] == '\r') {
        line[--n] = '\0';
    }
    return 1;
}

static int run_encode(void)
{
    static canon_message msg;
    static uint8_t frame[LT_MAX_WIRE];
    int too_long;
    while (read_line(&too_long)) {
        char err[128];
        int n;
        if (too_long) {
            puts("error: line too long");
        } else if (canon_parse_device_message(line, &msg, err, sizeof err) != 0) {
            printf("error: %s\n", err);
        } else if ((n = canon_encode_device_message(&msg, frame, sizeof frame)) <= 0) {
            printf("error: %s\n", canon_result_text(n));
        } else {
            canon_print_hex(stdout, frame, (size_t)n);
            putchar('\n');
        }
        fflush(stdout);
    }
    return 0;
}

static int run_decode(void)
{
    static uint8_t bytes[LINE_MAX_CHARS / 2];
    lt_cmd_decoder dec;
    int too_long;
    lt_cmd_decoder_init(&dec);
    while (read_line(&too_long)) {
        size_t len;
        size_t off = 0u;
        if (too_long || canon_parse_hex(line, bytes, sizeof bytes, &len) != 0) {
            puts("error: invalid hex");
            fflush(stdout);
            continue;
        }
        while (off < len) {
            lt_command cmd;
            size_t used;
            const lt_decode_status st = lt_cmd_decoder_feed(&dec, bytes + off, len - off, &used, &cmd);
            off += used;
            if (st == LT_DECODE_COMMAND) {
                char text[128];
                canon_format_command(&cmd, text, sizeof text);
                puts(text);
            } else if (st == LT_DECODE_REJECTED) {
                printf("invalid: %s\n", canon_reject_word(cmd.reject));
            }
        }
        fflush(stdout);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "encode") == 0) {
        return run_encode();
    }
    if (argc == 2 && strcmp(argv[1], "decode") == 0) {
        return run_decode();
    }
    fprintf(stderr,
            "usage: lt-crosscheck encode   (device-to-host message text -> hex wire frame)\n"
            "       lt-crosscheck decode   (hex host-to-device bytes -> command text)\n");
    return 2;
}
