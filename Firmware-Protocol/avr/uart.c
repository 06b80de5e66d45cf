/*
 * uart.c - USART0: interrupt-driven transmit and receive rings (uart.h).
 */
#include "uart.h"

#include <avr/interrupt.h>
#include <avr/io.h>

/* With U2X0 the USART divides the clock by 8: UBRR = F_CPU / (8 * baud) - 1.
 * Only rates this divides exactly are allowed, because a USB-serial bridge
 * on the other end runs at the nominal rate: at 16 MHz, 500000 (UBRR 3) and
 * 1000000 (UBRR 1) are exact, 921600 is unreachable, 115200 is 2.1 % off. */
#if (F_CPU % (8uL * LINE_BAUD)) != 0
#error "LINE_BAUD is not an exact divisor of F_CPU / 8"
#endif
#define UBRR_VALUE (F_CPU / (8uL * LINE_BAUD) - 1u)
#if UBRR_VALUE > 4095u
#error "LINE_BAUD is too low for UBRR0"
#endif

#define RX_RING 32u /* power of two */

static volatile uint8_t tx_ring[UART_TX_RING];
static volatile uint8_t tx_head; /* written by the main loop */
static volatile uint8_t tx_tail; /* written by the interrupt */

static volatile uint8_t rx_ring[RX_RING];
static volatile uint8_t rx_head; /* written by the interrupt */
static volatile uint8_t rx_tail; /* written by the main loop */

void uart_init(void)
{
    /* U2X0 before UBRR0: simavr computes the baud rate when UBRR0L is
     * written and would not see a later U2X0. The hardware does not care. */
    UCSR0A = _BV(U2X0);
    UBRR0H = (uint8_t)(UBRR_VALUE >> 8);
    UBRR0L = (uint8_t)UBRR_VALUE;
    UCSR0C = _BV(UCSZ01) | _BV(UCSZ00); /* 8 data bits, no parity, 1 stop bit */
    UCSR0B = _BV(RXEN0) | _BV(TXEN0) | _BV(RXCIE0);
}

void uart_write(const uint8_t *data, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        const uint8_t next = (uint8_t)(tx_head + 1u);
        while (next == tx_tail) {
            /* Full: the interrupt frees a byte every 10 bit times. */
        }
        tx_ring[tx_head] = data[i];
        tx_head = next;
        UCSR0B |= _BV(UDRIE0); /* atomic enough: the ISR only clears it when empty */
    }
}

int uart_read_byte(void)
{
    uint8_t byte;
    if (rx_tail == rx_head) {
        return -1;
    }
    byte = rx_ring[rx_tail];
    rx_tail = (uint8_t)((rx_tail + 1u) & (RX_RING - 1u));
    return byte;
}

uint8_t uart_rx_waiting(void)
{
    return (uint8_t)(rx_tail != rx_head);
}

ISR(USART_UDRE_vect)
{
    if (tx_tail == tx_head) {
        UCSR0B &= (uint8_t)~_BV(UDRIE0);
        return;
    }
    UDR0 = tx_ring[tx_tail];
    tx_tail = (uint8_t)(tx_tail + 1u);
}

ISR(USART_RX_vect)
{
    const uint8_t byte = UDR0;
    const uint8_t next = (uint8_t)((rx_head + 1u) & (RX_RING - 1u));
    if (next != rx_tail) {
        rx_ring[rx_head] = byte;
        rx_head = next;
    }
}
