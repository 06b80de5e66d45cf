/*
 * image_accel.c - three axes of an ADXL335 accelerometer on A0, A1, A2.
 *
 * FRONT_END_GAIN (Makefile) is the gain between the ADXL335 outputs and
 * the ADC inputs:
 *   11  image "accel": each axis through the AC-coupled x11 op-amp stage
 *       of docs/HARDWARE.md (gravity and tilt are removed, 0.34 Hz corner;
 *       a lip twitch of 10 mg becomes 7 counts instead of less than one);
 *    1  image "accel-direct": XOUT, YOUT, ZOUT straight into A0..A2.
 *
 * Units per count: the ADC's step is AVcc / 1024 = 4.883 mV. The ADXL335
 * is ratiometric: 300 mV/g at Vs = 3 V (270 to 330 mV/g), so 330 mV/g on
 * the Arduino's 3.3 V pin, and zero g at Vs/2 = 1.65 V = count 338 (Analog
 * Devices data sheet, rev. B; nominal, +-10 % sensitivity, and the zero-g
 * level varies per part). A count is 4.883 mV / (330 mV/g x
 * FRONT_END_GAIN): 1.345 mg with the stage, 14.80 mg without. With the
 * stage zero is its 2.5 V bias, count 512. An accelerometer has no lead-off.
 */
#include "image.h"

#ifndef FRONT_END_GAIN
#error "FRONT_END_GAIN is set by the Makefile"
#endif
#ifndef SERIAL_NUMBER
#define SERIAL_NUMBER "LT-AVR-ACC-0001"
#endif

#define ADXL335_G_PER_V (1.0f / 0.330f) /* at Vs = 3.3 V */
#define ADC_STEP_V (5.0f / 1024.0f)
#define SCALE (ADC_STEP_V * ADXL335_G_PER_V / (float)FRONT_END_GAIN)

#if FRONT_END_GAIN > 1
#define ZERO_COUNT 512u /* the stage's bias, AVcc / 2 */
#define HARDWARE_REVISION 2u
#else
#define ZERO_COUNT 338u /* 1.65 V */
#define HARDWARE_REVISION 1u
#endif

const image the_image = {
    {
        LT_PROTOCOL_MAJOR, LT_PROTOCOL_MINOR, LT_KIND_ACCEL, 3u /* axes */,
        DEFAULT_RATE_HZ, LT_FORMAT_INT16,
        10u, /* max_batch: 30 values, a frame every 8 ms up to 1250 Hz */
        SERIAL_NUMBER,
        1u, 0u, 0u, /* firmware 1.0.0 */
        HARDWARE_REVISION,
        {
            {LT_PLACE_LOWER_CENTER, LT_AXIS_X, SCALE},
            {LT_PLACE_LOWER_CENTER, LT_AXIS_Y, SCALE},
            {LT_PLACE_LOWER_CENTER, LT_AXIS_Z, SCALE},
        },
    },
    {0u, 1u, 2u},
    3u,
    IMAGE_NO_LEAD_OFF,
    ZERO_COUNT,
    /* Three conversions take 312 us: 2000 Hz (500 us) is the most. */
    {100u, 200u, 250u, 400u, 500u, 1000u, 2000u, 0u},
};

typedef char accel_batch_fits[(10u * 3u <= IMAGE_MAX_BATCH_VALUES) ? 1 : -1];
