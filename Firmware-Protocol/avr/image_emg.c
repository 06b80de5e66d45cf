/*
 * image_emg.c - one surface EMG channel from a MyoWare 2.0 muscle sensor.
 *
 * FRONT_END_GAIN (Makefile) is the gain between the MyoWare's RAW output
 * and A0:
 *   11  image "emg": RAW through the AC-coupled x11 op-amp stage of
 *       docs/HARDWARE.md into A0, and RAW straight into A1, where the
 *       lead-off detector watches its level (the stage's coupling capacitor
 *       would hide a pinned rail after a fraction of a second);
 *    1  image "emg-direct": RAW straight into A0, which is also watched for
 *       lead-off.
 *
 * Units per count: the ADC's step is AVcc / 1024 = 5 V / 1024 = 4.883 mV
 * (ATmega328P data sheet, ADC = Vin x 1024 / Vref). The MyoWare 2.0 RAW
 * output has a gain of 200 (Advancer Technologies), so at the electrodes a
 * count is 4.883 mV / (200 x FRONT_END_GAIN): 2.219 uV with the stage,
 * 24.41 uV without. Both gains are nominal (the MyoWare's tolerance is not
 * published; the stage's follows its 1 % resistors). RAW sits at Vs/2: with
 * the MyoWare on the Arduino's 5 V, 2.5 V = count 512, which is zero.
 */
#include "image.h"

#ifndef FRONT_END_GAIN
#error "FRONT_END_GAIN is set by the Makefile"
#endif
#ifndef SERIAL_NUMBER
#define SERIAL_NUMBER "LT-AVR-EMG-0001"
#endif

#define MYOWARE_RAW_GAIN 200.0f
#define ADC_STEP_UV (5000000.0f / 1024.0f)

#if FRONT_END_GAIN > 1
#define CONVERSIONS 2u   /* A0: amplified signal, A1: RAW level for lead-off */
#define LEAD_OFF_AT 1u
#define HARDWARE_REVISION 2u
#else
#define CONVERSIONS 1u   /* A0: RAW, signal and lead-off */
#define LEAD_OFF_AT 0u
#define HARDWARE_REVISION 1u
#endif

const image the_image = {
    {
        LT_PROTOCOL_MAJOR, LT_PROTOCOL_MINOR, LT_KIND_EMG, 1u /* channel */,
        DEFAULT_RATE_HZ, LT_FORMAT_INT16,
        32u, /* max_batch: 4000 Hz / 125 frames/s */
        SERIAL_NUMBER,
        1u, 0u, 0u, /* firmware 1.0.0 */
        HARDWARE_REVISION,
        {
            {LT_PLACE_UPPER_LEFT, LT_AXIS_NONE,
             ADC_STEP_UV / (MYOWARE_RAW_GAIN * (float)FRONT_END_GAIN)},
        },
    },
    {0u, 1u, 0u},
    CONVERSIONS,
    LEAD_OFF_AT,
    512u,
    /* Two conversions take 208 us: 4000 Hz (250 us) is the most. */
    {250u, 500u, 1000u, 2000u, 4000u, 0u, 0u, 0u},
};

/* One batch of max_batch x 1 channel must fit the device's batch buffer. */
typedef char emg_batch_fits[(32u * 1u <= IMAGE_MAX_BATCH_VALUES) ? 1 : -1];
