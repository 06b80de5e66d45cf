/*
 * harness.c - firmware in the loop: runs a LipTwitch firmware image (.elf,
 * ATmega328P at 16 MHz) in simavr, feeds its ADC inputs with a labelled
 * recording from `liptwitch generate`, and bridges its UART to a
 * pseudo-terminal that a real host (liptwitch capture, link, daemon) opens.
 *
 *   harness --elf emg.elf --csv clean.csv --front-end emg [--speed 1] [--baud 500000]
 *           [--max-seconds N]
 *
 * It prints the pseudo-terminal's path on a line of its own on stdout, waits
 * for a host to open it, runs until the host closes it (or --max-seconds of
 * simulated time), then prints one line of counters on stderr.
 *
 * Signal: the n-th conversion of A0 is the n-th row of the CSV, so that
 * firmware sample k is recording sample k whatever the timing (the image
 * converts only while streaming). Each row is turned into the pin voltages
 * the front end would give (front_ends[] below: gain, mid-rail level,
 * coupling capacitor) and raised on the ADC inputs, in millivolts, at the
 * instant the ADC samples them (simavr's ADC_IRQ_OUT_TRIGGER).
 *
 * Time: simavr runs on cycle time and its UART takes a byte time per byte
 * (corrected to 10 bits, line_timing()), so bytes leave the firmware with
 * the line's real spacing in simulated time. The harness paces simulated time against the wall clock (--speed 1
 * is real time), so the host's timeouts (ACK within 200 ms, PING every
 * second, the device's 5 s heartbeat) mean what they mean on hardware. When
 * the pseudo-terminal is full the simulation waits: no byte is ever lost.
 * Host bytes go into the UART one per byte time, while its receive FIFO
 * has room (UART_IRQ_OUT_XON / XOFF).
 *
 * The line rate is real too: a pty carries bytes at any speed, but the host
 * sets one, and the master sees it (the slave's termios). While the host's
 * rate is not the firmware's, every byte either way arrives as garbage, as
 * on a UART sampled at the wrong rate, so a host must find the rate. And
 * opening an Arduino's port resets the board (DTR): the bootloader holds the
 * line for --boot-ms after the host opens the port (host bytes are lost),
 * then the firmware starts.
 */
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <avr_adc.h>
#include <avr_uart.h>
#include <sim_avr.h>
#include <sim_elf.h>
#include <sim_io.h>
#include <sim_irq.h>

#define F_CPU 16000000u
#define VCC_MV 5000u
#define MAX_COLUMNS 3
#define IO_PERIOD_US 1000u   /* pty and pacing work every 1 ms of simulated time */
#define OUT_CAP 65536u
#define IN_CAP 4096u

/* How the front end turns a recorded value (uV or g) into millivolts at A0..A2. */
typedef struct front_end {
    const char *name;
    double mv_per_unit; /* at the signal inputs */
    double mid_mv;      /* the signal inputs' level at zero */
    double highpass_hz; /* coupling capacitor's corner; 0: DC-coupled */
    int raw_on_a1;      /* EMG with the x11 stage: the MyoWare RAW level also on A1 */
} front_end;

/* MyoWare 2.0 RAW: gain 200 around Vs/2 = 2.5 V. ADXL335 at Vs = 3.3 V:
 * 330 mV/g around 1.65 V. The x11 stage: AC-coupled (1 uF / 100 k = 1.6 Hz
 * for EMG, 4.7 uF / 100 k = 0.34 Hz for the accelerometer) around 2.5 V. */
static const front_end front_ends[] = {
    {"emg", 200.0 * 11.0 / 1000.0, 2500.0, 1.6, 1},
    {"emg-direct", 200.0 / 1000.0, 2500.0, 0.0, 0},
    {"accel", 330.0 * 11.0, 2500.0, 0.34, 0},
    {"accel-direct", 330.0, 1650.0, 0.0, 0},
};
#define MYOWARE_RAW_MV_PER_UV (200.0 / 1000.0)

static struct {
    const front_end *fe;
    float *values;      /* rows x columns */
    size_t rows;
    int columns;
    double rate_hz;

    long row;           /* current row (-1 before the first A0 conversion) */
    uint32_t pin_mv[MAX_COLUMNS + 1];
    double hp_prev_in[MAX_COLUMNS];
    double hp_prev_out[MAX_COLUMNS];
    unsigned long rows_past_end;
    unsigned long conversions;

