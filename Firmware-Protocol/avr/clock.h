/*
 * clock.h - Timer1: the device's microsecond clock and the sample tick.
 *
 * Timer1 counts at F_CPU / 8 (2 MHz, 0.5 us) in CTC mode and wraps once per
 * sample period, so one timer gives both the protocol's free-running u32
 * microsecond clock (spec 3.2) and a jitter-free sample instant: the
 * compare interrupt adds the period to the clock and calls sampler_tick().
 * It runs from power-up whether or not the device streams; only the
 * sampler decides whether a tick takes a sample.
 */
#ifndef LT_AVR_CLOCK_H
#define LT_AVR_CLOCK_H

#include <stdint.h>

/** 1 when @p rate_hz has a whole number of microseconds and timer ticks per sample. */
uint8_t clock_rate_exact(uint16_t rate_hz);

/** Starts Timer1 with one tick per 1/@p rate_hz s. @p rate_hz must be exact. */
void clock_init(uint16_t rate_hz);

/** Changes the tick rate without disturbing the microsecond clock. */
void clock_set_rate(uint16_t rate_hz);

/** Microseconds since power-up, wrapping every 2^32 us. */
uint32_t clock_micros(void);

/** The clock at the last tick: the instant of the sample that tick started. */
uint32_t clock_tick_micros(void);

#endif /* LT_AVR_CLOCK_H */
