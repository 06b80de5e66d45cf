/*
 * device.h - the protocol side of the sensor: commands and replies, SAMPLES
 * batches, STATUS, the host heartbeat (Firmware-Protocol/PROTOCOL.md,
 * sections 3, 6, 7 and 8), on top of the C library in ../c.
 *
 * It owns no hardware: rows come from the sampler, bytes go through the
 * UART, time from the clock.
 */
#ifndef LT_AVR_DEVICE_H
#define LT_AVR_DEVICE_H

/** Resets the protocol state and sends the lone 0x00 a device sends after reset. */
void device_init(void);

/** One pass of the main loop; returns without waiting for anything new. */
void device_poll(void);

#endif /* LT_AVR_DEVICE_H */