    avr_t *avr;
    avr_irq_t *adc_in[MAX_COLUMNS + 1];
    avr_irq_t *uart_in;
    avr_uart_t *uart;
    avr_cycle_count_t uart_byte_fixed;
    int master;
    int xon;
    speed_t line_speed; /* the firmware's line rate, as termios names it */
    unsigned long long garbled;
    double speed;
    avr_cycle_count_t byte_cycles;
    avr_cycle_count_t io_cycles;
    avr_cycle_count_t end_cycle;
    struct timespec wall0;

    uint8_t out[OUT_CAP];
    size_t out_len;
    uint8_t in[IN_CAP];
    size_t in_head, in_len;
    unsigned long long bytes_to_host, bytes_from_host;
    int hung_up;
} h;

static void die(const char *what)
{
    fprintf(stderr, "harness: %s\n", what);
    exit(1);
}

static void die_errno(const char *what)
{
    fprintf(stderr, "harness: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* ---- the recording ------------------------------------------------------ */

static void read_csv(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[512];
    size_t cap = 0;
    double t0 = 0, t1 = 0;
    if (!f) {
        die_errno(path);
    }
    if (!fgets(line, sizeof line, f)) {
        die("the CSV is empty");
    }
    h.columns = 0;
    for (char *p = line; (p = strchr(p, ',')) != NULL; p++) {
        h.columns++;
    }
    if (h.columns < 1 || h.columns > MAX_COLUMNS) {
        die("the CSV needs time_s and 1 to 3 value columns");
    }
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        double t = strtod(p, &p);
        if (h.rows == cap) {
            cap = cap ? cap * 2 : 65536;
            h.values = realloc(h.values, cap * (size_t)h.columns * sizeof *h.values);
            if (!h.values) {
                die("out of memory");
            }
        }
        for (int c = 0; c < h.columns; c++) {
            if (*p != ',') {
                die("a CSV row has too few columns");
            }
            h.values[h.rows * (size_t)h.columns + (size_t)c] = strtof(p + 1, &p);
        }
        if (h.rows == 0) {
            t0 = t;
        } else if (h.rows == 1) {
            t1 = t;
        }
        h.rows++;
    }
    fclose(f);
    if (h.rows < 2 || t1 <= t0) {
        die("the CSV needs at least two rows with increasing time_s");
    }
    h.rate_hz = 1.0 / (t1 - t0);
}

static uint32_t clamp_mv(double mv)
{
    if (mv < 0) {
        return 0;
    }
    if (mv > VCC_MV) {
        return VCC_MV;
    }
    return (uint32_t)lround(mv);
}

/* Moves to the next row and works out every pin's voltage for it. */
static void next_row(void)
{
    const front_end *fe = h.fe;
    const double a = fe->highpass_hz > 0
                         ? 1.0 / (1.0 + 2.0 * M_PI * fe->highpass_hz / h.rate_hz)
                         : 0.0;
    size_t r;
    h.row++;
    if ((size_t)h.row >= h.rows) {
        h.rows_past_end++; /* the host streams longer than the recording: hold the last row */
    }
    r = (size_t)h.row < h.rows ? (size_t)h.row : h.rows - 1;
    for (int c = 0; c < h.columns; c++) {
        const double x = h.values[r * (size_t)h.columns + (size_t)c];
        double y = x;
        if (fe->highpass_hz > 0) {
            if (h.row == 0) {
                h.hp_prev_in[c] = x; /* the capacitor has settled at power-up */
                h.hp_prev_out[c] = 0;
            }
            y = a * (h.hp_prev_out[c] + x - h.hp_prev_in[c]);
            h.hp_prev_in[c] = x;
            h.hp_prev_out[c] = y;
        }
        h.pin_mv[c] = clamp_mv(fe->mid_mv + fe->mv_per_unit * y);
    }
    if (fe->raw_on_a1) {
        const double raw_uv = h.values[r * (size_t)h.columns];
        h.pin_mv[1] = clamp_mv(2500.0 + MYOWARE_RAW_MV_PER_UV * raw_uv);
    }
}

/* simavr asks for an input at the instant the ADC samples it. */
static void on_adc_trigger(avr_irq_t *irq, uint32_t value, void *param)
{
    union {
        avr_adc_mux_t mux;
        uint32_t v;
    } e = {.v = value};
    unsigned pin = e.mux.src;
    (void)irq;
    (void)param;
    if (e.mux.kind != ADC_MUX_SINGLE || pin > MAX_COLUMNS) {
        return;
    }
    if (pin == 0) {
        next_row();
    }
    if (h.row < 0) {
        return;
    }
    h.conversions++;
    avr_raise_irq(h.adc_in[pin], h.pin_mv[pin]);
}

/* ---- the pseudo-terminal ------------------------------------------------- */

static double wall_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - h.wall0.tv_sec) + (double)(now.tv_nsec - h.wall0.tv_nsec) / 1e9;
}

