/* check.c - check counting and reporting. */
#include "check.h"

#include <stdarg.h>
#include <stdio.h>

unsigned long checks_passed;
unsigned long checks_failed;

int check_at(int ok, const char *file, int line, const char *fmt, ...)
{
    if (ok) {
        checks_passed++;
        return 1;
    }
    checks_failed++;
    {
        va_list ap;
        fprintf(stdout, "FAIL %s:%d: ", file, line);
        va_start(ap, fmt);
        vfprintf(stdout, fmt, ap);
        va_end(ap);
        fputc('\n', stdout);
    }
    return 0;
}

static void print_hex(const char *label, const uint8_t *p, size_t n)
{
    size_t i;
    fprintf(stdout, "    %s (%lu):", label, (unsigned long)n);
    for (i = 0; i < n; i++) {
        fprintf(stdout, " %02x", (unsigned)p[i]);
    }
    fputc('\n', stdout);
}

int check_bytes_at(const uint8_t *got, size_t got_len, const uint8_t *want, size_t want_len,
                   const char *file, int line, const char *what)
{
    size_t i;
    int same = got_len == want_len;
    for (i = 0; same && i < got_len; i++) {
        same = got[i] == want[i];
    }
    if (!check_at(same, file, line, "%s: bytes differ", what)) {
        print_hex("got ", got, got_len);
        print_hex("want", want, want_len);
    }
    return same;
}
