/*
 * host_commands.h - encoders of the host-to-device commands (spec section
 * 7), for host-side test tools. They are built on the library's frame
 * encoder; firmware does not need them. Results as in device_messages.h.
 */
#ifndef LIPTWITCH_HOST_COMMANDS_H
#define LIPTWITCH_HOST_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

/** IDENTIFY (0x81) carrying the host's highest major version. */
int lt_host_identify(uint8_t *out, size_t cap, uint16_t seq, uint8_t host_max_major);
/** START (0x82). */
int lt_host_start(uint8_t *out, size_t cap, uint16_t seq);
/** STOP (0x83). */
int lt_host_stop(uint8_t *out, size_t cap, uint16_t seq);
/** SET_RATE (0x84). */
int lt_host_set_rate(uint8_t *out, size_t cap, uint16_t seq, uint16_t rate_hz);
/** PING (0x85). */
int lt_host_ping(uint8_t *out, size_t cap, uint16_t seq, uint32_t nonce);
/**
 * Any frame: header @p version / @p type / @p seq, then @p len payload bytes.
 * For building deliberately odd frames in tests.
 */
int lt_host_raw(uint8_t *out, size_t cap, uint8_t version, uint8_t type, uint16_t seq,
                const uint8_t *payload, size_t len);

#endif
