/*
 * hal.h - the hardware hooks the example device needs. A real board
 * implements them on its UART, timer, ADC and GPIO; hal_host.c implements
 * them on a Linux host (stdin/stdout as the serial line) and the tests
 * implement them on a scripted, simulated clock.
 */
#ifndef LIPTWITCH_EXAMPLE_HAL_H
#define LIPTWITCH_EXAMPLE_HAL_H

#include <stddef.h>
#include <stdint.h>

/** Brings up clock, UART, ADC and GPIO. Called once before anything else. */
void hal_init(void);

/** 1 while the main loop should keep running (always 1 on a real device). */
int hal_running(void);

/** Nothing to do right now: a real device may sleep until the next interrupt. */
void hal_idle(void);

/**
 * Queues @p len bytes for the UART. Must take the whole frame (blocking or
 * into a DMA/ring buffer large enough for LT_MAX_WIRE bytes).
 */
void hal_uart_write(const uint8_t *data, size_t len);

/** The next received UART byte (0..255), or -1 when none is waiting. */
int hal_uart_read_byte(void);

/** Free-running microsecond clock; wraps every 2^32 us; never reset. */
uint32_t hal_micros(void);

/** One conversion of EMG channel @p channel, in counts (int16). */
int16_t hal_adc_read(uint8_t channel);

/** Lead-off detector: bit i set when channel i's electrode is off the skin. */
uint8_t hal_lead_off(void);

/** 1 while the marker button is held down (already debounced). */
int hal_button_down(void);

/** Battery charge 0..100, or 255 when unknown / no battery. */
uint8_t hal_battery_percent(void);

/** Power flags: bit 0 charging, bit 1 on external power. */
uint8_t hal_power_flags(void);

#endif /* LIPTWITCH_EXAMPLE_HAL_H */