static int master_hung_up(void)
{
    struct pollfd p = {h.master, 0, 0};
    return poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}

/* Writes everything the firmware sent; waits while the pty is full. */
static void flush_out(void)
{
    size_t done = 0;
    while (done < h.out_len && !h.hung_up) {
        ssize_t n = write(h.master, h.out + done, h.out_len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
            struct pollfd p = {h.master, POLLOUT, 0};
            poll(&p, 1, 100);
            if (p.revents & POLLHUP) {
                h.hung_up = 1;
            }
        } else {
            h.hung_up = 1; /* EIO: the host closed the port */
        }
    }
    h.bytes_to_host += done;
    h.out_len = 0;
}

/* True while the host's line rate is the firmware's (the slave's termios,
 * which the master reads). A rate termios has no name for (50000, to show
 * overruns) cannot be set by a host: then any rate passes. */
static int line_rate_matches(void)
{
    struct termios tio;
    return h.line_speed == 0 || (tcgetattr(h.master, &tio) == 0 && cfgetospeed(&tio) == h.line_speed);
}

/* What a UART at another rate makes of a byte: a different one (and never
 * the frame delimiter, so frames do not even end). */
static uint8_t garble(uint8_t byte)
{
    h.garbled++;
    return (uint8_t)(((byte << 3) | (byte >> 5)) ^ 0xA5u) | 0x01u;
}

static void on_uart_output(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)param;
    if (h.out_len == OUT_CAP) {
        flush_out();
    }
    h.out[h.out_len++] = line_rate_matches() ? (uint8_t)value : garble((uint8_t)value);
}

static void on_xon(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)value;
    (void)param;
    h.xon = 1;
}

static void on_xoff(avr_irq_t *irq, uint32_t value, void *param)
{
    (void)irq;
    (void)value;
    (void)param;
    h.xon = 0;
}

static void read_host(void)
{
    while (h.in_len < IN_CAP) {
        size_t tail = (h.in_head + h.in_len) % IN_CAP;
        size_t room = tail >= h.in_head ? IN_CAP - tail : h.in_head - tail;
        ssize_t n = read(h.master, h.in + tail, room);
        if (n <= 0) {
            if (n < 0 && errno == EIO) {
                h.hung_up = 1;
            }
            return;
        }
        h.in_len += (size_t)n;
        h.bytes_from_host += (unsigned long long)n;
    }
}

/* One host byte into the UART per byte time, while its FIFO has room. */
static avr_cycle_count_t feed_uart(avr_t *avr, avr_cycle_count_t when, void *param)
{
    (void)avr;
    (void)param;
    if (h.in_len > 0 && h.xon) {
        const uint8_t byte = h.in[h.in_head];
        avr_raise_irq(h.uart_in, line_rate_matches() ? byte : garble(byte));
        h.in_head = (h.in_head + 1) % IN_CAP;
        h.in_len--;
    }
    return when + h.byte_cycles;
}

/* simavr times a UART byte as 11 bits (it counts a parity bit that 8N1 does
 * not have), 10 % slower than the line. Once the firmware has set the baud
 * rate, make it the 10 bits of 8N1, so that what the simulated line carries
 * is what the real one carries. */
static void line_timing(void)
{
    const avr_cycle_count_t c = h.uart->cycles_per_byte;
    if (c != h.uart_byte_fixed && c % 11u == 0) {
        h.uart_byte_fixed = c / 11u * 10u;
        h.uart->cycles_per_byte = h.uart_byte_fixed;
    }
}

