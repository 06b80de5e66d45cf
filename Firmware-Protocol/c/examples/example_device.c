/*
 * example_device.c - how firmware uses the LipTwitch library: an example
 * 2-channel EMG sensor's main loop.
 *
 *   - commands: IDENTIFY -> IDENTITY; START/STOP -> ACK (idempotent);
 *     SET_RATE -> ACK, or ERROR unsupported_value / invalid_state (streaming);
 *     PING -> PONG; intact but bad frames -> ERROR malformed / unknown_command /
 *     unsupported_version; damaged frames -> no reply (spec section 7);
 *   - sampling on a fractional microsecond schedule, batched into SAMPLES
 *     frames of rate/125 samples (8 ms); samples it cannot take in time are
 *     skipped and counted as overruns (spec section 3.3);
 *   - STATUS once a second while streaming, and at once when a lead-off bit
 *     or a new saturation bit shows up (spec section 6.3);
 *   - the host heartbeat: no intact frame for 5 s stops streaming (section 7);
 *   - MARKER when the button is released, or once it has been held for 1 s.
 *
 * Hardware access goes through hal.h only. Compile with -DLT_EXAMPLE_NO_MAIN
 * to link the device logic into a test harness that supplies its own main().
 */
#include "example_device.h"

#include "hal.h"

/* The identity template; the current rate is filled in when sent. */
static const lt_identity example_identity = {
    LT_PROTOCOL_MAJOR,
    LT_PROTOCOL_MINOR,
    LT_KIND_EMG,
    EXAMPLE_CHANNELS,
    EXAMPLE_DEFAULT_RATE,
    LT_FORMAT_INT16,
    EXAMPLE_MAX_BATCH,
    "LT-EXAMPLE-0001", /* a real device derives it from the chip's unique ID */
    1u, 0u, 0u,        /* firmware 1.0.0 */
    1u,                /* hardware revision */
    {
        {LT_PLACE_UPPER_CENTER, LT_AXIS_NONE, 0.25f, },
        {LT_PLACE_LOWER_CENTER, LT_AXIS_NONE, 0.25f, },
    },
};

/* 1 when the device can sample at @p rate_hz. */
static int rate_supported(uint16_t rate_hz)
{
    return rate_hz == 250u || rate_hz == 500u || rate_hz == 1000u || rate_hz == 2000u;
}

static void set_rate(example_device *dev, uint16_t rate_hz)
{
    uint32_t batch = rate_hz / 125u; /* one frame every 8 ms */
    if (batch < 1u) {
        batch = 1u;
    }
    if (batch > EXAMPLE_MAX_BATCH) {
        batch = EXAMPLE_MAX_BATCH;
    }
    dev->rate_hz = rate_hz;
    dev->batch_size = (uint8_t)batch;
    dev->period_us = (uint32_t)(1000000uL / rate_hz); /* 32-bit division only */
    dev->period_rem = (uint32_t)(1000000uL % rate_hz);
    dev->frac = 0u;
}

/* Sends the frame an encoder just wrote to txbuf (nothing on error). */
static void send(example_device *dev, int len)
{
    if (len > 0) {
        hal_uart_write(dev->txbuf, (size_t)len);
    }
}

static void send_ack(example_device *dev, const lt_command *cmd)
{
    send(dev, lt_tx_ack(&dev->tx, dev->txbuf, sizeof dev->txbuf, cmd->type, cmd->seq));
}

static void send_error(example_device *dev, const lt_command *cmd, uint8_t code)
{
    send(dev, lt_tx_error(&dev->tx, dev->txbuf, sizeof dev->txbuf, cmd->type, cmd->seq, code));
}

static void send_status(example_device *dev, uint32_t now, uint8_t lead_off)
{
    lt_status st;
    st.timestamp_us = now;
    st.battery_percent = hal_battery_percent();
    st.power_flags = (uint8_t)(hal_power_flags() & LT_POWER_FLAGS_MASK);
    st.lead_off = lead_off;
    st.saturation = dev->saturation;
    st.overruns = dev->overruns;
    send(dev, lt_tx_status(&dev->tx, dev->txbuf, sizeof dev->txbuf, &st));
    dev->last_status_us = now;
    dev->lead_off = lead_off;
    dev->saturation_sent = dev->saturation;
    dev->saturation = 0u;
}

