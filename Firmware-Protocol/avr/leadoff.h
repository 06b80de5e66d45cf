/*
 * leadoff.h - electrode lead-off seen as an output pinned at a rail.
 *
 * The MyoWare 2.0 has no lead-off output. When an electrode lifts, its
 * instrumentation amplifier loses its input bias path and the RAW output
 * runs into a supply rail and stays there (or swings rail to rail with mains
 * pick-up). This detector calls a channel "off" once its level has been
 * within LEADOFF_RAIL_COUNTS of either rail for `needed` samples in a row,
 * and "on" again after as many samples in a row away from the rails. A
 * single sample at a rail is a saturation, not a lead-off; a twitch never
 * holds a rail for 100 ms. This is our choice, not a data sheet figure:
 * check it on your board by lifting an electrode (docs/HARDWARE.md).
 */
#ifndef LT_AVR_LEADOFF_H
#define LT_AVR_LEADOFF_H

#include <stdint.h>

/** Counts from either rail (0, 1023) that count as "at the rail": about 50 mV. */
#define LEADOFF_RAIL_COUNTS 10u

typedef struct leadoff {
    uint16_t needed; /**< samples in a row that change the state */
    uint16_t run;    /**< samples in a row that disagree with the state */
    uint8_t off;     /**< 1 while the electrode is off */
} leadoff;

/** Starts "on" (electrode attached); @p needed samples in a row flip the state. */
void leadoff_init(leadoff *lo, uint16_t needed);

/** Feeds one 10-bit ADC count; returns 1 while the electrode is off. */
uint8_t leadoff_update(leadoff *lo, uint16_t count);

#endif /* LT_AVR_LEADOFF_H */
