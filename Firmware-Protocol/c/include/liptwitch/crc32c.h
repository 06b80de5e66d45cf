/*
 * liptwitch/crc32c.h - CRC-32C (Castagnoli), spec section 2.3.
 *
 * Reflected polynomial 0x82F63B78, init 0xFFFFFFFF, xor-out 0xFFFFFFFF;
 * the CRC of ASCII "123456789" is 0xE3069283. The implementation uses a
 * 16-entry nibble table (64 bytes of flash) and no other memory.
 *
 * Incremental use:
 *
 *     uint32_t c = lt_crc32c_init();
 *     c = lt_crc32c_update(c, part1, len1);
 *     c = lt_crc32c_update(c, part2, len2);
 *     uint32_t crc = lt_crc32c_final(c);
 */
#ifndef LIPTWITCH_CRC32C_H
#define LIPTWITCH_CRC32C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The CRC-32C of ASCII "123456789" (the standard check value). */
#define LT_CRC32C_CHECK 0xE3069283uL

/** Returns the initial running value (0xFFFFFFFF). */
uint32_t lt_crc32c_init(void);

/** Folds one byte into the running value @p crc and returns the new value. */
uint32_t lt_crc32c_update_byte(uint32_t crc, uint8_t byte);

/**
 * Folds @p len bytes at @p data into the running value @p crc and returns the
 * new value. @p data may be NULL when @p len is 0.
 */
uint32_t lt_crc32c_update(uint32_t crc, const uint8_t *data, size_t len);

/** Turns a running value into the finished CRC (xor 0xFFFFFFFF). */
uint32_t lt_crc32c_final(uint32_t crc);

/** One-shot CRC-32C of @p len bytes at @p data. */
uint32_t lt_crc32c(const uint8_t *data, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* LIPTWITCH_CRC32C_H */
