/*
 * test_example.c - runs examples/example_device.c against a simulated HAL
 * (scripted clock, UART, ADC, button) and checks its behaviour against the
 * spec: replies, idempotent START/STOP, SET_RATE rules, batching and sample
 * timing, STATUS cadence and lead-off/saturation triggers, MARKER, overruns,
 * the 5 s heartbeat, and contiguous sequence numbers.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "example_device.h"
#include "hal.h"
#include "host_commands.h"

/* ---- simulated HAL ---------------------------------------------------- */

static uint32_t sim_now = 0xFFF00000u; /* close to the wrap, to exercise it */
static uint8_t rxq[4096];
static size_t rx_head, rx_tail;
static uint8_t txcap[1u << 21];
static size_t tx_len;
static uint8_t sim_lead_off;
static int sim_button;
static int sim_saturate;
static uint32_t adc_calls;

void hal_init(void) {}
int hal_running(void) { return 1; }
void hal_idle(void) {}
uint32_t hal_micros(void) { return sim_now; }
uint8_t hal_lead_off(void) { return sim_lead_off; }
int hal_button_down(void) { return sim_button; }
uint8_t hal_battery_percent(void) { return 80; }
uint8_t hal_power_flags(void) { return LT_POWER_EXTERNAL; }

void hal_uart_write(const uint8_t *data, size_t len)
{
    if (tx_len + len <= sizeof txcap) {
        memcpy(txcap + tx_len, data, len);
        tx_len += len;
    }
}

int hal_uart_read_byte(void)
{
    if (rx_head == rx_tail) {
        return -1;
    }
    return rxq[rx_head++ % sizeof rxq];
}

int16_t hal_adc_read(uint8_t channel)
{
    adc_calls++;
    if (sim_saturate && channel == 0) {
        return INT16_MAX;
    }
    return (int16_t)(channel * 1000 + (int)(adc_calls % 100));
}

/* ---- harness ---------------------------------------------------------- */

typedef struct dframe {
    uint8_t type;
    uint16_t seq;
    size_t len; /* payload */
    uint8_t p[1100];
    uint32_t at; /* sim time when seen */
} dframe;

static dframe frames[4096];
static size_t frame_count;
static size_t parsed_upto;
static uint16_t next_seq;
static int seq_ok = 1, crc_ok = 1;

