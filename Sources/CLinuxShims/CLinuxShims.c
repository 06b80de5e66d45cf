#define _GNU_SOURCE
#include "CLinuxShims.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/serial.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

int lt_serial_set_low_latency(int fd) {
    struct serial_struct serial;
    if (ioctl(fd, TIOCGSERIAL, &serial) != 0) return errno;
    if (serial.flags & ASYNC_LOW_LATENCY) return 0;
    serial.flags |= ASYNC_LOW_LATENCY;
    if (ioctl(fd, TIOCSSERIAL, &serial) != 0) return errno;
    return 0;
}

int lt_device_number(int fd, unsigned int *major_number, unsigned int *minor_number) {
    struct stat status;
    if (fstat(fd, &status) != 0) return errno;
    *major_number = major(status.st_rdev);
    *minor_number = minor(status.st_rdev);
    return 0;
}

int lt_open_pty_master(void) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -errno;
    if (grantpt(master) != 0 || unlockpt(master) != 0) {
        int error = errno;
        close(master);
        return -error;
    }
    return master;
}

int lt_open_pty_slave(int master, char *name, size_t name_length) {
    int error = ptsname_r(master, name, name_length);
    if (error != 0) return -error;
    int slave = ioctl(master, TIOCGPTPEER, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    return slave < 0 ? -errno : slave;
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

long lt_access_acl(const char *path, void *buffer, size_t length) {
    return (long)getxattr(path, "system.posix_acl_access", buffer, length);
}