/* Sends the samples collected so far, if any. */
static void flush_batch(example_device *dev)
{
    lt_samples hdr;
    if (dev->batch_fill == 0u) {
        return;
    }
    hdr.first_sample = dev->batch_first;
    hdr.timestamp_us = dev->batch_ts;
    hdr.sample_count = dev->batch_fill;
    hdr.channel_count = EXAMPLE_CHANNELS;
    hdr.flags = dev->batch_flags;
    send(dev, lt_tx_samples_i16(&dev->tx, dev->txbuf, sizeof dev->txbuf, &hdr, dev->batch));
    dev->batch_fill = 0u;
}

static void start_streaming(example_device *dev, uint32_t now)
{
    dev->streaming = 1;
    dev->sample_index = 0u;
    dev->overruns = 0u;
    dev->batch_fill = 0u;
    dev->frac = 0u;
    dev->next_sample_us = now;
    dev->last_status_us = now;
    dev->saturation = 0u;
}

static void stop_streaming(example_device *dev)
{
    flush_batch(dev); /* allowed: "SAMPLES may still arrive" before the ACK */
    dev->streaming = 0;
}

static void handle_command(example_device *dev, const lt_command *cmd, uint32_t now)
{
    switch (cmd->type) {
    case LT_TYPE_IDENTIFY: {
        /* This device speaks only major 1: it answers in 1 whatever host_max
         * says (a host below 1 gets the lowest major anyway, spec section 4). */
        lt_identity id = example_identity;
        id.sample_rate_hz = dev->rate_hz;
        send(dev, lt_tx_identity(&dev->tx, dev->txbuf, sizeof dev->txbuf, &id));
        break;
    }
    case LT_TYPE_START:
        if (!dev->streaming) {
            start_streaming(dev, now);
        }
        send_ack(dev, cmd); /* already streaming: just ACK */
        break;
    case LT_TYPE_STOP:
        if (dev->streaming) {
            stop_streaming(dev);
        }
        send_ack(dev, cmd); /* already stopped: just ACK */
        break;
    case LT_TYPE_SET_RATE:
        if (dev->streaming) {
            send_error(dev, cmd, LT_ERR_CODE_INVALID_STATE);
        } else if (!rate_supported(cmd->rate_hz)) {
            send_error(dev, cmd, LT_ERR_CODE_UNSUPPORTED_VALUE);
        } else {
            set_rate(dev, cmd->rate_hz);
            send_ack(dev, cmd);
        }
        break;
    case LT_TYPE_PING:
        send(dev, lt_tx_pong(&dev->tx, dev->txbuf, sizeof dev->txbuf, cmd->nonce, now));
        break;
    default:
        break; /* the decoder delivers no other type */
    }
}

/* Reads what the UART has (bounded, so that sampling keeps its schedule). */
static void receive(example_device *dev, uint32_t now)
{
    unsigned budget = 64u;
    while (budget-- > 0u) {
        lt_command cmd;
        lt_decode_status st;
        const int c = hal_uart_read_byte();
        if (c < 0) {
            return;
        }
        st = lt_cmd_decoder_push(&dev->rx, (uint8_t)c, &cmd);
        if (st == LT_DECODE_COMMAND) {
            dev->last_rx_us = now;
            handle_command(dev, &cmd, now);
        } else if (st == LT_DECODE_REJECTED && lt_reject_is_intact(cmd.reject)) {
            /* Intact but unusable: it still proves the host is there. */
            dev->last_rx_us = now;
            send_error(dev, &cmd, lt_reject_error_code(cmd.reject));
        }
        /* Damaged frames (crc, encoding, runt, oversize): no reply. */
    }
}

/* Advances the schedule by one sample period (fractional part accumulated). */
static void schedule_next(example_device *dev)
{
    dev->next_sample_us += dev->period_us;
    dev->frac += dev->period_rem;
    if (dev->frac >= dev->rate_hz) {
        dev->frac -= dev->rate_hz;
        dev->next_sample_us++;
    }
}

