/*
 * hal_host.c - the example device's HAL on a Linux host: stdin is the
 * receive line, stdout the transmit line, CLOCK_MONOTONIC the microsecond
 * clock, and the "ADC" a synthetic signal. The program ends 200 ms after
 * stdin reaches end of file, so that piped commands get their replies:
 *
 *     printf '...frames...' | build/example_device | xxd
 *
 * Only for trying the example on a PC; not part of the firmware.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "hal.h"

static int stdin_eof;          /* stdin reached end of file */
static uint32_t eof_at_us;     /* when it did */
static uint32_t noise_state = 12345u;

void hal_init(void)
{
    stdin_eof = 0;
}

uint32_t hal_micros(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u);
}

int hal_running(void)
{
    return !stdin_eof || (uint32_t)(hal_micros() - eof_at_us) < 200000u;
}

void hal_idle(void)
{
    const struct timespec ts = {0, 50000}; /* 50 us: well below a sample period */
    nanosleep(&ts, NULL);
}

void hal_uart_write(const uint8_t *data, size_t len)
{
    while (len > 0u) {
        const ssize_t n = write(STDOUT_FILENO, data, len);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            exit(1); /* the "host" went away */
        }
        data += n;
        len -= (size_t)n;
    }
}

int hal_uart_read_byte(void)
{
    struct pollfd pfd;
    uint8_t byte;
    ssize_t n;
    if (stdin_eof) {
        return -1;
    }
    pfd.fd = STDIN_FILENO;
    pfd.events = POLLIN;
    pfd.revents = 0;
    if (poll(&pfd, 1, 0) <= 0) {
        return -1;
    }
    n = read(STDIN_FILENO, &byte, 1u);
    if (n == 1) {
        return byte;
    }
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
        stdin_eof = 1;
        eof_at_us = hal_micros();
    }
    return -1;
}

int16_t hal_adc_read(uint8_t channel)
{
    /* A 10 Hz triangle plus a little noise, different per channel. */
    const uint32_t t = hal_micros() / 100u % 1000u;
    const int32_t tri = (t < 500u) ? (int32_t)t : (int32_t)(1000u - t);
    noise_state = noise_state * 1103515245u + 12345u;
    return (int16_t)((tri - 250) * (int32_t)(channel + 1u) * 8 + (int32_t)((noise_state >> 16) & 0x3Fu) - 32);
}

uint8_t hal_lead_off(void)
{
    return 0u;
}

int hal_button_down(void)
{
    return 0;
}

uint8_t hal_battery_percent(void)
{
    return 255u; /* a PC has no battery we know of */
}

uint8_t hal_power_flags(void)
{
    return 0x02u; /* on external power */
}