static uint32_t u32le(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Splits new output into frames, checking COBS, CRC and the sequence. */
static void collect(void)
{
    size_t i;
    for (i = parsed_upto; i < tx_len; i++) {
        if (txcap[i] == 0) {
            size_t n = 0;
            static uint8_t raw[1200];
            if (i > parsed_upto && frame_count < sizeof frames / sizeof frames[0]) {
                if (lt_cobs_decode(txcap + parsed_upto, i - parsed_upto, raw, sizeof raw, &n) == 0 && n >= 8 &&
                    lt_crc32c(raw, n - 4) == u32le(raw + n - 4)) {
                    dframe *f = &frames[frame_count++];
                    f->type = raw[1];
                    f->seq = (uint16_t)(raw[2] | raw[3] << 8);
                    f->len = n - 8;
                    memcpy(f->p, raw + 4, n - 8);
                    f->at = sim_now;
                    if (f->seq != next_seq || raw[0] != 1) {
                        seq_ok = 0;
                    }
                    next_seq = (uint16_t)(f->seq + 1u);
                } else {
                    crc_ok = 0;
                }
            }
            parsed_upto = i + 1;
        }
    }
}

static void host_send(const uint8_t *p, int len)
{
    int i;
    for (i = 0; i < len; i++) {
        rxq[rx_tail++ % sizeof rxq] = p[i];
    }
}

/* Runs the device for @p us microseconds in steps of @p step. */
static void run(example_device *dev, uint32_t us, uint32_t step)
{
    uint32_t t;
    for (t = 0; t < us; t += step) {
        sim_now += step;
        device_poll(dev);
    }
    device_poll(dev);
    collect();
}

/* Index of the first frame of @p type at or after @p from, or -1. */
static long find(size_t from, uint8_t type)
{
    size_t i;
    for (i = from; i < frame_count; i++) {
        if (frames[i].type == type) {
            return (long)i;
        }
    }
    return -1;
}

static size_t count_type(size_t from, uint8_t type)
{
    size_t i, n = 0;
    for (i = from; i < frame_count; i++) {
        n += frames[i].type == type;
    }
    return n;
}

/* SAMPLES frames from @p from on are contiguous and evenly timed. */
static int samples_contiguous(size_t from, uint32_t period_us, uint32_t *next_index)
{
    size_t i;
    int ok = 1, first = 1;
    uint32_t want_index = 0, want_ts = 0;
    for (i = from; i < frame_count; i++) {
        const dframe *f = &frames[i];
        if (f->type != LT_TYPE_SAMPLES) {
            continue;
        }
        if (!first) {
            ok &= u32le(f->p) == want_index && u32le(f->p + 4) == want_ts;
        }
        first = 0;
        want_index = u32le(f->p) + f->p[8];
        want_ts = u32le(f->p + 4) + f->p[8] * period_us;
        ok &= f->p[9] == EXAMPLE_CHANNELS && f->p[10] == LT_FORMAT_INT16 && f->len == 12u + f->p[8] * 4u;
    }
    if (next_index != NULL) {
        *next_index = want_index;
    }
    return ok;
}

void test_example(void)
{
    static example_device dev;
    uint8_t cmd[64];
    uint16_t hseq = 0;
    size_t mark;
    long i;
    uint32_t t0;

    device_init(&dev);
    CHECK(tx_len == 1 && txcap[0] == 0, "after reset the device sends a lone 0x00");
    parsed_upto = 1;

    /* IDENTIFY -> IDENTITY */
    host_send(cmd, lt_host_identify(cmd, sizeof cmd, hseq++, 1));
    run(&dev, 1000, 50);
    i = find(0, LT_TYPE_IDENTITY);
    CHECK(i >= 0 && frames[i].seq == 0 && frames[i].p[0] == 1 && frames[i].p[1] == 0 && frames[i].p[2] == LT_KIND_EMG &&
              frames[i].p[3] == 2 && (frames[i].p[4] | frames[i].p[5] << 8) == 1000 &&
              memcmp(frames[i].p + 8, "LT-EXAMPLE-0001\0", 16) == 0 && frames[i].len == 28 + 16,
          "IDENTIFY -> IDENTITY (seq 0, 1.0, 2 EMG channels, 1000 Hz)");

    /* SET_RATE while stopped */
    mark = frame_count;
    host_send(cmd, lt_host_set_rate(cmd, sizeof cmd, hseq++, 500));
    host_send(cmd, lt_host_set_rate(cmd, sizeof cmd, hseq++, 123));
    host_send(cmd, lt_host_identify(cmd, sizeof cmd, hseq++, 2));
    run(&dev, 1000, 50);
    CHECK(frame_count == mark + 3, "three replies");
    CHECK(frame_count == mark + 3 && frames[mark].type == LT_TYPE_ACK && frames[mark].p[0] == LT_TYPE_SET_RATE &&
              (frames[mark].p[1] | frames[mark].p[2] << 8) == 1,
          "SET_RATE 500 -> ACK");
    CHECK(frame_count == mark + 3 && frames[mark + 1].type == LT_TYPE_ERROR && frames[mark + 1].p[0] == LT_TYPE_SET_RATE &&
              frames[mark + 1].p[3] == LT_ERR_CODE_UNSUPPORTED_VALUE,
          "SET_RATE 123 -> ERROR unsupported_value");
    CHECK(frame_count == mark + 3 && frames[mark + 2].type == LT_TYPE_IDENTITY &&
              (frames[mark + 2].p[4] | frames[mark + 2].p[5] << 8) == 500,
          "IDENTITY reports the new rate; host_max 2 still gets major 1");

    /* START -> ACK, then SAMPLES of 4 samples (500 Hz / 125) every 8 ms */
    mark = frame_count;
    host_send(cmd, lt_host_start(cmd, sizeof cmd, hseq));
    t0 = sim_now;
    run(&dev, 100000, 50);
    CHECK(frame_count > mark && frames[mark].type == LT_TYPE_ACK && frames[mark].p[0] == LT_TYPE_START &&
              (frames[mark].p[1] | frames[mark].p[2] << 8) == hseq,
          "START -> ACK first");
    hseq++;
    i = find(mark, LT_TYPE_SAMPLES);
    CHECK(i >= 0 && u32le(frames[i].p) == 0 && frames[i].p[8] == 4 && (uint32_t)(frames[i].at - t0) <= 100000u,
          "first SAMPLES: first_sample 0, 4 samples, within 100 ms");
    CHECK(i >= 0 && (uint32_t)(u32le(frames[i].p + 4) - t0) <= 100u, "first sample timestamp is START time");
    CHECK(count_type(mark, LT_TYPE_SAMPLES) >= 11, "about 12 batches in 100 ms (%lu)",
          (unsigned long)count_type(mark, LT_TYPE_SAMPLES));
    CHECK(samples_contiguous(mark, 2000, NULL), "batches contiguous, timestamps 2000 us apart");

    /* START again: just ACK, no reset */
    {
        size_t m2 = frame_count;
        uint32_t before;
        samples_contiguous(mark, 2000, &before);
        host_send(cmd, lt_host_start(cmd, sizeof cmd, hseq++));
        host_send(cmd, lt_host_set_rate(cmd, sizeof cmd, hseq++, 1000));
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 0xA5A5F00Du));
        run(&dev, 20000, 50);
        i = find(m2, LT_TYPE_ACK);
        CHECK(i >= 0 && frames[i].p[0] == LT_TYPE_START, "second START -> ACK");
        i = find(m2, LT_TYPE_SAMPLES);
        CHECK(i >= 0 && u32le(frames[i].p) == before, "second START does not reset first_sample");
        i = find(m2, LT_TYPE_ERROR);
        CHECK(i >= 0 && frames[i].p[0] == LT_TYPE_SET_RATE && frames[i].p[3] == LT_ERR_CODE_INVALID_STATE,
              "SET_RATE while streaming -> ERROR invalid_state");
        i = find(m2, LT_TYPE_PONG);
        CHECK(i >= 0 && u32le(frames[i].p) == 0xA5A5F00Du && frames[i].len == 8, "PING -> PONG with the nonce");
        CHECK(samples_contiguous(mark, 2000, NULL), "still contiguous");
    }

    /* Bad input: ERROR for intact frames, silence for damaged ones */
    {
        size_t m3 = frame_count;
        int l;
        host_send(cmd, lt_host_raw(cmd, sizeof cmd, 1, 0x90, 0x0777, NULL, 0));
        host_send(cmd, lt_host_raw(cmd, sizeof cmd, 2, LT_TYPE_PING, 0x0778, (const uint8_t *)"abcd", 4));
        host_send(cmd, lt_host_raw(cmd, sizeof cmd, 1, LT_TYPE_IDENTIFY, 0x0779, NULL, 0));
        l = lt_host_stop(cmd, sizeof cmd, 0x077A);
        cmd[1] ^= 0x10; /* damaged: CRC failure */
        host_send(cmd, l);
        run(&dev, 5000, 50);
        CHECK(count_type(m3, LT_TYPE_ERROR) == 3, "three ERRORs, none for the damaged frame");
        i = find(m3, LT_TYPE_ERROR);
        CHECK(i >= 0 && frames[i].p[0] == 0x90 && (frames[i].p[1] | frames[i].p[2] << 8) == 0x0777 &&
                  frames[i].p[3] == LT_ERR_CODE_UNKNOWN_COMMAND,
              "unknown type -> ERROR unknown_command");
        i = find((size_t)i + 1, LT_TYPE_ERROR);
        CHECK(i >= 0 && frames[i].p[0] == LT_TYPE_PING && frames[i].p[3] == LT_ERR_CODE_UNSUPPORTED_VERSION,
              "version 2 -> ERROR unsupported_version");
        i = find((size_t)i + 1, LT_TYPE_ERROR);
        CHECK(i >= 0 && frames[i].p[0] == LT_TYPE_IDENTIFY && frames[i].p[3] == LT_ERR_CODE_MALFORMED,
              "IDENTIFY without payload -> ERROR malformed");
        CHECK(dev.streaming, "bad input never stops streaming");
    }

    /* STATUS once a second; PINGs keep the stream alive */
    {
        size_t m4 = frame_count;
        int s;
        for (s = 0; s < 3; s++) {
            host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, (uint32_t)s));
            run(&dev, 1000000, 50);
        }
        CHECK(count_type(m4, LT_TYPE_STATUS) == 3, "one STATUS a second (%lu in 3 s)",
              (unsigned long)count_type(m4, LT_TYPE_STATUS));
        i = find(m4, LT_TYPE_STATUS);
        CHECK(i >= 0 && frames[i].len == 12 && frames[i].p[4] == 80 && frames[i].p[5] == LT_POWER_EXTERNAL &&
                  frames[i].p[6] == 0 && u32le(frames[i].p + 8) == 0,
              "STATUS fields");
        CHECK(dev.streaming && samples_contiguous(mark, 2000, NULL), "streaming continues with heartbeat");
    }

    /* Lead-off: STATUS at once, SAMPLES flag bit 0 */
    {
        size_t m5;
        run(&dev, 300000, 50);
        m5 = frame_count;
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 1));
        sim_lead_off = 0x02;
        run(&dev, 10000, 50);
        i = find(m5, LT_TYPE_STATUS);
        CHECK(i >= 0 && frames[i].p[6] == 0x02 && (uint32_t)(frames[i].at - frames[m5].at) <= 10000u,
              "lead-off -> STATUS at once with the lead_off bit");
        i = find(m5, LT_TYPE_SAMPLES);
        CHECK(i >= 0 && (frames[i].p[11] & LT_SAMPLES_FLAG_LEAD_OFF) != 0, "SAMPLES carries the lead-off flag");
        sim_lead_off = 0;
        m5 = frame_count;
        run(&dev, 10000, 50);
        i = find(m5, LT_TYPE_STATUS);
        CHECK(i >= 0 && frames[i].p[6] == 0, "lead back on -> STATUS at once");
    }

    /* Saturation: STATUS at once, SAMPLES flag bit 1 */
    {
        size_t m6 = frame_count;
        sim_saturate = 1;
        run(&dev, 10000, 50);
        sim_saturate = 0;
        i = find(m6, LT_TYPE_STATUS);
        CHECK(i >= 0 && (frames[i].p[7] & 0x01) != 0, "saturation -> STATUS with the saturation bit");
        i = find(m6, LT_TYPE_SAMPLES);
        CHECK(i >= 0 && (frames[i].p[11] & LT_SAMPLES_FLAG_SATURATED) != 0, "SAMPLES carries the saturation flag");
        CHECK(count_type(m6, LT_TYPE_STATUS) == 1, "one STATUS for one saturation episode");
    }

    /* Button: short press -> MARKER 1 on release; long press -> MARKER 2 after 1 s */
    {
        size_t m7 = frame_count;
        uint32_t press_at, press_index;
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 2));
        sim_button = 1;
        run(&dev, 50, 50);
        press_at = dev.press_us;
        press_index = dev.press_index;
        run(&dev, 200000, 50);
        CHECK(count_type(m7, LT_TYPE_MARKER) == 0, "no MARKER while a short press is held");
        sim_button = 0;
        run(&dev, 1000, 50);
        i = find(m7, LT_TYPE_MARKER);
        CHECK(i >= 0 && u32le(frames[i].p) == press_at && u32le(frames[i].p + 4) == press_index &&
                  frames[i].p[8] == LT_MARKER_SHORT && press_index > 0,
              "short press -> MARKER kind 1 with the press time and sample index");
        m7 = frame_count;
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 3));
        sim_button = 1;
        run(&dev, 1100000, 50);
        i = find(m7, LT_TYPE_MARKER);
        CHECK(i >= 0 && frames[i].p[8] == LT_MARKER_LONG, "held over 1 s -> MARKER kind 2 while still held");
        sim_button = 0;
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 4));
        run(&dev, 100000, 50);
        CHECK(count_type(m7, LT_TYPE_MARKER) == 1, "one MARKER per press");
    }

    /* Overruns: the loop stalls 50 ms; late samples are skipped and counted */
    {
        size_t m8 = frame_count;
        uint32_t before, gap_from = 0, gap_to = 0;
        size_t k;
        samples_contiguous(m8 > 0 ? m8 - 1 : 0, 2000, &before);
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 5));
        sim_now += 50000; /* stall */
        run(&dev, 1100000, 50);
        for (k = m8; k < frame_count; k++) {
            if (frames[k].type == LT_TYPE_SAMPLES && gap_to == 0) {
                uint32_t prev_end = 0;
                size_t j;
                for (j = k; j-- > 0;) {
                    if (frames[j].type == LT_TYPE_SAMPLES) {
                        prev_end = u32le(frames[j].p) + frames[j].p[8];
                        break;
                    }
                }
                if (u32le(frames[k].p) != prev_end) {
                    gap_from = prev_end;
                    gap_to = u32le(frames[k].p);
                }
            }
        }
        i = find(m8, LT_TYPE_STATUS);
        CHECK(gap_to > gap_from && i >= 0 && u32le(frames[i].p + 8) == gap_to - gap_from,
              "a stall shows as a first_sample jump equal to the STATUS overruns (%lu skipped)",
              (unsigned long)(gap_to - gap_from));
    }

    /* Heartbeat: 5 s without any intact frame stops streaming */
    {
        size_t m9;
        uint32_t last_samples_at;
        host_send(cmd, lt_host_ping(cmd, sizeof cmd, hseq++, 6));
        run(&dev, 1000, 50);
        m9 = frame_count;
        run(&dev, 4900000, 50);
        CHECK(dev.streaming, "still streaming 4.9 s after the last PING");
        run(&dev, 200000, 50);
        CHECK(!dev.streaming, "stopped 5 s after the last PING");
        i = -1;
        {
            size_t k;
            for (k = m9; k < frame_count; k++) {
                if (frames[k].type == LT_TYPE_SAMPLES) {
                    i = (long)k;
                }
            }
        }
        last_samples_at = i >= 0 ? frames[i].at : 0;
        mark = frame_count;
        run(&dev, 1000000, 50);
        CHECK(count_type(mark, LT_TYPE_SAMPLES) == 0 && count_type(mark, LT_TYPE_STATUS) == 0,
              "nothing streamed after the heartbeat timeout");
        (void)last_samples_at;
    }

    /* STOP is idempotent; START after STOP restarts at first_sample 0 */
    {
        size_t m10 = frame_count;
        host_send(cmd, lt_host_stop(cmd, sizeof cmd, hseq++));
        host_send(cmd, lt_host_start(cmd, sizeof cmd, hseq++));
        run(&dev, 20000, 50);
        host_send(cmd, lt_host_stop(cmd, sizeof cmd, hseq++));
        host_send(cmd, lt_host_stop(cmd, sizeof cmd, hseq++));
        run(&dev, 1000, 50);
        CHECK(count_type(m10, LT_TYPE_ACK) == 4, "STOP, START, STOP, STOP -> four ACKs");
        i = find(m10, LT_TYPE_SAMPLES);
        CHECK(i >= 0 && u32le(frames[i].p) == 0 && frames[i].p[8] == 4, "restart at first_sample 0, 4 per batch at 500 Hz");
        mark = frame_count;
        run(&dev, 100000, 50);
        CHECK(count_type(mark, LT_TYPE_SAMPLES) == 0, "no SAMPLES after STOP");
    }

    CHECK(crc_ok, "every device frame decodes with a good CRC");
    CHECK(seq_ok, "device sequence numbers are contiguous from 0");
    CHECK(dev.rx.rejects[LT_REJECT_CRC] == 1, "decoder counted the damaged frame");
}
