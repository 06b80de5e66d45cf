/*
 * test_crosscheck.c - runs the built lt-crosscheck tool on every vector and
 * checks its stdin/stdout contract (the Swift test suite relies on it):
 *
 *   encode: device-to-host message texts in, one hex frame (or "error: ...") per line out;
 *   decode: host-to-device hex frames in, one command text / "invalid: reason" per report out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define MAX_LINES 512
#define LINE_CHARS 16384

typedef struct lines {
    char *v[MAX_LINES];
    size_t n;
} lines;

static void add(lines *l, const char *s)
{
    if (l->n < MAX_LINES) {
        l->v[l->n] = malloc(strlen(s) + 1);
        strcpy(l->v[l->n], s);
        l->n++;
    }
}

/* Copies @p src into @p dst (capacity @p cap), truncating. */
static void copy(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    if (n >= cap) {
        n = cap - 1;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void drop(lines *l)
{
    size_t i;
    for (i = 0; i < l->n; i++) {
        free(l->v[i]);
    }
    l->n = 0;
}

/* Writes @p in to a file, runs "tool mode < in > out", reads out's lines. */
static int run_tool(const char *tool, const char *mode, const char *dir, const lines *in, lines *out)
{
    static char line[LINE_CHARS];
    char inpath[1024], outpath[1024], cmd[3200];
    FILE *f;
    size_t i;
    snprintf(inpath, sizeof inpath, "%s/crosscheck-%s.in", dir, mode);
    snprintf(outpath, sizeof outpath, "%s/crosscheck-%s.out", dir, mode);
    f = fopen(inpath, "w");
    if (f == NULL) {
        return -1;
    }
    for (i = 0; i < in->n; i++) {
        fprintf(f, "%s\n", in->v[i]);
    }
    fclose(f);
    snprintf(cmd, sizeof cmd, "'%s' %s < '%s' > '%s'", tool, mode, inpath, outpath);
    if (system(cmd) != 0) {
        return -1;
    }
    f = fopen(outpath, "r");
    if (f == NULL) {
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        add(out, line);
    }
    fclose(f);
    return 0;
}

static void compare(const char *what, const lines *got, const lines *want)
{
    size_t i, same = 0;
    CHECK(got->n == want->n, "lt-crosscheck %s: %lu lines out, %lu expected", what, (unsigned long)got->n,
          (unsigned long)want->n);
    for (i = 0; i < got->n && i < want->n; i++) {
        if (strcmp(got->v[i], want->v[i]) == 0) {
            same++;
        } else {
            CHECK(0, "lt-crosscheck %s line %lu:\n    got  %.200s\n    want %.200s", what, (unsigned long)i + 1,
                  got->v[i], want->v[i]);
        }
    }
    CHECK(same == want->n, "lt-crosscheck %s: %lu of %lu lines match", what, (unsigned long)same,
          (unsigned long)want->n);
}

void test_crosscheck(const char *vectors_path, const char *tool, const char *dir)
{
    static char line[LINE_CHARS], message[LINE_CHARS], invalid[256], direction[64];
    lines enc_in = {{0}, 0}, enc_want = {{0}, 0}, dec_in = {{0}, 0}, dec_want = {{0}, 0}, got = {{0}, 0};
    FILE *f = fopen(vectors_path, "r");
    if (!CHECK(f != NULL, "cannot read %s", vectors_path)) {
        return;
    }
    message[0] = invalid[0] = direction[0] = '\0';
    while (fgets(line, sizeof line, f) != NULL) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, "direction: ", 11) == 0) {
            copy(direction, sizeof direction, line + 11);
        } else if (strncmp(line, "message: ", 9) == 0) {
            copy(message, sizeof message, line + 9);
        } else if (strncmp(line, "invalid: ", 9) == 0) {
            copy(invalid, sizeof invalid, line + 9);
        } else if (strncmp(line, "frame: ", 7) == 0) {
            if (strcmp(direction, "device-to-host") == 0 && message[0] != '\0') {
                add(&enc_in, message);
                add(&enc_want, line + 7);
            } else if (strcmp(direction, "host-to-device") == 0) {
                char want[300];
                add(&dec_in, line + 7);
                if (message[0] != '\0') {
                    add(&dec_want, message);
                } else {
                    snprintf(want, sizeof want, "invalid: %.255s", invalid);
                    add(&dec_want, want);
                }
            }
            message[0] = invalid[0] = direction[0] = '\0';
        }
    }
    fclose(f);

    /* Lines the encoder must refuse, one error line each. */
    add(&enc_in, "ack seq=1 command=129 command_seq=2");
    add(&enc_want, "error: out of range");
    add(&enc_in, "marker seq=1 timestamp_us=1 sample_index=2 kind=3");
    add(&enc_want, "error: out of range");
    add(&enc_in, "samples seq=1 first_sample=0 timestamp_us=0 count=252 channels=2 format=1 flags=0 values=");
    add(&enc_want, "error: value count is not count x channels");
    add(&enc_in, "pong seq=1 nonce=2");
    add(&enc_want, "error: missing field timestamp_us");
    add(&enc_in, "hello seq=1");
    add(&enc_want, "error: unknown message hello");
    add(&enc_in, "pong seq=65536 nonce=2 timestamp_us=3");
    add(&enc_want, "error: out of range: seq");
    add(&enc_in, "ack seq=21 command=130 command_seq=0");
    add(&enc_want, "04 01 05 15 02 82 01 05 4a 8f c6 1d 00");

    /* Decoder stream details: a frame split over two lines, garbage, bad hex. */
    add(&dec_in, "04 01 85 46 09"); /* first half of a PING ... */
    add(&dec_in, "ef be ad de 0b f9 7d 13 00"); /* ... second half, with a damaged CRC */
    add(&dec_want, "invalid: crc");
    add(&dec_in, "13 37 00 00 04 01 82 01 05 46 5c c8 42 00");
    add(&dec_want, "invalid: encoding");
    add(&dec_want, "start seq=1");
    add(&dec_in, "zz");
    add(&dec_want, "error: invalid hex");
    add(&dec_in, "");

    if (CHECK(run_tool(tool, "encode", dir, &enc_in, &got) == 0, "running %s encode", tool)) {
        compare("encode", &got, &enc_want);
    }
    drop(&got);
    if (CHECK(run_tool(tool, "decode", dir, &dec_in, &got) == 0, "running %s decode", tool)) {
        compare("decode", &got, &dec_want);
    }
    drop(&got);
    drop(&enc_in);
    drop(&enc_want);
    drop(&dec_in);
    drop(&dec_want);
}