/* Every millisecond of simulated time: pty traffic, then the pace. */
static avr_cycle_count_t service(avr_t *avr, avr_cycle_count_t when, void *param)
{
    double ahead;
    (void)param;
    line_timing();
    flush_out();
    read_host();
    if (master_hung_up()) {
        h.hung_up = 1;
    }
    ahead = (double)avr->cycle / F_CPU / h.speed - wall_seconds();
    if (ahead > 0.0005) {
        struct timespec ts = {(time_t)ahead, (long)((ahead - (double)(time_t)ahead) * 1e9)};
        nanosleep(&ts, NULL);
    }
    return when + h.io_cycles;
}

/* The firmware sleeps between interrupts; simavr's default would sleep on the
 * wall clock too. The harness does its own pacing. */
static void no_sleep(avr_t *avr, avr_cycle_count_t how_long)
{
    (void)avr;
    (void)how_long;
}

static int open_pty(void)
{
    struct termios tio;
    int slave;
    const char *name;
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0 || !(name = ptsname(m))) {
        die_errno("pseudo-terminal");
    }
    /* Raw on the slave side; the host sets its own mode anyway. */
    slave = open(name, O_RDWR | O_NOCTTY);
    if (slave < 0 || tcgetattr(slave, &tio) < 0) {
        die_errno(name);
    }
    cfmakeraw(&tio);
    tcsetattr(slave, TCSANOW, &tio);
    close(slave);
    fcntl(m, F_SETFL, fcntl(m, F_GETFL) | O_NONBLOCK);
    printf("%s\n", name);
    fflush(stdout);
    return m;
}

/* A pty master reports POLLHUP while no one has the slave open. */
static void wait_for_host(void)
{
    for (int waited = 0; master_hung_up(); waited += 10) {
        if (waited > 30000) {
            die("no host opened the pseudo-terminal within 30 s");
        }
        usleep(10000);
    }
}

/* The bootloader after the DTR reset: what the host sends meanwhile is lost. */
static void boot(double boot_ms)
{
    uint8_t lost[256];
    for (double waited = 0; waited < boot_ms; waited += 5) {
        while (read(h.master, lost, sizeof lost) > 0) {
        }
        usleep(5000);
    }
}

