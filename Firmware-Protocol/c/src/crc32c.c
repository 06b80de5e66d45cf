/* crc32c.c - CRC-32C with a 16-entry nibble table (see liptwitch/crc32c.h). */
#include "liptwitch/crc32c.h"

/* table[i] = CRC-32C register after shifting the 4-bit value i through the
 * reflected polynomial 0x82F63B78 four times. */
static const uint32_t lt_crc32c_table[16] = {
    0x00000000uL, 0x105EC76FuL, 0x20BD8EDEuL, 0x30E349B1uL,
    0x417B1DBCuL, 0x5125DAD3uL, 0x61C69362uL, 0x7198540DuL,
    0x82F63B78uL, 0x92A8FC17uL, 0xA24BB5A6uL, 0xB21572C9uL,
    0xC38D26C4uL, 0xD3D3E1ABuL, 0xE330A81AuL, 0xF36E6F75uL,
};

uint32_t lt_crc32c_init(void)
{
    return 0xFFFFFFFFuL;
}

uint32_t lt_crc32c_update_byte(uint32_t crc, uint8_t byte)
{
    crc ^= byte;
    crc = (crc >> 4) ^ lt_crc32c_table[crc & 0x0Fu];
    crc = (crc >> 4) ^ lt_crc32c_table[crc & 0x0Fu];
    return crc;
}

uint32_t lt_crc32c_update(uint32_t crc, const uint8_t *data, size_t len)
{
    size_t i;
    for (i = 0; i < len; i++) {
        crc = lt_crc32c_update_byte(crc, data[i]);
    }
    return crc;
}

uint32_t lt_crc32c_final(uint32_t crc)
{
    return crc ^ 0xFFFFFFFFuL;
}

uint32_t lt_crc32c(const uint8_t *data, size_t len)
{
    return lt_crc32c_final(lt_crc32c_update(lt_crc32c_init(), data, len));
}
