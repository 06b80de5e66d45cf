/*
 * device.c - commands, batching, STATUS and heartbeat (device.h).
 *
 * Choices where the spec leaves room (the same as ../c/examples):
 * START and STOP are idempotent; STOP sends the partial batch before its
 * ACK; SET_RATE while streaming gets invalid_state; IDENTITY is answered in
 * major 1 whatever the host asks for. A batch holds rate / 125 samples (one
 * frame every 8 ms), at most the image's max_batch.
 */
#include "device.h"

#include "clock.h"
#include "image.h"
#include "liptwitch/liptwitch.h"
#include "sampler.h"
#include "uart.h"

#define STATUS_PERIOD_US 1000000uL
#define RECEIVE_BUDGET 16u /* bytes per pass, so that batches keep flowing */
#define DRAIN_ROWS 32u     /* rows per pass: the sampler's queue */

/* The largest frame: a full batch, or the identity of three channels. */
#define TXBUF_SIZE LT_WIRE_SIZE(LT_SAMPLES_FIXED + IMAGE_MAX_BATCH_VALUES * LT_INT16_SIZE)
typedef char identity_fits[(LT_IDENTITY_WIRE_SIZE(IMAGE_MAX_CHANNELS) <= TXBUF_SIZE) ? 1 : -1];
typedef char frame_fits_ring[(TXBUF_SIZE < UART_TX_RING) ? 1 : -1];

static lt_tx tx;
static lt_cmd_decoder rx;
static uint8_t txbuf[TXBUF_SIZE];

static uint8_t streaming;
static uint16_t rate_hz;
static uint16_t period_us;
static uint8_t batch_size;

static int16_t batch[IMAGE_MAX_BATCH_VALUES];
static uint8_t batch_fill;
static uint8_t batch_flags;
static uint32_t batch_first;

static uint32_t last_rx_us;
static uint32_t last_status_us;
static uint8_t lead_off_sent;
static uint8_t saturation;      /* since the last STATUS */
static uint8_t saturation_sent; /* in the last STATUS */

static void send(int len)
{
    if (len > 0) {
        uart_write(txbuf, (size_t)len);
    }
}

static uint8_t rate_supported(uint16_t hz)
{
    uint8_t i;
    for (i = 0; i < IMAGE_RATES && the_image.rates[i] != 0u; i++) {
        if (the_image.rates[i] == hz) {
            return clock_rate_exact(hz);
        }
    }
    return 0;
}

static void set_rate(uint16_t hz)
{
    uint16_t batch_n = (uint16_t)(hz / 125u);
    if (batch_n < 1u) {
        batch_n = 1u;
    }
    if (batch_n > the_image.identity.max_batch) {
        batch_n = the_image.identity.max_batch;
    }
    rate_hz = hz;
    period_us = (uint16_t)(1000000uL / hz);
    batch_size = (uint8_t)batch_n;
    clock_set_rate(hz);
}

static void flush_batch(void)
{
    lt_samples hdr;
    if (batch_fill == 0u) {
        return;
    }
    hdr.first_sample = batch_first;
    /* Sample k of the stream was taken at tick k: modular arithmetic keeps
     * this right across the u32 wrap of both the index and the clock. */
    hdr.timestamp_us = sampler_start_micros() + batch_first * period_us;
    hdr.sample_count = batch_fill;
    hdr.channel_count = the_image.identity.channel_count;
    hdr.flags = batch_flags;
    send(lt_tx_samples_i16(&tx, txbuf, sizeof txbuf, &hdr, batch));
    batch_fill = 0;
}

static void add_row(const sample_row *row)
{
    const uint8_t channels = the_image.identity.channel_count;
    uint8_t ch;
    if (batch_fill > 0u && row->index != batch_first + batch_fill) {
        flush_batch(); /* samples were skipped: the jump shows between batches */
    }
    if (batch_fill == 0u) {
        batch_first = row->index;
        batch_flags = 0;
    }
    for (ch = 0; ch < channels; ch++) {
        batch[batch_fill * channels + ch] = row->value[ch];
    }
    batch_flags |= row->flags;
    if (++batch_fill >= batch_size) {
        flush_batch();
    }
}

/* Batches what the sampler has queued, at most DRAIN_ROWS rows a pass: when
 * the line is slower than the stream, rows arrive while uart_write waits,
 * and an unbounded loop would never return to the watchdog. */
static void drain_rows(void)
{
    sample_row row;
    uint8_t n = DRAIN_ROWS;
    while (n-- > 0u && sampler_take(&row)) {
        add_row(&row);
    }
}

