/*
 * image.h - what one firmware image measures: its IDENTITY, which ADC
 * inputs it converts for each sample, and the rates it can do.
 *
 * Every image links exactly one image_*.c, which defines `the_image`. The
 * rest of the firmware reads only this struct, so a new front end is a new
 * image file and a line in the Makefile.
 */
#ifndef LT_AVR_IMAGE_H
#define LT_AVR_IMAGE_H

#include <stdint.h>

#include "liptwitch/liptwitch.h"

/** ADC conversions per sample, at most: three accelerometer axes. */
#define IMAGE_MAX_CONVERSIONS 3u
/** Protocol channels, at most. */
#define IMAGE_MAX_CHANNELS 3u
/** Sample values in one batch (max_batch x channels), at most. */
#define IMAGE_MAX_BATCH_VALUES 32u
/** `lead_off_conversion` of an image that cannot see a lead-off. */
#define IMAGE_NO_LEAD_OFF 0xFFu
/** Supported rates listed per image, at most (the list ends early with 0). */
#define IMAGE_RATES 8u

typedef struct image {
    /** The identity sent in reply to IDENTIFY; its sample_rate_hz is the
     *  rate after reset and is replaced by the current rate when sent. */
    lt_identity identity;
    /** ADC input (0..7 = A0..A7) of each conversion of a sample, in the
     *  order converted. Conversion i < channel_count is protocol channel i;
     *  later conversions only feed the lead-off detector. */
    uint8_t adc_inputs[IMAGE_MAX_CONVERSIONS];
    /** Number of conversions per sample (>= channel_count). */
    uint8_t conversions;
    /** The conversion whose level tells a lead-off, or IMAGE_NO_LEAD_OFF. */
    uint8_t lead_off_conversion;
    /** ADC count that means zero (the front end's output at rest); it is
     *  subtracted so that value x scale is the physical value. */
    uint16_t zero_count;
    /** Rates SET_RATE accepts, ascending, 0 after the last. */
    uint16_t rates[IMAGE_RATES];
} image;

extern const image the_image;

#endif /* LT_AVR_IMAGE_H */
