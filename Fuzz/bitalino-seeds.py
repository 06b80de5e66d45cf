#!/usr/bin/env python3
"""Writes the BITalino fuzzer's seeds into the directory given (scripts/make-fuzz-seeds
calls it): byte streams a BITalino (r)evolution sends, laid out from PLUX's documents (the
"Lower Level Protocol", the firmware's live.c and the Python API's read): the version
answer, then frames whose size follows the number of channels, the acquired channels
packed from the end of the frame, the last byte the 4-bit sequence number over the 4-bit
CRC (x^4 + x + 1 over the frame, its own nibble zeroed). The fuzzer reads the first byte
as the number of channels (value % 6 + 1), so each stream starts with a byte that says it."""
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
VERSION = b"BITalino_v5.1\n"


def crc4(frame):
    """The Python API's bit-by-bit CRC over the frame, the CRC nibble zeroed."""
    data = bytearray(frame)
    data[-1] &= 0xF0
    x = 0
    for byte in data:
        for bit in range(7, -1, -1):
            x = (x << 1) & 0x1F
            if x & 0x10:
                x ^= 0x13
            x ^= (byte >> bit) & 1
    return x & 0x0F


def frame(codes, sequence, digital=0):
    """A frame of 1 to 6 channels: the bit fields as the Python API unpacks them."""
    n = len(codes)
    size = (12 + 10 * n + 7) // 8 if n <= 4 else (52 + 6 * (n - 4) + 7) // 8
    b = [0] * 9  # b[k] is the k-th byte from the end
    b[2] = digital << 4
    a = list(codes) + [0] * (6 - n)
    if n > 0: b[2] |= a[0] >> 6; b[3] |= (a[0] & 0x3F) << 2
    if n > 1: b[3] |= a[1] >> 8; b[4] |= a[1] & 0xFF
    if n > 2: b[5] |= a[2] >> 2; b[6] |= (a[2] & 0x03) << 6
    if n > 3: b[6] |= a[3] >> 4; b[7] |= (a[3] & 0x0F) << 4
    if n > 4: b[7] |= (a[4] >> 6) & 0x0F; b[8] |= ((a[4] >> 4) & 0x03) << 6
    if n > 5: b[8] |= (a[5] >> 4) & 0x3F
    data = bytearray(b[k] for k in range(size, 1, -1)) + bytes([(sequence & 0x0F) << 4])
    data[-1] |= crc4(data)
    return bytes(data)


def stream(channels, count, first=0):
    return b"".join(frame([(97 * (i + c)) % 1024 for c in range(channels)], first + i) for i in range(count))


for channels in range(1, 7):
    (out / f"stream-{channels}").write_bytes(bytes([channels - 1]) + VERSION + stream(channels, 24))
bad = bytearray(frame([300], 3))
bad[0] ^= 0x04
cut = bytearray(frame([777], 9))
del cut[1]
(out / "faults").write_bytes(bytes([0]) + stream(1, 3) + bytes(bad) + stream(1, 5, 4) + bytes(cut) + stream(1, 4, 10))
(out / "jump").write_bytes(bytes([0]) + stream(1, 4, 12) + stream(1, 4, 3) + VERSION + stream(1, 3))
(out / "version").write_bytes(VERSION)
