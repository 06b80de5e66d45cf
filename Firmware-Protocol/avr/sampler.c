/*
 * sampler.c - timer-driven ADC conversion chains and the row queue (sampler.h).
 */
#include "sampler.h"

#include <avr/interrupt.h>
#include <avr/io.h>
#include <util/atomic.h>

#include "clock.h"
#include "leadoff.h"

#define QUEUE_ROWS 32u /* power of two; 32 ms of EMG at 1 kHz */
#define ADC_MAX 1023u
/* AVcc reference (REFS0) with its capacitor on AREF; right-adjusted result. */
#define ADMUX_BASE _BV(REFS0)
/* ADC on, interrupt on, clk/128 = 125 kHz at 16 MHz: within the 50-200 kHz
 * the data sheet asks for full 10-bit resolution. */
#define ADCSRA_BASE (_BV(ADEN) | _BV(ADIE) | _BV(ADPS2) | _BV(ADPS1) | _BV(ADPS0))

static sample_row queue[QUEUE_ROWS];
static volatile uint8_t queue_head; /* written by the ADC interrupt */
static volatile uint8_t queue_tail; /* written by the main loop */

static volatile uint8_t sampling;
static volatile uint8_t converting;   /* a conversion chain is running */
static uint8_t conversion;            /* which one of the chain */
static sample_row row;                /* the row being converted */
static uint32_t next_index;
static volatile uint32_t start_us;
static volatile uint32_t overruns;
static volatile uint8_t saturation;
static volatile uint8_t lead_off;
static leadoff lead_off_detector;

void sampler_init(void)
{
    DIDR0 = 0x3F; /* A0..A5 are analog only: no digital input buffer current */
    ADMUX = ADMUX_BASE;
    ADCSRA = ADCSRA_BASE;
}

void sampler_start(uint16_t rate_hz)
{
    /* A chain started before a STOP may still be converting: let it end
     * (at most IMAGE_MAX_CONVERSIONS x 104 us), so that it cannot put a row
     * of the old stream into the new one. */
    while (converting) {
    }
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        queue_head = 0;
        queue_tail = 0;
        next_index = 0;
        overruns = 0;
        saturation = 0;
        lead_off = 0;
        leadoff_init(&lead_off_detector, (uint16_t)(rate_hz / 10u)); /* 100 ms */
        sampling = 1;
    }
}

void sampler_stop(void)
{
    sampling = 0;
}

uint8_t sampler_take(sample_row *out)
{
    const uint8_t tail = queue_tail;
    if (tail == queue_head) {
        return 0;
    }
    *out = queue[tail];
    queue_tail = (uint8_t)((tail + 1u) & (QUEUE_ROWS - 1u));
    return 1;
}

uint8_t sampler_rows_waiting(void)
{
    return (uint8_t)(queue_tail != queue_head);
}

uint32_t sampler_start_micros(void)
{
    uint32_t t;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        t = start_us;
    }
    return t;
}

uint32_t sampler_overruns(void)
{
    uint32_t n;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        n = overruns;
    }
    return n;
}

uint8_t sampler_take_saturation(void)
{
    uint8_t bits;
    ATOMIC_BLOCK(ATOMIC_RESTORESTATE) {
        bits = saturation;
        saturation = 0;
    }
    return bits;
}

uint8_t sampler_lead_off(void)
{
    return lead_off;
}

static void start_conversion(uint8_t which)
{
    conversion = which;
    ADMUX = (uint8_t)(ADMUX_BASE | the_image.adc_inputs[which]);
    ADCSRA = ADCSRA_BASE | _BV(ADSC);
}

void sampler_tick(void)
{
    if (!sampling) {
        return;
    }
    if (next_index == 0u) {
        start_us = clock_tick_micros();
    }
    if (converting) {
        overruns++; /* the ADC is still busy with the previous sample */
        next_index++;
        return;
    }
    row.index = next_index++;
    row.flags = 0;
    converting = 1;
    start_conversion(0);
}

ISR(ADC_vect)
{
    const uint16_t count = ADC;
    const uint8_t channels = the_image.identity.channel_count;
    if (conversion < channels) {
        row.value[conversion] = (int16_t)((int16_t)count - (int16_t)the_image.zero_count);
        if (count == 0u || count == ADC_MAX) {
            saturation |= (uint8_t)(1u << conversion);
            row.flags |= LT_SAMPLES_FLAG_SATURATED;
        }
    }
    if (conversion == the_image.lead_off_conversion) {
        lead_off = leadoff_update(&lead_off_detector, count);
        if (lead_off) {
            row.flags |= LT_SAMPLES_FLAG_LEAD_OFF;
        }
    }
    if (conversion + 1u < the_image.conversions) {
        start_conversion((uint8_t)(conversion + 1u));
        return;
    }
    converting = 0;
    if (!sampling) {
        return; /* stopped while converting: the stream has ended */
    }
    {
        const uint8_t head = queue_head;
        const uint8_t next = (uint8_t)((head + 1u) & (QUEUE_ROWS - 1u));
        if (next == queue_tail) {
            overruns++; /* the main loop is behind: the line cannot keep up */
            return;
        }
        queue[head] = row;
        queue_head = next;
    }
}
