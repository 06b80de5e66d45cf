#!/usr/bin/env python3
"""Writes the Cyton fuzzer's seeds into the directory given (scripts/make-fuzz-seeds calls
it): byte streams an OpenBCI Cyton's dongle sends, laid out from OpenBCI's "Cyton Data
Format" and the firmware's replies."""
import pathlib
import struct
import sys

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
BANNER = b"OpenBCI V3 8-16 channel\nOn Board ADS1299 Device ID: 0x3E\nLIS3DH Device ID: 0x33\nFirmware: v3.1.2\n$$$"


def packet(number, values, accel=(0, 0, 0), footer=0xC0):
    data = bytes([0xA0, number & 0xFF])
    for value in values:
        data += struct.pack(">i", value)[1:]
    return data + struct.pack(">hhh", *accel) + bytes([footer])


stream = b"".join(packet(n, [n * 100 - 5000] + [0] * 7, (0, 0, 8000 if n % 10 == 0 else 0)) for n in range(40))
broken = bytearray(packet(40, [0xA0C0] * 8))
del broken[12]
(out / "banner").write_bytes(BANNER)
(out / "defaults").write_bytes(b"updating channel settings to default\n$$$Success: Channel set for 1\n$$$")
(out / "stream").write_bytes(BANNER + stream)
(out / "lost-byte").write_bytes(stream + bytes(broken) + packet(41, [1] * 8) + packet(45, [-1] * 8, footer=0xC1))
(out / "board-off").write_bytes(b"Failure: Communications timeout - Device failed to poll Host$$$")
