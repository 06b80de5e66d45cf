/*
 * uart.h - USART0 at LINE_BAUD, 8N1, both directions interrupt-driven.
 *
 * Transmit: frames go into a 256-byte ring that the data-register-empty
 * interrupt drains at line rate. uart_write() waits for room rather than
 * dropping bytes: a frame once encoded carries a sequence number, and
 * losing part of it would show as a CRC failure on the host. Waiting
 * stalls only the main loop; sampling goes on in interrupts, and when the
 * line cannot keep up the sample queue fills and the sampler counts
 * overruns (sampler.h), which the host sees in STATUS.
 *
 * Receive: the receive interrupt puts bytes into a small ring that the main
 * loop empties into the command decoder. Commands are a dozen bytes, sent
 * one at a time by the host, so a full ring only happens on garbage; bytes
 * that do not fit are dropped and the decoder rejects the damaged frame.
 */
#ifndef LT_AVR_UART_H
#define LT_AVR_UART_H

#include <stddef.h>
#include <stdint.h>

/** Transmit ring size; 256 so that 8-bit indices wrap by themselves. */
#define UART_TX_RING 256u

/** Sets up USART0 (LINE_BAUD, 8N1) and enables its interrupts' sources. */
void uart_init(void);

/** Queues @p len bytes (at most UART_TX_RING - 1), waiting for room. */
void uart_write(const uint8_t *data, size_t len);

/** The next received byte (0..255), or -1 when none is waiting. */
int uart_read_byte(void);

/** 1 while received bytes wait for the main loop (it must not sleep then). */
uint8_t uart_rx_waiting(void);

#endif /* LT_AVR_UART_H */