static void take_sample(example_device *dev, uint8_t lead_off)
{
    uint8_t ch;
    int16_t *row;
    if (dev->batch_fill == 0u) {
        dev->batch_first = dev->sample_index;
        dev->batch_ts = dev->next_sample_us; /* the scheduled time of sample 0 */
        dev->batch_flags = 0u;
    }
    if (lead_off != 0u) {
        dev->batch_flags |= LT_SAMPLES_FLAG_LEAD_OFF;
    }
    row = &dev->batch[(unsigned)dev->batch_fill * EXAMPLE_CHANNELS];
    for (ch = 0u; ch < EXAMPLE_CHANNELS; ch++) {
        const int16_t v = hal_adc_read(ch);
        if (v == INT16_MAX || v == INT16_MIN) {
            dev->saturation |= (uint8_t)(1u << ch);
            dev->batch_flags |= LT_SAMPLES_FLAG_SATURATED;
        }
        row[ch] = v;
    }
    dev->batch_fill++;
    dev->sample_index++;
    if (dev->batch_fill >= dev->batch_size) {
        flush_batch(dev);
    }
}

static void sample_due(example_device *dev, uint32_t now, uint8_t lead_off)
{
    /* "due" = next_sample_us is not in the future (modular time). */
    while (dev->streaming && (uint32_t)(now - dev->next_sample_us) < 0x80000000uL) {
        if ((uint32_t)(now - dev->next_sample_us) > EXAMPLE_MAX_LAG_US) {
            /* Too late to take it honestly: skip it. The batch in progress is
             * sent first, so the skip shows as a first_sample jump. */
            flush_batch(dev);
            dev->overruns++;
            dev->sample_index++;
        } else {
            take_sample(dev, lead_off);
        }
        schedule_next(dev);
    }
}

static void check_button(example_device *dev, uint32_t now)
{
    const int down = hal_button_down() ? 1 : 0;
    if (down && !dev->button_down) {
        dev->press_us = now;
        dev->press_index = dev->sample_index; /* the sample being taken now */
        dev->press_reported = 0;
    }
    if (!dev->press_reported && (down || dev->button_down)) {
        const int long_press = (uint32_t)(now - dev->press_us) > EXAMPLE_LONG_PRESS_US;
        if (long_press || !down) {
            send(dev, lt_tx_marker(&dev->tx, dev->txbuf, sizeof dev->txbuf, dev->press_us,
                                   dev->press_index,
                                   long_press ? LT_MARKER_LONG : LT_MARKER_SHORT));
            dev->press_reported = 1;
        }
    }
    dev->button_down = down;
}

void device_init(example_device *dev)
{
    static const uint8_t delimiter = LT_DELIMITER;
    const uint32_t now = hal_micros();
    lt_tx_init(&dev->tx);
    lt_cmd_decoder_init(&dev->rx);
    dev->streaming = 0;
    set_rate(dev, EXAMPLE_DEFAULT_RATE);
    dev->next_sample_us = now;
    dev->sample_index = 0u;
    dev->batch_fill = 0u;
    dev->batch_flags = 0u;
    dev->batch_first = 0u;
    dev->batch_ts = 0u;
    dev->overruns = 0u;
    dev->last_rx_us = now;
    dev->last_status_us = now;
    dev->lead_off = 0u;
    dev->saturation = 0u;
    dev->saturation_sent = 0u;
    dev->button_down = 0;
    dev->press_reported = 1;
    dev->press_us = now;
    dev->press_index = 0u;
    /* End whatever partial frame the host may hold (spec section 2.4). */
    hal_uart_write(&delimiter, 1u);
}

void device_poll(example_device *dev)
{
    uint32_t now = hal_micros();
    uint8_t lead_off;
    receive(dev, now);

    now = hal_micros();
    lead_off = (uint8_t)(hal_lead_off() & ((1u << EXAMPLE_CHANNELS) - 1u));
    sample_due(dev, now, lead_off);

    if (dev->streaming && (uint32_t)(now - dev->last_rx_us) >= LT_HEARTBEAT_TIMEOUT_US) {
        stop_streaming(dev); /* the host has gone away: as if it had sent STOP */
    }
    if (dev->streaming &&
        ((uint32_t)(now - dev->last_status_us) >= EXAMPLE_STATUS_PERIOD_US ||
         lead_off != dev->lead_off || (dev->saturation & (uint8_t)~dev->saturation_sent) != 0u)) {
        send_status(dev, now, lead_off);
    }
    check_button(dev, now);
    hal_idle();
}

#ifndef LT_EXAMPLE_NO_MAIN
int main(void)
{
    static example_device dev; /* all state in one place, not on the stack */
    hal_init();
    device_init(&dev);
    while (hal_running()) {
        device_poll(&dev);
    }
    return 0;
}
#endif
