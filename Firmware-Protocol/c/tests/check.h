/* check.h - a minimal check counter for the LipTwitch C tests. */
#ifndef LIPTWITCH_TEST_CHECK_H
#define LIPTWITCH_TEST_CHECK_H

#include <stddef.h>
#include <stdint.h>

/** Number of checks passed and failed so far. */
extern unsigned long checks_passed;
extern unsigned long checks_failed;

/**
 * Counts one check; on failure prints "FAIL file:line: message" (printf
 * format). Returns @p ok so that callers can stop early.
 */
int check_at(int ok, const char *file, int line, const char *fmt, ...);

/** CHECK(condition, printf-format, args...) */
#define CHECK(cond, ...) check_at((cond) ? 1 : 0, __FILE__, __LINE__, __VA_ARGS__)

/** Compares two byte strings; on mismatch prints both in hex. */
int check_bytes_at(const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len,
                   const char *file, int line, const char *what);
#define CHECK_BYTES(got, got_len, want, want_len, what) \
    check_bytes_at((got), (got_len), (want), (want_len), __FILE__, __LINE__, (what))

/** Test groups (one file each). */
void test_crc_cobs(void);
void test_encoders(void);
void test_decoder(void);
void test_example(void);
void test_vectors(const char *path);
void test_crosscheck(const char *vectors_path, const char *tool, const char *dir);

#endif
