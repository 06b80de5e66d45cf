/*
 * sampler.h - timer-driven ADC sampling into a queue of sample rows.
 *
 * Each Timer1 tick (clock.h) starts the image's chain of conversions (A0,
 * then A1, ...); the ADC interrupt stores each result and starts the next,
 * and the last one puts the finished row into a 32-row queue that the main
 * loop empties into SAMPLES frames. Everything that can go wrong is counted,
 * never hidden:
 *
 *   - queue full (the main loop is waiting for the UART: the line cannot
 *     carry the stream) or a tick while the previous chain still converts
 *     (the rate is beyond the ADC): the sample is skipped, its index still
 *     advances, and `overruns` counts it. The host sees the jump in
 *     first_sample as a gap of exactly that many samples and the count in
 *     STATUS (spec 3.3 and 6.3);
 *   - a conversion at 0 or 1023: saturation bit of that channel and the
 *     batch flag;
 *   - lead-off (leadoff.h) on the image's lead-off input: the batch flag
 *     and the STATUS bit.
 */
#ifndef LT_AVR_SAMPLER_H
#define LT_AVR_SAMPLER_H

#include <stdint.h>

#include "image.h"

/** One sample of every channel. */
typedef struct sample_row {
    uint32_t index;                          /**< samples since START */
    int16_t value[IMAGE_MAX_CHANNELS];       /**< counts minus the image's zero */
    uint8_t flags;                           /**< LT_SAMPLES_FLAG_* seen with this row */
} sample_row;

/** Sets up the ADC (AVcc reference, clk/128: 104 us a conversion). */
void sampler_init(void);

/** Starts a stream at @p rate_hz: index 0 at the next tick, counters cleared. */
void sampler_start(uint16_t rate_hz);

/** Stops taking samples; a conversion chain in progress is discarded. */
void sampler_stop(void);

/** Takes the oldest finished row; 1 if there was one. */
uint8_t sampler_take(sample_row *row);

/** 1 while finished rows wait in the queue (the main loop must not sleep then). */
uint8_t sampler_rows_waiting(void);

/** Device time of sample 0 of the current stream (valid once row 0 exists). */
uint32_t sampler_start_micros(void);

/** Samples per channel skipped since START. */
uint32_t sampler_overruns(void);

/** Channels that hit 0 or 1023 since the last call (bit i = channel i). */
uint8_t sampler_take_saturation(void);

/** Lead-off bits now (bit 0 = channel 0; 0 when the image has no lead-off input). */
uint8_t sampler_lead_off(void);

/** Called by the Timer1 compare interrupt at every sample instant. */
void sampler_tick(void);

#endif /* LT_AVR_SAMPLER_H */
