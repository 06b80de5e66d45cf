/*
 * example_device.h - state of the example LipTwitch sensor: a 2-channel
 * surface EMG device, int16 samples, 250/500/1000/2000 Hz.
 *
 * All device state lives in one struct the caller owns (a static on a real
 * device). device_poll() is the body of the main loop; it never blocks.
 */
#ifndef LIPTWITCH_EXAMPLE_DEVICE_H
#define LIPTWITCH_EXAMPLE_DEVICE_H

#include <stdint.h>

#include "liptwitch/liptwitch.h"

#define EXAMPLE_CHANNELS 2u          /**< EMG channels */
#define EXAMPLE_MAX_BATCH 16u        /**< max samples per channel per SAMPLES frame */
#define EXAMPLE_DEFAULT_RATE 1000u   /**< rate after reset */
#define EXAMPLE_STATUS_PERIOD_US 1000000uL /**< STATUS once a second while streaming */
#define EXAMPLE_LONG_PRESS_US 1000000uL    /**< a press longer than this is a long marker */
#define EXAMPLE_MAX_LAG_US 20000uL   /**< further behind than this: skip samples (overruns) */

/** Largest frame the example sends: a full SAMPLES batch. */
#define EXAMPLE_TX_SIZE LT_SAMPLES_WIRE_SIZE(EXAMPLE_MAX_BATCH, EXAMPLE_CHANNELS, LT_INT16_SIZE)

/** The whole state of the example device. */
typedef struct example_device {
    lt_tx tx;                   /**< outgoing sequence counter */
    lt_cmd_decoder rx;          /**< command receiver */
    uint8_t txbuf[EXAMPLE_TX_SIZE]; /**< one frame being sent */

    int streaming;              /**< 1 between START and STOP */
    uint16_t rate_hz;           /**< current sample rate */
    uint8_t batch_size;         /**< samples per channel per SAMPLES frame at this rate */
    uint32_t period_us;         /**< 1e6 / rate, integer part */
    uint32_t period_rem;        /**< 1e6 % rate: spread over samples by `frac` */
    uint32_t frac;              /**< accumulated remainder, < rate_hz */
    uint32_t next_sample_us;    /**< when the next sample is due */
    uint32_t sample_index;      /**< index of the next sample since START */

    uint8_t batch_fill;         /**< samples per channel in `batch` */
    uint8_t batch_flags;        /**< SAMPLES flags seen during this batch */
    uint32_t batch_first;       /**< index of the batch's first sample */
    uint32_t batch_ts;          /**< device time of the batch's first sample */
    int16_t batch[EXAMPLE_MAX_BATCH * EXAMPLE_CHANNELS]; /**< sample-major values */

    uint32_t overruns;          /**< samples skipped since START */
    uint32_t last_rx_us;        /**< time of the last intact frame from the host */
    uint32_t last_status_us;    /**< time of the last STATUS */
    uint8_t lead_off;           /**< lead-off bits as last sent in STATUS */
    uint8_t saturation;         /**< saturation bits since the last STATUS */
    uint8_t saturation_sent;    /**< saturation bits of the last STATUS */

    int button_down;            /**< button state at the last poll */
    int press_reported;         /**< the current press already produced its MARKER */
    uint32_t press_us;          /**< device time of the press */
    uint32_t press_index;       /**< sample being taken at the press */
} example_device;

/** Resets the device state and sends the lone 0x00 a device should send after reset. */
void device_init(example_device *dev);

/** One pass of the main loop: commands, sampling, STATUS, heartbeat, button. */
void device_poll(example_device *dev);

#endif /* LIPTWITCH_EXAMPLE_DEVICE_H */
