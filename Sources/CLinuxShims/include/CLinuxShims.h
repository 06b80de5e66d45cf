// The few Linux calls Swift's Glibc module cannot see: they sit behind _GNU_SOURCE or
// in kernel headers (struct serial_struct). LipTwitchSystem is their only user; each
// returns 0 or a positive errno, never sets global state.
#ifndef CLINUXSHIMS_H
#define CLINUXSHIMS_H

#include <stddef.h>

// Sets ASYNC_LOW_LATENCY on a serial port (TIOCGSERIAL, then TIOCSSERIAL). Returns 0,
// or the errno: EINVAL or ENOTTY where the driver has no such setting (ptys, CDC-ACM).
int lt_serial_set_low_latency(int fd);

// The device number (major, minor: major() and minor() are macros) of the device open
// on `fd`, from fstat. Returns 0, or the errno.
int lt_device_number(int fd, unsigned int *major_number, unsigned int *minor_number);

// Opens a new pseudo-terminal master (posix_openpt with O_RDWR | O_NOCTTY | O_CLOEXEC)
// and unlocks it. Returns the master descriptor, or -errno.
int lt_open_pty_master(void);

// Opens the slave of the pseudo-terminal whose master is `master` (TIOCGPTPEER, with
// O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC: no path lookup, so also for a master made
// by someone else) and writes the slave's path to `name`. Returns the slave descriptor,
// or -errno.
int lt_open_pty_slave(int master, char *name, size_t name_length);

// An eventfd (EFD_CLOEXEC | EFD_NONBLOCK): a wake-up counter a thread can poll on.
// Returns the descriptor, or -errno.
int lt_eventfd(void);

// The POSIX access control list of `path` (the `system.posix_acl_access` extended
// attribute, following links) into `buffer`: its length, or -1 with errno set.
long lt_access_acl(const char *path, void *buffer, size_t length);

// Names the calling thread (at most 15 characters are kept), as `top -H` shows it.
void lt_set_thread_name(const char *name);

#endif