static void send_status(uint32_t now, uint8_t lead_off)
{
    lt_status st;
    st.timestamp_us = now;
    st.battery_percent = LT_BATTERY_UNKNOWN;
    st.power_flags = LT_POWER_EXTERNAL; /* USB powered */
    st.lead_off = lead_off;
    st.saturation = saturation;
    st.overruns = sampler_overruns();
    send(lt_tx_status(&tx, txbuf, sizeof txbuf, &st));
    last_status_us = now;
    lead_off_sent = lead_off;
    saturation_sent = saturation;
    saturation = 0;
}

static void start_streaming(uint32_t now)
{
    batch_fill = 0;
    saturation = 0;
    saturation_sent = 0;
    lead_off_sent = 0;
    last_status_us = now;
    sampler_start(rate_hz);
    streaming = 1;
}

static void stop_streaming(void)
{
    sampler_stop();
    drain_rows(); /* the queue holds at most DRAIN_ROWS: this takes them all */
    flush_batch();
    streaming = 0;
}

static void reply_ack(const lt_command *cmd)
{
    send(lt_tx_ack(&tx, txbuf, sizeof txbuf, cmd->type, cmd->seq));
}

static void reply_error(const lt_command *cmd, uint8_t code)
{
    send(lt_tx_error(&tx, txbuf, sizeof txbuf, cmd->type, cmd->seq, code));
}

static void handle(const lt_command *cmd, uint32_t now)
{
    switch (cmd->type) {
    case LT_TYPE_IDENTIFY: {
        lt_identity id = the_image.identity;
        id.sample_rate_hz = rate_hz;
        send(lt_tx_identity(&tx, txbuf, sizeof txbuf, &id));
        break;
    }
    case LT_TYPE_START:
        if (!streaming) {
            start_streaming(now);
        }
        reply_ack(cmd);
        break;
    case LT_TYPE_STOP:
        if (streaming) {
            stop_streaming();
        }
        reply_ack(cmd);
        break;
    case LT_TYPE_SET_RATE:
        if (streaming) {
            reply_error(cmd, LT_ERR_CODE_INVALID_STATE);
        } else if (!rate_supported(cmd->rate_hz)) {
            reply_error(cmd, LT_ERR_CODE_UNSUPPORTED_VALUE);
        } else {
            set_rate(cmd->rate_hz);
            reply_ack(cmd);
        }
        break;
    case LT_TYPE_PING:
        send(lt_tx_pong(&tx, txbuf, sizeof txbuf, cmd->nonce, now));
        break;
    default:
        break; /* the decoder delivers no other type */
    }
}

static void receive(void)
{
    uint8_t budget = RECEIVE_BUDGET;
    while (budget-- > 0u) {
        lt_command cmd;
        lt_decode_status st;
        const int c = uart_read_byte();
        if (c < 0) {
            return;
        }
        st = lt_cmd_decoder_push(&rx, (uint8_t)c, &cmd);
        if (st == LT_DECODE_COMMAND) {
            last_rx_us = clock_micros();
            handle(&cmd, last_rx_us);
        } else if (st == LT_DECODE_REJECTED && lt_reject_is_intact(cmd.reject)) {
            last_rx_us = clock_micros(); /* intact: the host is there */
            reply_error(&cmd, lt_reject_error_code(cmd.reject));
        }
        /* Damaged frames (crc, encoding, runt, oversize): no reply. */
    }
}

void device_init(void)
{
    static const uint8_t delimiter = LT_DELIMITER;
    lt_tx_init(&tx);
    lt_cmd_decoder_init(&rx);
    streaming = 0;
    set_rate(the_image.identity.sample_rate_hz);
    last_rx_us = clock_micros();
    /* End whatever partial frame the host may hold (spec 2.4). */
    uart_write(&delimiter, 1u);
}

void device_poll(void)
{
    uint32_t now;
    uint8_t lead_off;
    receive();
    if (!streaming) {
        return;
    }
    drain_rows();
    now = clock_micros();
    if ((uint32_t)(now - last_rx_us) >= LT_HEARTBEAT_TIMEOUT_US) {
        stop_streaming(); /* the host has gone away: as if it had sent STOP */
        return;
    }
    lead_off = sampler_lead_off();
    saturation |= sampler_take_saturation();
    if ((uint32_t)(now - last_status_us) >= STATUS_PERIOD_US || lead_off != lead_off_sent ||
        (saturation & (uint8_t)~saturation_sent) != 0u) {
        send_status(now, lead_off);
    }
}
