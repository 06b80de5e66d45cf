/*
 * clock.c - Timer1 as microsecond clock and sample tick (clock.h).
 */
#include "clock.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

#include "sampler.h"

#define TICKS_PER_US (F_CPU / 8000000uL) /* prescaler 8 */
#if (F_CPU % 8000000uL) != 0
#error "the clock needs F_CPU to be a multiple of 8 MHz"
#endif

static volatile uint32_t tick_us; /* clock value at the last compare match */
static volatile uint16_t period_us;

uint8_t clock_rate_exact(uint16_t rate_hz)
{
    const uint32_t ticks = (F_CPU / 8uL) / rate_hz;
    return (uint8_t)(rate_hz > 0u && 1000000uL % rate_hz == 0u &&
                     (F_CPU / 8uL) % rate_hz == 0u && ticks <= 65536uL);
}

static void program(uint16_t rate_hz)
{
    period_us = (uint16_t)(1000000uL / rate_hz);
    TCNT1 = 0;
    /* TCCR1B before OCR1A: simavr sets up the compare only once the timer
     * has a clock (the hardware accepts either order). */
    TCCR1B = _BV(WGM12) | _BV(CS11); /* CTC on OCR1A, clk/8 */
    OCR1A = (uint16_t)((F_CPU / 8uL) / rate_hz - 1u);
    TIFR1 = _BV(OCF1A);
}

void clock_init(uint16_t rate_hz)
{
    TCCR1A = 0;
    program(rate_hz);
    TIMSK1 = _BV(OCIE1A);
}

void clock_set_rate(uint16_t rate_hz)
{
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        /* Fold the time elapsed since the last tick into the clock first. */
        tick_us += (uint16_t)(TCNT1 / TICKS_PER_US);
        program(rate_hz);
    }
}

uint32_t clock_micros(void)
{
    uint32_t base;
    uint16_t ticks;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        base = tick_us;
        ticks = TCNT1;
        if (TIFR1 & _BV(OCF1A)) {
            /* The counter wrapped but its interrupt has not run yet: read
             * the counter again, after the wrap, and count the period. */
            ticks = TCNT1;
            base += period_us;
        }
    }
    return base + ticks / TICKS_PER_US;
}

uint32_t clock_tick_micros(void)
{
    uint32_t t;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        t = tick_us;
    }
    return t;
}

ISR(TIMER1_COMPA_vect)
{
    tick_us += period_us;
    sampler_tick();
}