/* termios's name for a line rate; 0 when it has none. */
static speed_t termios_speed(double baud)
{
    static const struct {
        double baud;
        speed_t speed;
    } rates[] = {{9600, B9600},       {19200, B19200},     {38400, B38400},     {57600, B57600},
                 {115200, B115200},   {230400, B230400},   {460800, B460800},   {500000, B500000},
                 {921600, B921600},   {1000000, B1000000}, {2000000, B2000000}};
    for (size_t i = 0; i < sizeof rates / sizeof rates[0]; i++) {
        if (rates[i].baud == baud) {
            return rates[i].speed;
        }
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr,
            "usage: harness --elf FILE --csv FILE --front-end emg|emg-direct|accel|accel-direct\n"
            "               [--speed X] [--baud B] [--boot-ms N] [--max-seconds N]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *elf = NULL, *csv = NULL, *fe_name = NULL;
    double baud = 500000, max_seconds = 3600, boot_ms = 1000;
    elf_firmware_t fw;
    uint32_t flags = 0;
    h.speed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!v) {
            usage();
        }
        if (!strcmp(a, "--elf")) {
            elf = v;
        } else if (!strcmp(a, "--csv")) {
            csv = v;
        } else if (!strcmp(a, "--front-end")) {
            fe_name = v;
        } else if (!strcmp(a, "--speed")) {
            h.speed = atof(v);
        } else if (!strcmp(a, "--baud")) {
            baud = atof(v);
        } else if (!strcmp(a, "--boot-ms")) {
            boot_ms = atof(v);
        } else if (!strcmp(a, "--max-seconds")) {
            max_seconds = atof(v);
        } else {
            usage();
        }
        i++;
    }
    if (!elf || !csv || !fe_name || h.speed <= 0 || baud <= 0 || max_seconds <= 0 || boot_ms < 0) {
        usage();
    }
    h.line_speed = termios_speed(baud);
    for (size_t i = 0; i < sizeof front_ends / sizeof front_ends[0]; i++) {
        if (!strcmp(front_ends[i].name, fe_name)) {
            h.fe = &front_ends[i];
        }
    }
    if (!h.fe) {
        usage();
    }
    read_csv(csv);
    h.row = -1;

    memset(&fw, 0, sizeof fw);
    {
        /* simavr reports what it loaded on stdout, which is the pty path's. */
        const int saved = dup(1);
        dup2(2, 1);
        if (elf_read_firmware(elf, &fw) != 0) {
            die("cannot read the firmware image");
        }
        fflush(stdout);
        dup2(saved, 1);
        close(saved);
    }
    h.avr = avr_make_mcu_by_name("atmega328p");
    if (!h.avr) {
        die("simavr has no atmega328p");
    }
    avr_init(h.avr);
    avr_load_firmware(h.avr, &fw);
    h.avr->frequency = F_CPU;
    h.avr->vcc = h.avr->avcc = h.avr->aref = VCC_MV;
    h.avr->sleep = no_sleep;
    h.avr->log = LOG_ERROR;

    for (int pin = 0; pin <= MAX_COLUMNS; pin++) {
        h.adc_in[pin] = avr_io_getirq(h.avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_ADC0 + pin);
    }
    avr_irq_register_notify(avr_io_getirq(h.avr, AVR_IOCTL_ADC_GETIRQ, ADC_IRQ_OUT_TRIGGER),
                            on_adc_trigger, NULL);

    avr_ioctl(h.avr, AVR_IOCTL_UART_GET_FLAGS('0'), &flags);
    flags &= ~(uint32_t)(AVR_UART_FLAG_STDIO | AVR_UART_FLAG_POLL_SLEEP);
    avr_ioctl(h.avr, AVR_IOCTL_UART_SET_FLAGS('0'), &flags);
    h.uart_in = avr_io_getirq(h.avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_INPUT);
    for (avr_io_t *port = h.avr->io_port; port; port = port->next) {
        if (port->irq == h.uart_in) { /* UART_IRQ_INPUT is the module's first IRQ */
            h.uart = (avr_uart_t *)port; /* the module's struct starts with its avr_io_t */
        }
    }
    if (!h.uart) {
        die("cannot find simavr's UART0");
    }
    avr_irq_register_notify(avr_io_getirq(h.avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUTPUT),
                            on_uart_output, NULL);
    avr_irq_register_notify(avr_io_getirq(h.avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XON),
                            on_xon, NULL);
    avr_irq_register_notify(avr_io_getirq(h.avr, AVR_IOCTL_UART_GETIRQ('0'), UART_IRQ_OUT_XOFF),
                            on_xoff, NULL);

    /* 10 bits a byte on the line (8N1). */
    h.byte_cycles = (avr_cycle_count_t)ceil(10.0 * F_CPU / baud);
    h.io_cycles = (avr_cycle_count_t)F_CPU / (1000000u / IO_PERIOD_US);
    h.end_cycle = (avr_cycle_count_t)(max_seconds * F_CPU);

    h.master = open_pty();
    wait_for_host();
    boot(boot_ms);
    clock_gettime(CLOCK_MONOTONIC, &h.wall0);
    avr_cycle_timer_register(h.avr, h.byte_cycles, feed_uart, NULL);
    avr_cycle_timer_register(h.avr, h.io_cycles, service, NULL);

    for (unsigned long step = 0; !h.hung_up && h.avr->cycle < h.end_cycle; step++) {
        int state;
        /* A reset (the watchdog's) clears every cycle timer: set them up again. */
        if ((step & 1023u) == 0 && avr_cycle_timer_status(h.avr, service, NULL) == 0) {
            fprintf(stderr, "harness: the firmware was reset at %.3f s\n", (double)h.avr->cycle / F_CPU);
            avr_cycle_timer_register(h.avr, h.byte_cycles, feed_uart, NULL);
            avr_cycle_timer_register(h.avr, h.io_cycles, service, NULL);
        }
        state = avr_run(h.avr);
        if (state == cpu_Done || state == cpu_Crashed) {
            fprintf(stderr, "harness: the firmware stopped (simavr state %d)\n", state);
            break;
        }
    }
    flush_out();
    fprintf(stderr,
            "harness: %.3f s simulated in %.3f s wall, %lu rows of %zu fed (%lu past the end), "
            "%lu conversions, %llu bytes to the host, %llu from it, %llu garbled by a wrong line rate\n",
            (double)h.avr->cycle / F_CPU, wall_seconds(), h.row + 1 > 0 ? (unsigned long)(h.row + 1) : 0ul,
            h.rows, h.rows_past_end, h.conversions, h.bytes_to_host, h.bytes_from_host, h.garbled);
    close(h.master);
    return 0;
}
