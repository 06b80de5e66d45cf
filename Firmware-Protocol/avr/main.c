/*
 * main.c - LipTwitch sensor firmware for an ATmega328P at 16 MHz (Arduino
 * Uno or Nano). Brings up the clock, ADC and UART, arms the watchdog, and
 * runs the protocol loop, sleeping between interrupts.
 */
#include <avr/interrupt.h>
#include <avr/io.h>
#include <avr/sleep.h>
#include <avr/wdt.h>

#include "clock.h"
#include "device.h"
#include "image.h"
#include "sampler.h"
#include "uart.h"

/* After a watchdog reset the watchdog stays on with its shortest timeout
 * (16 ms), which would reset the chip again before main() could set it up.
 * This runs in .init3, before the C runtime zeroes memory. */
void watchdog_off_at_boot(void) __attribute__((naked, used, section(".init3")));
void watchdog_off_at_boot(void)
{
    MCUSR = 0;
    wdt_disable();
}

int main(void)
{
    clock_init(the_image.identity.sample_rate_hz);
    sampler_init();
    uart_init();
    set_sleep_mode(SLEEP_MODE_IDLE); /* timers, ADC and USART keep running */
    sei();
    device_init();
    /* The loop passes at least once per sample tick (the tick wakes it); a
     * quarter of a second without a pass means it is stuck: reset. */
    wdt_enable(WDTO_250MS);
    for (;;) {
        wdt_reset();
        device_poll();
        cli();
        if (!uart_rx_waiting() && !sampler_rows_waiting()) {
            sleep_enable();
            sei(); /* takes effect after the next instruction: no wake-up is lost */
            sleep_cpu();
            sleep_disable();
        }
        sei();
    }
}
