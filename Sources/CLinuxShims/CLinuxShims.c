#define _GNU_SOURCE
#include "CLinuxShims.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/serial.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

int lt_serial_set_low_latency(int fd) {
    struct serial_struct serial;
    if (ioctl(fd, TIOCGSERIAL, &serial) != 0) return errno;
    if (serial.flags & ASYNC_LOW_LATENCY) return 0;
    serial.flags |= ASYNC_LOW_LATENCY;
    if (ioctl(fd, TIOCSSERIAL, &serial) != 0) return errno;
    return 0;
}

int lt_open_pty_master(char *name, size_t name_length) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -errno;
    int error = 0;
    if (grantpt(master) != 0 || unlockpt(master) != 0) {
        error = errno;
    } else {
        error = ptsname_r(master, name, name_length);
    }
    if (error != 0) {
        close(master);
        return -error;
    }
    return master;
}

int lt_eventfd(void) {
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    return fd < 0 ? -errno : fd;
}

void lt_set_thread_name(const char *name) {
    char shortened[16];
    size_t i = 0;
    for (; i < sizeof shortened - 1 && name[i] != '\0'; i++) shortened[i] = name[i];
    shortened[i] = '\0';
    pthread_setname_np(pthread_self(), shortened);
}
