#!/usr/bin/env python3
"""Reference encoder and test-vector generator for the LipTwitch wire protocol 1.0.

Written from ../PROTOCOL.md alone, with the Python standard library only, independent
of the C library and of the Swift module. It prints vectors.txt (format: README.md in
this directory) on standard output:

    python3 Firmware-Protocol/vectors/generate.py > Firmware-Protocol/vectors/vectors.txt

Before printing anything it checks itself: the CRC-32C check value, the COBS examples of
section 2.2, and for every vector it emits: the frame goes through a reference receiver
(section 2.4) that must deliver exactly the stated message or reject the frame for
exactly the stated reason; every message's canonical text parses back to the same
message and re-encodes to the same bytes. If any check fails the script stops with an
error and prints nothing.

The output is deterministic: no clock, no randomness (the few "random-looking" byte
patterns come from a fixed linear congruential generator).

Section numbers (§) refer to PROTOCOL.md.
"""

import math
import struct
import sys
from decimal import Decimal


class SelfCheckError(Exception):
    """A self-check failed: the generator (or the spec reading) is wrong."""


def check(condition, what):
    """Like assert, but not disabled by `python3 -O`."""
    if not condition:
        raise SelfCheckError(what)


# --------------------------------------------------------------------------------------
# Constants (§2.1, §5)
# --------------------------------------------------------------------------------------

PROTOCOL_MAJOR = 1
PROTOCOL_MINOR = 0

HEADER_SIZE = 4            # version, type, sequence
CRC_SIZE = 4
MIN_FRAME = HEADER_SIZE + CRC_SIZE      # 8
MAX_FRAME = 1024
MAX_PAYLOAD = MAX_FRAME - MIN_FRAME     # 1016
MAX_ENCODED = 1029         # COBS-encoded frame, delimiter not counted

D2H = "device-to-host"
H2D = "host-to-device"

SAMPLE_SIZE = {1: 2, 2: 3}              # sample_format -> bytes per sample (§6.2)
SERIAL_SIZE = 16
IDENTITY_FIXED_SIZE = 28
CHANNEL_DESCRIPTOR_SIZE = 8
SAMPLES_FIXED_SIZE = 12


# --------------------------------------------------------------------------------------
# CRC-32C (§2.3)
# --------------------------------------------------------------------------------------

CRC32C_POLY_REFLECTED = 0x82F63B78


def _crc32c_table():
    """The 256-entry table of the reflected CRC-32C polynomial."""
    table = []
    for index in range(256):
        crc = index
        for _ in range(8):
            crc = (crc >> 1) ^ CRC32C_POLY_REFLECTED if crc & 1 else crc >> 1
        table.append(crc)
    return table


_CRC32C_TABLE = _crc32c_table()


def crc32c(data, init=0xFFFFFFFF, xorout=0xFFFFFFFF):
    """CRC-32C (Castagnoli): reflected, poly 0x82F63B78, init and xorout 0xFFFFFFFF.

    `init` and `xorout` are parameters only so that an invalid vector can show a CRC
    computed without the final xor; the protocol always uses the defaults.
    """
    crc = init
    for byte in data:
        crc = _CRC32C_TABLE[(crc ^ byte) & 0xFF] ^ (crc >> 8)
    return crc ^ xorout


def _crc32c_bitwise(data):
    """CRC-32C one bit at a time, to cross-check the table."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (CRC32C_POLY_REFLECTED if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def self_check_crc32c():
    """The check value of §2.3 and the iSCSI test patterns of RFC 3720 appendix B.4."""
    check(crc32c(b"123456789") == 0xE3069283, "CRC-32C check value")
    check(crc32c(bytes(32)) == 0x8A9136AA, "CRC-32C of 32 zero bytes")
    check(crc32c(b"\xff" * 32) == 0x62A8AB43, "CRC-32C of 32 0xFF bytes")
    check(crc32c(bytes(range(32))) == 0x46DD794E, "CRC-32C of 00..1F")
    check(crc32c(bytes(range(31, -1, -1))) == 0x113FDB5C, "CRC-32C of 1F..00")
    sample = pseudo_random_bytes(1000, seed=99)
    check(crc32c(sample) == _crc32c_bitwise(sample), "CRC-32C table vs bitwise")


# --------------------------------------------------------------------------------------
# COBS (§2.2)
# --------------------------------------------------------------------------------------

class CobsError(Exception):
    """Invalid COBS encoding: a code byte points past the end (or a 0x00 inside)."""


def cobs_encode(frame):
    """COBS-encode `frame` (delimiter not added).

    Each block is a code byte c followed by c - 1 non-zero bytes. A block of 254 data
    bytes (c = 255) carries no zero after it. The encoder never ends with an empty
    block: when the frame ends exactly at the end of a 255 block, nothing follows.
    """
    out = bytearray()
    block = bytearray()
    just_closed_full_block = False
    for byte in frame:
        if byte == 0:
            out.append(len(block) + 1)
            out += block
            block.clear()
            just_closed_full_block = False
        else:
            block.append(byte)
            just_closed_full_block = False
            if len(block) == 254:
                out.append(255)
                out += block
                block.clear()
                just_closed_full_block = True
    if not just_closed_full_block:
        # The final block; its implied trailing 0x00 is dropped. An empty frame
        # encodes as the single block 01.
        out.append(len(block) + 1)
        out += block
    return bytes(out)


def cobs_decode(encoded):
    """Decode a COBS-encoded frame (delimiter already removed); raise CobsError."""
    out = bytearray()
    position = 0
    while position < len(encoded):
        code = encoded[position]
        if code == 0:
            raise CobsError("0x00 inside an encoded frame")
        if position + code > len(encoded):
            raise CobsError("code byte %d at offset %d points past the end" % (code, position))
        out += encoded[position + 1:position + code]
        position += code
        if code < 255 and position < len(encoded):
            out.append(0)
    return bytes(out)


def self_check_cobs():
    """The examples table of §2.2, plus round trips and the trailing-01 tolerance."""
    examples = [
        (b"\x00", b"\x01\x01"),
        (b"\x00\x00", b"\x01\x01\x01"),
        (b"\x11\x22\x00\x33", b"\x03\x11\x22\x02\x33"),
        (b"\x11\x22\x33\x44", b"\x05\x11\x22\x33\x44"),
        (bytes(range(1, 255)), b"\xff" + bytes(range(1, 255))),
        (b"", b"\x01"),
    ]
    for frame, encoded in examples:
        check(cobs_encode(frame) == encoded, "COBS encode example %s" % frame.hex())
        check(cobs_decode(encoded) == frame, "COBS decode example %s" % frame.hex())
    # "A decoder accepts a trailing 01 block anyway."
    check(cobs_decode(b"\xff" + bytes(range(1, 255)) + b"\x01") == bytes(range(1, 255)),
          "COBS decoder accepts a trailing 01 block")
    for length in list(range(0, 600)) + [1016, 1024, 1025]:
        for seed in (1, 2):          # seed 1: no zero bytes; seed 2: zeros here and there
            data = pseudo_random_bytes(length, seed=seed, nonzero=(seed == 1))
            encoded = cobs_encode(data)
            check(0 not in encoded, "COBS output has no 0x00")
            check(cobs_decode(encoded) == data, "COBS round trip, length %d" % length)
            check(len(encoded) <= len(data) + 1 + len(data) // 254, "COBS overhead bound")
    for bad in (b"\x02", b"\x05\x11\x22\x33", b"\xff\x01", b"\x03\x11\x22\x03\x33"):
        try:
            cobs_decode(bad)
        except CobsError:
            continue
        raise SelfCheckError("COBS decoder accepted %s" % bad.hex())


# --------------------------------------------------------------------------------------
# Small helpers: deterministic bytes, binary32 scales
# --------------------------------------------------------------------------------------

def pseudo_random_bytes(count, seed, nonzero=False):
    """`count` deterministic bytes from a 32-bit LCG (a = 1664525, c = 1013904223).

    With `nonzero`, zero bytes are skipped, so the result has no 0x00.
    """
    state = seed & 0xFFFFFFFF
    out = bytearray()
    while len(out) < count:
        state = (1664525 * state + 1013904223) & 0xFFFFFFFF
        byte = state >> 24
        if nonzero and byte == 0:
            continue
        out.append(byte)
    return bytes(out)


def to_f32(value):
    """`value` rounded to IEEE 754 binary32, returned as a Python float (exactly)."""
    return struct.unpack("<f", struct.pack("<f", value))[0]


def exact_f32(value):
    """`value`, checked to be exactly representable in binary32."""
    check(to_f32(value) == value, "%r is not exactly a binary32" % value)
    return value


def scale_text(value):
    """The exact decimal expansion of a binary32 scale, without exponent or trailing 0.

    Every binary32 is a dyadic rational, so its decimal expansion is finite; printing it
    in full means the text parses back to exactly the same binary32 with any correctly
    rounding parser (strtof, Swift's Float(String), Python's float).
    """
    text = format(Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    check(float(text) == value and to_f32(float(text)) == value, "scale text %s" % text)
    return text


def values_from_bytes(raw, sample_format):
    """Signed sample values whose little-endian encoding is exactly `raw`."""
    size = SAMPLE_SIZE[sample_format]
    check(len(raw) % size == 0, "sample bytes are a whole number of samples")
    return [int.from_bytes(raw[i:i + size], "little", signed=True)
            for i in range(0, len(raw), size)]


# --------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------

class Message:
    """A message: its canonical name (README.md) and its fields, by canonical key.

    Identity channel descriptors are kept in the field `ch` as a list of
    (placement, axis, scale) tuples and printed as ch0=..., ch1=...
    """

    def __init__(self, name, **fields):
        self.name = name
        self.fields = fields

    def __getattr__(self, key):
        try:
            return self.__dict__["fields"][key]
        except KeyError:
            raise AttributeError(key) from None

    def replace(self, **changes):
        """A copy with some fields changed."""
        fields = dict(self.fields)
        fields.update(changes)
        return Message(self.name, **fields)

    def __eq__(self, other):
        return isinstance(other, Message) and (self.name, self.fields) == (other.name, other.fields)

    def __repr__(self):
        return "Message(%r, %r)" % (self.name, self.fields)


class Malformed(Exception):
    """An intact frame whose payload is too short or has a field out of range (§2.4/8)."""


def need(payload, size, what):
    """Raise Malformed unless the payload holds at least `size` bytes."""
    if len(payload) < size:
        raise Malformed("%s: payload %d bytes, needs %d" % (what, len(payload), size))


def in_range(value, valid, what):
    """Raise Malformed unless `value` is in `valid` (a range or a set)."""
    if value not in valid:
        raise Malformed("%s %r out of range" % (what, value))


# ---- IDENTITY (0x01, §6.1) -----------------------------------------------------------

def encode_identity(m):
    """IDENTITY payload: 28 bytes, then one 8-byte descriptor per channel."""
    serial = m.serial.encode("latin-1")
    check(len(serial) <= SERIAL_SIZE, "serial fits 16 bytes")
    payload = struct.pack("<BBBBHBB", m.protocol[0], m.protocol[1], m.kind, m.channels,
                          m.rate, m.format, m.max_batch)
    payload += serial + bytes(SERIAL_SIZE - len(serial))
    payload += struct.pack("<BBBB", m.firmware[0], m.firmware[1], m.firmware[2], m.hardware)
    for placement, axis, scale in m.ch:
        payload += struct.pack("<BBHf", placement, axis, 0, scale)   # reserved = 0
    return payload


def decode_identity(seq, payload):
    """Parse and validate an IDENTITY payload."""
    need(payload, IDENTITY_FIXED_SIZE, "identity")
    major, minor, kind, channels, rate, sample_format, max_batch = \
        struct.unpack_from("<BBBBHBB", payload, 0)
    in_range(kind, {1, 2}, "sensor_kind")
    in_range(channels, range(1, 9), "channel_count")
    in_range(rate, range(1, 4001), "sample_rate_hz")
    in_range(sample_format, {1, 2}, "sample_format")
    in_range(max_batch, range(1, 256), "max_batch")
    raw_serial = payload[8:8 + SERIAL_SIZE].rstrip(b"\x00")       # padding is trailing
    if not raw_serial or any(not 0x20 <= c <= 0x7E for c in raw_serial):
        raise Malformed("serial %r" % raw_serial)
    firmware = tuple(payload[24:27])
    hardware = payload[27]
    need(payload, IDENTITY_FIXED_SIZE + CHANNEL_DESCRIPTOR_SIZE * channels, "identity channels")
    descriptors = []
    for i in range(channels):
        placement, axis, _reserved, scale = struct.unpack_from(
            "<BBHf", payload, IDENTITY_FIXED_SIZE + CHANNEL_DESCRIPTOR_SIZE * i)
        if placement > 14:
            placement = 0          # "A receiver reads a placement code it does not know as 0"
        in_range(axis, range(0, 4), "axis")
        if not (math.isfinite(scale) and scale > 0):
            raise Malformed("scale %r" % scale)
        descriptors.append((placement, axis, scale))
    return Message("identity", seq=seq, protocol=(major, minor), kind=kind, channels=channels,
                   rate=rate, format=sample_format, max_batch=max_batch,
                   serial=raw_serial.decode("ascii"), firmware=firmware, hardware=hardware,
                   ch=descriptors)


# ---- SAMPLES (0x02, §6.2) ------------------------------------------------------------

def encode_samples(m):
    """SAMPLES payload: 12 bytes, then the values, sample-major."""
    # An out-of-range format (only in malformed vectors) is written 2 bytes per value.
    size = SAMPLE_SIZE.get(m.format, 2)
    payload = struct.pack("<IIBBBB", m.first_sample, m.timestamp_us, m.count, m.channels,
                          m.format, m.flags)
    return payload + b"".join(v.to_bytes(size, "little", signed=True) for v in m.values)


def decode_samples(seq, payload):
    """Parse and validate a SAMPLES payload."""
    need(payload, SAMPLES_FIXED_SIZE, "samples")
    first_sample, timestamp_us, count, channels, sample_format, flags = \
        struct.unpack_from("<IIBBBB", payload, 0)
    in_range(count, range(1, 256), "sample_count")
    in_range(channels, range(1, 9), "channel_count")
    in_range(sample_format, {1, 2}, "sample_format")
    # flags bits 2..7 are "0" (§6.2); whether a receiver rejects them is not stated
    # (see the report), so no vector sets them and this reference does not check them.
    size = SAMPLE_SIZE[sample_format]
    need(payload, SAMPLES_FIXED_SIZE + count * channels * size, "samples values")
    values = values_from_bytes(payload[SAMPLES_FIXED_SIZE:
                                       SAMPLES_FIXED_SIZE + count * channels * size],
                               sample_format)
    return Message("samples", seq=seq, first_sample=first_sample, timestamp_us=timestamp_us,
                   count=count, channels=channels, format=sample_format, flags=flags,
                   values=values)


# ---- STATUS (0x03, §6.3) -------------------------------------------------------------

def encode_status(m):
    """STATUS payload: 12 bytes."""
    return struct.pack("<IBBBBI", m.timestamp_us, m.battery, m.power, m.lead_off,
                       m.saturation, m.overruns)


def decode_status(seq, payload):
    """Parse and validate a STATUS payload."""
    need(payload, 12, "status")
    timestamp_us, battery, power, lead_off, saturation, overruns = \
        struct.unpack_from("<IBBBBI", payload, 0)
    in_range(battery, set(range(0, 101)) | {255}, "battery_percent")
    return Message("status", seq=seq, timestamp_us=timestamp_us, battery=battery, power=power,
                   lead_off=lead_off, saturation=saturation, overruns=overruns)


# ---- MARKER (0x04, §6.4) -------------------------------------------------------------

def encode_marker(m):
    """MARKER payload: 9 bytes."""
    return struct.pack("<IIB", m.timestamp_us, m.sample_index, m.kind)


def decode_marker(seq, payload):
    """Parse and validate a MARKER payload."""
    need(payload, 9, "marker")
    timestamp_us, sample_index, kind = struct.unpack_from("<IIB", payload, 0)
    in_range(kind, {1, 2}, "marker_kind")
    return Message("marker", seq=seq, timestamp_us=timestamp_us, sample_index=sample_index,
                   kind=kind)


# ---- ACK (0x05, §6.5) and ERROR (0x06, §6.6) -----------------------------------------

def encode_ack(m):
    """ACK payload: 3 bytes."""
    return struct.pack("<BH", m.command, m.command_seq)


def decode_ack(seq, payload):
    """Parse an ACK payload (command_type is not range-checked, see the report)."""
    need(payload, 3, "ack")
    command, command_seq = struct.unpack_from("<BH", payload, 0)
    return Message("ack", seq=seq, command=command, command_seq=command_seq)


ERROR_CODES = {1: "malformed", 2: "unknown_command", 3: "unsupported_value",
               4: "unsupported_version", 5: "invalid_state", 6: "internal"}


def encode_error(m):
    """ERROR payload: 4 bytes."""
    return struct.pack("<BHB", m.command, m.command_seq, m.code)


def decode_error(seq, payload):
    """Parse an ERROR payload; an unknown code reads as internal (6)."""
    need(payload, 4, "error")
    command, command_seq, code = struct.unpack_from("<BHB", payload, 0)
    if code not in ERROR_CODES:
        code = 6
    return Message("error", seq=seq, command=command, command_seq=command_seq, code=code)


# ---- PONG (0x07, §6.7) ---------------------------------------------------------------

def encode_pong(m):
    """PONG payload: 8 bytes."""
    return struct.pack("<II", m.nonce, m.timestamp_us)


def decode_pong(seq, payload):
    """Parse a PONG payload."""
    need(payload, 8, "pong")
    nonce, timestamp_us = struct.unpack_from("<II", payload, 0)
    return Message("pong", seq=seq, nonce=nonce, timestamp_us=timestamp_us)


# ---- Host-to-device commands (§7) ----------------------------------------------------

def encode_identify(m):
    """IDENTIFY payload: u8 host_max_major."""
    return struct.pack("<B", m.host_max)


def decode_identify(seq, payload):
    """Parse an IDENTIFY payload."""
    need(payload, 1, "identify")
    return Message("identify", seq=seq, host_max=payload[0])


def encode_empty(m):
    """START and STOP have no payload."""
    return b""


def decode_start(seq, payload):
    """START: no payload."""
    return Message("start", seq=seq)


def decode_stop(seq, payload):
    """STOP: no payload."""
    return Message("stop", seq=seq)


def encode_set_rate(m):
    """SET_RATE payload: u16 sample_rate_hz."""
    return struct.pack("<H", m.rate)


def decode_set_rate(seq, payload):
    """Parse a SET_RATE payload (the rate is the device's to judge, §7)."""
    need(payload, 2, "set_rate")
    return Message("set_rate", seq=seq, rate=struct.unpack_from("<H", payload, 0)[0])


def encode_ping(m):
    """PING payload: u32 nonce."""
    return struct.pack("<I", m.nonce)


def decode_ping(seq, payload):
    """Parse a PING payload."""
    need(payload, 4, "ping")
    return Message("ping", seq=seq, nonce=struct.unpack_from("<I", payload, 0)[0])


# ---- The table of message types (§5) -------------------------------------------------

class MessageType:
    """One row of the §5 table, with its encoder, decoder and canonical field order."""

    def __init__(self, code, direction, encode, decode, fields):
        self.code = code
        self.direction = direction
        self.encode = encode
        self.decode = decode
        self.fields = fields


MESSAGE_TYPES = {
    # name        type  direction  encoder           decoder           canonical fields
    "identity": MessageType(0x01, D2H, encode_identity, decode_identity,
                            ["seq", "protocol", "kind", "channels", "rate", "format",
                             "max_batch", "serial", "firmware", "hardware", "ch"]),
    "samples":  MessageType(0x02, D2H, encode_samples, decode_samples,
                            ["seq", "first_sample", "timestamp_us", "count", "channels",
                             "format", "flags", "values"]),
    "status":   MessageType(0x03, D2H, encode_status, decode_status,
                            ["seq", "timestamp_us", "battery", "power", "lead_off",
                             "saturation", "overruns"]),
    "marker":   MessageType(0x04, D2H, encode_marker, decode_marker,
                            ["seq", "timestamp_us", "sample_index", "kind"]),
    "ack":      MessageType(0x05, D2H, encode_ack, decode_ack,
                            ["seq", "command", "command_seq"]),
    "error":    MessageType(0x06, D2H, encode_error, decode_error,
                            ["seq", "command", "command_seq", "code"]),
    "pong":     MessageType(0x07, D2H, encode_pong, decode_pong,
                            ["seq", "nonce", "timestamp_us"]),
    "identify": MessageType(0x81, H2D, encode_identify, decode_identify, ["seq", "host_max"]),
    "start":    MessageType(0x82, H2D, encode_empty, decode_start, ["seq"]),
    "stop":     MessageType(0x83, H2D, encode_empty, decode_stop, ["seq"]),
    "set_rate": MessageType(0x84, H2D, encode_set_rate, decode_set_rate, ["seq", "rate"]),
    "ping":     MessageType(0x85, H2D, encode_ping, decode_ping, ["seq", "nonce"]),
}

TYPES_BY_CODE = {t.code: (name, t) for name, t in MESSAGE_TYPES.items()}


def required_payload_size(m):
    """The payload size the type of `m` requires (§5 table), for m's own fields."""
    if m.name == "identity":
        return IDENTITY_FIXED_SIZE + CHANNEL_DESCRIPTOR_SIZE * m.channels
    if m.name == "samples":
        return SAMPLES_FIXED_SIZE + m.count * m.channels * SAMPLE_SIZE[m.format]
    return {"status": 12, "marker": 9, "ack": 3, "error": 4, "pong": 8, "identify": 1,
            "start": 0, "stop": 0, "set_rate": 2, "ping": 4}[m.name]


# --------------------------------------------------------------------------------------
# Frames (§2.1) and the reference receiver (§2.4)
# --------------------------------------------------------------------------------------

def build_frame(type_code, seq, payload, version=PROTOCOL_MAJOR):
    """version | type | sequence | payload | crc32c(header and payload), before COBS."""
    body = struct.pack("<BBH", version, type_code, seq) + payload
    return body + struct.pack("<I", crc32c(body))


def encode_message(m, version=PROTOCOL_MAJOR):
    """The frame (before COBS) carrying message `m`."""
    message_type = MESSAGE_TYPES[m.name]
    return build_frame(message_type.code, m.seq, message_type.encode(m), version)


def wire(frame):
    """The bytes on the wire: COBS(frame) and the 0x00 delimiter."""
    return cobs_encode(frame) + b"\x00"


def receive(candidate, direction):
    """Handle one candidate (the bytes before a 0x00) as §2.4 says.

    Returns ("message", Message) or ("invalid", reason) with reason one of the README's
    `invalid` values.
    """
    check(len(candidate) > 0, "an empty candidate is ignored, not a vector")
    if len(candidate) > MAX_ENCODED:
        return ("invalid", "oversize")
    try:
        frame = cobs_decode(candidate)
    except CobsError:
        return ("invalid", "encoding")
    if len(frame) < MIN_FRAME:
        return ("invalid", "runt")
    body, crc = frame[:-CRC_SIZE], struct.unpack("<I", frame[-CRC_SIZE:])[0]
    if crc32c(body) != crc:
        return ("invalid", "crc")
    version, type_code, seq = struct.unpack_from("<BBH", body, 0)
    if version != PROTOCOL_MAJOR:
        return ("invalid", "unsupported-version")
    if type_code not in TYPES_BY_CODE or TYPES_BY_CODE[type_code][1].direction != direction:
        return ("invalid", "unknown-type")
    try:
        message = TYPES_BY_CODE[type_code][1].decode(seq, body[HEADER_SIZE:])
    except Malformed:
        return ("invalid", "malformed")
    return ("message", message)


# --------------------------------------------------------------------------------------
# Canonical message text (README.md)
# --------------------------------------------------------------------------------------

def format_field(key, value):
    """One `key=value` (or several ch<i>= for the descriptors) of the canonical text."""
    if key == "ch":
        return " ".join("ch%d=%d:%d:%s" % (i, p, a, scale_text(s))
                        for i, (p, a, s) in enumerate(value))
    if key in ("protocol", "firmware"):
        return "%s=%s" % (key, ".".join(str(part) for part in value))
    if key == "values":
        return "values=" + ",".join(str(v) for v in value)
    if key == "serial":
        check(value and all(0x21 <= ord(c) <= 0x7E and c not in "=," for c in value),
              "serial %r prints unambiguously" % value)
        return "serial=" + value
    check(isinstance(value, int) and value >= 0, "%s is a non-negative integer" % key)
    return "%s=%d" % (key, value)


def format_message(m):
    """The canonical text of a message: its name, then key=value in the README's order."""
    fields = MESSAGE_TYPES[m.name].fields
    check(set(fields) == set(m.fields), "fields of %s" % m.name)
    return " ".join([m.name] + [format_field(key, m.fields[key]) for key in fields])


def parse_message(text):
    """Parse canonical text back into a Message (used to check the text is complete)."""
    name, *tokens = text.split(" ")
    fields = {}
    descriptors = []
    for token in tokens:
        key, value = token.split("=", 1)
        if key.startswith("ch") and key[2:].isdigit():
            check(int(key[2:]) == len(descriptors), "descriptors in order")
            placement, axis, scale = value.split(":")
            scale = float(scale)
            check(to_f32(scale) == scale, "scale text is exact")
            descriptors.append((int(placement), int(axis), scale))
        elif key in ("protocol", "firmware"):
            fields[key] = tuple(int(part) for part in value.split("."))
        elif key == "values":
            fields[key] = [int(v) for v in value.split(",")]
        elif key == "serial":
            fields[key] = value
        else:
            fields[key] = int(value)
    if name == "identity":
        fields["ch"] = descriptors
    return Message(name, **fields)


# --------------------------------------------------------------------------------------
# Vectors
# --------------------------------------------------------------------------------------

class Vector:
    """One block of vectors.txt."""

    def __init__(self, name, direction, wire_bytes, message=None, invalid=None):
        check((message is None) != (invalid is None), "message xor invalid")
        self.name = name
        self.direction = direction
        self.wire = wire_bytes
        self.message = message
        self.invalid = invalid

    def text(self):
        """The block, as README.md lays it out."""
        what = ("message: " + format_message(self.message) if self.message
                else "invalid: " + self.invalid)
        return "name: %s\ndirection: %s\n%s\nframe: %s\n" % (
            self.name, self.direction, what, " ".join("%02x" % b for b in self.wire))


def valid(name, message):
    """A vector for a valid message, in the direction of its type."""
    return Vector(name, MESSAGE_TYPES[message.name].direction, wire(encode_message(message)),
                  message=message)


def invalid_frame(name, direction, reason, frame):
    """A vector for a (decoded) frame that the receiver must reject."""
    return Vector(name, direction, wire(frame), invalid=reason)


def invalid_wire(name, direction, reason, candidate):
    """A vector given directly as encoded bytes (delimiter added here)."""
    check(0 not in candidate, "an encoded candidate has no 0x00")
    return Vector(name, direction, bytes(candidate) + b"\x00", invalid=reason)


def with_payload(m, transform, version=PROTOCOL_MAJOR):
    """The frame of `m` with its payload transformed (e.g. truncated) and a fresh CRC."""
    message_type = MESSAGE_TYPES[m.name]
    return build_frame(message_type.code, m.seq, transform(message_type.encode(m)), version)


def shorter_by(count):
    """A payload transform that drops the last `count` bytes."""
    return lambda payload: payload[:len(payload) - count]


# ---- Message constructors (keep the vector lists short) -------------------------------

def identity(seq, kind, rate, sample_format, max_batch, serial, channels,
             firmware=(1, 0, 0), hardware=1, protocol=(PROTOCOL_MAJOR, PROTOCOL_MINOR)):
    """An IDENTITY message; `channels` is a list of (placement, axis, scale)."""
    return Message("identity", seq=seq, protocol=protocol, kind=kind, channels=len(channels),
                   rate=rate, format=sample_format, max_batch=max_batch, serial=serial,
                   firmware=firmware, hardware=hardware, ch=list(channels))


def samples(seq, first_sample, timestamp_us, channels, sample_format, values, flags=0,
            count=None):
    """A SAMPLES message; `count` defaults to len(values) / channels."""
    if count is None:
        check(len(values) % channels == 0, "values fill whole samples")
        count = len(values) // channels
    return Message("samples", seq=seq, first_sample=first_sample, timestamp_us=timestamp_us,
                   count=count, channels=channels, format=sample_format, flags=flags,
                   values=list(values))


def status(seq, timestamp_us, battery, power=0, lead_off=0, saturation=0, overruns=0):
    """A STATUS message."""
    return Message("status", seq=seq, timestamp_us=timestamp_us, battery=battery, power=power,
                   lead_off=lead_off, saturation=saturation, overruns=overruns)


def command(name, seq, **fields):
    """A host-to-device command, or ack/error/pong/marker (they are just as small)."""
    return Message(name, seq=seq, **fields)


# Placement codes (§6.1)
UNSPECIFIED, UPPER_LEFT, UPPER_CENTER, UPPER_RIGHT = 0, 1, 2, 3
LOWER_LEFT, LOWER_CENTER, LOWER_RIGHT, LEFT_CORNER, RIGHT_CORNER = 4, 5, 6, 7, 8
LEFT_CHEEK, RIGHT_CHEEK, LEFT_EYELID, RIGHT_EYELID, LEFT_JAW, RIGHT_JAW = 9, 10, 11, 12, 13, 14
AXIS_NONE, AXIS_X, AXIS_Y, AXIS_Z = 0, 1, 2, 3
EMG, ACCELEROMETER = 1, 2
INT16, INT24 = 1, 2

# Scales: all exactly binary32 (checked by exact_f32).
ADS1299_GAIN24_UV = to_f32(4.5e6 / 24 / (2 ** 23 - 1))   # µV per count, a "long" binary32
SCALE_2_POW_12 = exact_f32(2.0 ** -12)                   # 0.000244140625 g per count (±8 g)
SCALE_2_POW_20 = exact_f32(2.0 ** -20)
SCALE_2_POW_24 = exact_f32(2.0 ** -24)

CMD_IDENTIFY, CMD_START, CMD_STOP, CMD_SET_RATE, CMD_PING = 0x81, 0x82, 0x83, 0x84, 0x85


# ---- Frames crafted for COBS block boundaries -----------------------------------------

def nonzero_u32(start):
    """u32 values from `start` upwards whose four bytes are all non-zero."""
    value = start
    while True:
        if all(value.to_bytes(4, "little")):
            yield value
        value = (value + 1) & 0xFFFFFFFF


def first_that(candidates, predicate, what):
    """The first candidate that satisfies `predicate` (deterministic search)."""
    for count, candidate in enumerate(candidates):
        if predicate(candidate):
            return candidate
        check(count < 100000, "no candidate for " + what)
    raise SelfCheckError("no candidate for " + what)


def samples_with_tail_run(seq, run, timestamp_start):
    """Int16 1-channel SAMPLES whose frame ends with exactly `run` non-zero bytes.

    The byte before the run is 0x00 (inside the sample data) and the last `run` bytes,
    the CRC included, are non-zero; the timestamp is searched until the CRC has no zero.
    """
    data_size = run - CRC_SIZE + 2                         # 2 more bytes: the zero + 1
    data_size += data_size % 2                             # whole int16 samples
    raw = bytearray(pseudo_random_bytes(data_size, seed=run, nonzero=True))
    raw[data_size - (run - CRC_SIZE) - 1] = 0
    values = values_from_bytes(bytes(raw), INT16)

    def ends_with_run(timestamp):
        frame = encode_message(samples(seq, 1000, timestamp, 1, INT16, values))
        return frame[-run - 1] == 0 and all(frame[-run:])

    timestamp = first_that(range(timestamp_start, timestamp_start + 100000), ends_with_run,
                           "tail run %d" % run)
    return samples(seq, 1000, timestamp, 1, INT16, values)


def zero_free_samples(seq, channels, sample_format, count, flags, first_sample, seed):
    """SAMPLES whose whole frame (header, values, CRC) has no 0x00 byte."""
    raw = pseudo_random_bytes(count * channels * SAMPLE_SIZE[sample_format], seed=seed,
                              nonzero=True)
    values = values_from_bytes(raw, sample_format)
    check(all(seq.to_bytes(2, "little")) and all(first_sample.to_bytes(4, "little"))
          and flags and count and channels, "zero-free header fields")

    def zero_free(timestamp):
        return all(encode_message(samples(seq, first_sample, timestamp, channels,
                                          sample_format, values, flags)))

    timestamp = first_that(nonzero_u32(0x01010101 * (seed % 200 + 1)), zero_free, "zero-free")
    return samples(seq, first_sample, timestamp, channels, sample_format, values, flags)


def expect_cobs_blocks(message, expect):
    """`message`, after checking expect(frame, encoded) on its frame and COBS encoding."""
    frame = encode_message(message)
    encoded = cobs_encode(frame)
    check(expect(frame, encoded), "COBS block structure of %s" % format_message(message)[:60])
    return message


def block_codes(encoded):
    """The code bytes of a COBS encoding, in order."""
    codes, position = [], 0
    while position < len(encoded):
        codes.append(encoded[position])
        position += encoded[position]
    return codes


# ---- Valid device-to-host vectors ------------------------------------------------------

def device_vectors():
    """Every device-to-host message type, with ranges, extremes and COBS edge cases."""
    emg8_lip = [(p, AXIS_NONE, s) for p, s in zip(
        range(UPPER_LEFT, RIGHT_CORNER + 1),
        [ADS1299_GAIN24_UV] * 4 + [0.125, 0.0625, 0.5, 0.25])]
    emg8_spread = [(LEFT_CHEEK, AXIS_NONE, 1.5), (RIGHT_CHEEK, AXIS_NONE, 1.5),
                   (LEFT_EYELID, AXIS_NONE, 2.0), (RIGHT_EYELID, AXIS_NONE, 2.0),
                   (LEFT_JAW, AXIS_NONE, 0.000244140625), (RIGHT_JAW, AXIS_NONE, 0.000244140625),
                   (UNSPECIFIED, AXIS_NONE, 0.5), (LOWER_CENTER, AXIS_NONE, 0.5)]
    accel_xyz = [(LEFT_JAW, axis, SCALE_2_POW_12) for axis in (AXIS_X, AXIS_Y, AXIS_Z)]

    vectors = [
        # IDENTITY
        valid("identity-emg-1ch", identity(
            0, EMG, 1000, INT16, 8, "LT1-000001", [(UPPER_CENTER, AXIS_NONE, 0.5)])),
        valid("identity-emg-2ch-corners", identity(
            1, EMG, 2000, INT16, 16, "LT2-A7",
            [(LEFT_CORNER, AXIS_NONE, 0.25), (RIGHT_CORNER, AXIS_NONE, 0.25)],
            firmware=(0, 9, 12), hardware=2)),
        valid("identity-emg-8ch-lip-int24-serial-16-chars", identity(
            65535, EMG, 2000, INT24, 16, "LT8-0123456789AB", emg8_lip,
            firmware=(2, 10, 255), hardware=3)),
        valid("identity-emg-8ch-cheek-eyelid-jaw", identity(
            300, EMG, 1000, INT16, 8, "LT8-SPREAD-02", emg8_spread, firmware=(1, 4, 0))),
        valid("identity-accel-3ch-xyz-left-jaw", identity(
            2, ACCELEROMETER, 100, INT16, 4, "LTA-3X-0042", accel_xyz, hardware=0)),
        valid("identity-accel-1ch-z-right-eyelid-int24", identity(
            256, ACCELEROMETER, 400, INT24, 32, "LTA-Z-7",
            [(RIGHT_EYELID, AXIS_Z, SCALE_2_POW_20)], firmware=(0, 0, 0), hardware=0)),
        valid("identity-accel-2ch-xy-right-cheek", identity(
            4097, ACCELEROMETER, 200, INT16, 10, "LTA-XY",
            [(RIGHT_CHEEK, AXIS_X, 0.0625), (RIGHT_CHEEK, AXIS_Y, 0.0625)])),
        valid("identity-emg-1ch-rate-4000-max-batch-255-serial-1-char", identity(
            32768, EMG, 4000, INT16, 255, "A", [(UNSPECIFIED, AXIS_NONE, SCALE_2_POW_24)],
            firmware=(255, 255, 255), hardware=255)),
        valid("identity-emg-1ch-rate-1", identity(
            7, EMG, 1, INT16, 1, "LT-SLOW", [(LEFT_EYELID, AXIS_NONE, 1.0)])),
        valid("identity-emg-4ch-lower-lip", identity(
            65534, EMG, 250, INT24, 20, "lt4~lower_lip",
            [(p, AXIS_NONE, 0.125) for p in (LOWER_LEFT, LOWER_CENTER, LOWER_RIGHT,
                                            UPPER_RIGHT)])),

        # SAMPLES: the README example, then formats, extremes, flags, wraps
        valid("samples-i16-2ch", samples(7, 100, 5000, 2, INT16, [1, -2, 3, -4, 5, -6])),
        valid("samples-i16-1ch-1-sample", samples(0, 0, 0, 1, INT16, [-1])),
        valid("samples-i16-extremes", samples(
            1, 16, 123456, 2, INT16,
            [-32768, 32767, 0, -1, 1, 256, -256, 255, -255, 32512, -32513, 128])),
        valid("samples-i24-extremes", samples(
            2, 48, 654321, 2, INT24,
            [-8388608, 8388607, 0, -1, 1, 65536, -65536, 256, -256, 8388352, -8388353, 32768])),
        valid("samples-i24-1ch-negative", samples(
            3, 5, 77, 1, INT24, [-5, -100000, -8388608, -70000, -1])),
        valid("samples-i16-8ch", samples(
            4, 160, 1000000, 8, INT16,
            [(i * 2731) % 65536 - 32768 for i in range(8 * 16)])),
        valid("samples-i24-8ch", samples(
            5, 320, 2000000, 8, INT24,
            [(i * 131071 + 8000000) % 16777216 - 8388608 for i in range(8 * 16)])),
        valid("samples-i24-8ch-41-samples-largest-int24", samples(
            6, 4096, 3000000, 8, INT24,
            values_from_bytes(pseudo_random_bytes(41 * 8 * 3, seed=24), INT24))),
        valid("samples-i16-1ch-count-255", samples(
            9, 255, 4000, 1, INT16,
            values_from_bytes(pseudo_random_bytes(255 * 2, seed=16), INT16))),
        valid("samples-all-zero-values", samples(10, 0, 0, 4, INT16, [0] * 64)),
        valid("samples-flags-lead-off", samples(11, 100, 20000, 1, INT16, [10, 20], flags=1)),
        valid("samples-flags-saturation", samples(
            12, 102, 22000, 1, INT16, [32767, 32767], flags=2)),
        valid("samples-flags-lead-off-and-saturation", samples(
            13, 104, 24000, 2, INT24, [8388607, -8388608, 0, 0], flags=3)),
        valid("samples-timestamp-near-wrap", samples(
            65535, 1000, 4294967290, 2, INT16, [100, -100, 200, -200])),
        valid("samples-first-sample-near-wrap", samples(
            0, 4294967280, 4294967295, 1, INT16, list(range(-8, 8)))),
        valid("samples-first-sample-max", samples(1, 4294967295, 12345, 3, INT24, [1, -2, 3])),

        # SAMPLES: the largest frame, and COBS block boundaries
        valid("samples-max-frame-1024-bytes-i16-2ch-251", samples(
            100, 50200, 4000000, 2, INT16,
            [[0, 256, -256, 1, -32768, 127, 0, 32767][i % 8] for i in range(2 * 251)])),
        valid("samples-max-frame-1024-bytes-no-zero-byte",
              expect_cobs_blocks(
                  zero_free_samples(0x0102, 2, INT16, 251, 3, 0x01020304, seed=1024),
                  lambda f, e: len(f) == 1024 and len(e) == 1029
                  and block_codes(e) == [255, 255, 255, 255, 9])),
        valid("samples-zero-free-508-bytes-two-full-blocks",
              expect_cobs_blocks(
                  zero_free_samples(0x0303, 2, INT16, 122, 1, 0x05060708, seed=508),
                  lambda f, e: len(f) == 508 and len(e) == 510
                  and block_codes(e) == [255, 255])),
        valid("samples-cobs-run-253-at-end",
              expect_cobs_blocks(
                  samples_with_tail_run(20, 253, 10000),
                  lambda f, e: block_codes(e)[-1] == 254 and e[-254] == 254)),
        valid("samples-cobs-run-254-at-end",
              expect_cobs_blocks(
                  samples_with_tail_run(21, 254, 20000),
                  lambda f, e: block_codes(e)[-1] == 255 and e[-255] == 255)),
        valid("samples-cobs-run-255-at-end",
              expect_cobs_blocks(
                  samples_with_tail_run(22, 255, 30000),
                  lambda f, e: block_codes(e)[-2:] == [255, 2])),
        valid("samples-cobs-run-254-then-zero",
              expect_cobs_blocks(
                  samples(23, 2000, 40000, 1, INT16,
                          values_from_bytes(b"\x00\x00" + pseudo_random_bytes(
                              254, seed=254, nonzero=True) + b"\x00\x01\x02\x03", INT16)),
                  lambda f, e: (255, 1) in zip(block_codes(e), block_codes(e)[1:]))),
        valid("samples-cobs-run-300-then-zero",
              expect_cobs_blocks(
                  samples(24, 3000, 50000, 3, INT16,
                          values_from_bytes(pseudo_random_bytes(300, seed=300, nonzero=True)
                                            + bytes(6), INT16)),
                  lambda f, e: (255, 47) in zip(block_codes(e), block_codes(e)[1:]))),

        # STATUS
        valid("status-battery-unknown-external-power", status(
            14, 1000000, 255, power=2)),
        valid("status-battery-0", status(15, 2000000, 0)),
        valid("status-battery-100-charging", status(16, 3000000, 100, power=1)),
        valid("status-charging-on-external-power", status(17, 4000000, 57, power=3)),
        valid("status-lead-off-and-saturation-masks", status(
            18, 5000000, 80, lead_off=0b10100101, saturation=0b00000010, overruns=3)),
        valid("status-all-masks-and-maxima", status(
            65535, 4294967295, 1, power=3, lead_off=255, saturation=255,
            overruns=4294967295)),

        # MARKER
        valid("marker-short-press", command(
            "marker", 19, timestamp_us=123456789, sample_index=246913, kind=1)),
        valid("marker-long-press", command(
            "marker", 20, timestamp_us=223456789, sample_index=446913, kind=2)),
        valid("marker-near-wrap", command(
            "marker", 0, timestamp_us=4294967295, sample_index=4294967295, kind=1)),

        # ACK
        valid("ack-start", command("ack", 21, command=CMD_START, command_seq=0)),
        valid("ack-stop", command("ack", 22, command=CMD_STOP, command_seq=65535)),
        valid("ack-set-rate", command("ack", 23, command=CMD_SET_RATE, command_seq=1234)),

        # ERROR, each code
        valid("error-malformed", command(
            "error", 24, command=CMD_PING, command_seq=7, code=1)),
        valid("error-unknown-command", command(
            "error", 25, command=0xFE, command_seq=8, code=2)),
        valid("error-unsupported-value", command(
            "error", 26, command=CMD_SET_RATE, command_seq=9, code=3)),
        valid("error-unsupported-version", command(
            "error", 27, command=CMD_START, command_seq=10, code=4)),
        valid("error-invalid-state", command(
            "error", 28, command=CMD_SET_RATE, command_seq=11, code=5)),
        valid("error-internal", command(
            "error", 65535, command=CMD_START, command_seq=65535, code=6)),

        # PONG
        valid("pong-nonce-0", command("pong", 29, nonce=0, timestamp_us=0)),
        valid("pong-nonce-max", command("pong", 30, nonce=0xFFFFFFFF, timestamp_us=4294967295)),
        valid("pong-nonce-pattern", command("pong", 1, nonce=0x12345678,
                                            timestamp_us=4294000000)),
    ]
    return vectors


# ---- Valid host-to-device vectors ------------------------------------------------------

def host_vectors():
    """Every host-to-device command."""
    return [
        valid("identify-host-max-1", command("identify", 0, host_max=1)),
        valid("identify-seq-65535", command("identify", 65535, host_max=1)),
        valid("start", command("start", 1)),
        valid("start-seq-0", command("start", 0)),
        valid("stop", command("stop", 2)),
        valid("stop-seq-65535", command("stop", 65535)),
        valid("set-rate-1000", command("set_rate", 3, rate=1000)),
        valid("set-rate-4000", command("set_rate", 4, rate=4000)),
        valid("set-rate-250", command("set_rate", 256, rate=250)),
        valid("ping-nonce-0", command("ping", 5, nonce=0)),
        valid("ping-nonce-max", command("ping", 6, nonce=0xFFFFFFFF)),
        valid("ping-nonce-pattern", command("ping", 40000, nonce=0x12345678)),
    ]


# ---- Invalid vectors -------------------------------------------------------------------

def flip_bit(frame, offset, bit):
    """`frame` with one bit flipped (the CRC is left as it was)."""
    altered = bytearray(frame)
    altered[offset] ^= 1 << bit
    return bytes(altered)


def with_crc(frame, crc_bytes):
    """`frame` with its 4 CRC bytes replaced."""
    return frame[:-CRC_SIZE] + crc_bytes


def bump_last_code(encoded):
    """An encoding whose last code byte points one byte past the end."""
    last = 0
    position = 0
    while position < len(encoded):
        last = position
        position += encoded[position]
    check(encoded[last] < 255, "last code can grow")
    altered = bytearray(encoded)
    altered[last] += 1
    return bytes(altered)


def set_first_code_past_end(encoded):
    """An encoding whose first code byte points one byte past the end."""
    check(len(encoded) + 1 <= 255, "short encoding")
    return bytes([len(encoded) + 1]) + encoded[1:]


def crc_vectors(direction, message, prefix):
    """CRC failures: payload bit flip, altered CRC, and common CRC mistakes."""
    frame = encode_message(message)
    body = frame[:-CRC_SIZE]
    payload = body[HEADER_SIZE:]
    return [
        invalid_frame(prefix + "-payload-bit-flip", direction, "crc",
                      flip_bit(frame, HEADER_SIZE + len(payload) // 2, 3)),
        invalid_frame(prefix + "-header-sequence-bit-flip", direction, "crc",
                      flip_bit(frame, 2, 0)),
        invalid_frame(prefix + "-crc-bit-flip", direction, "crc",
                      flip_bit(frame, len(frame) - 1, 7)),
        invalid_frame(prefix + "-crc-big-endian", direction, "crc",
                      with_crc(frame, struct.pack(">I", crc32c(body)))),
        invalid_frame(prefix + "-crc-of-payload-only", direction, "crc",
                      with_crc(frame, struct.pack("<I", crc32c(payload)))),
        invalid_frame(prefix + "-crc-without-final-xor", direction, "crc",
                      with_crc(frame, struct.pack("<I", crc32c(body, xorout=0)))),
        invalid_frame(prefix + "-crc-zero", direction, "crc", with_crc(frame, bytes(4))),
    ]


def invalid_device_vectors():
    """Device-to-host frames a host must reject, one reason each."""
    d = D2H
    a_status = status(50, 7000000, 90, power=1, lead_off=1, saturation=0, overruns=0)
    a_samples = samples(51, 800, 8000000, 2, INT16, [1, -1, 300, -300, 0, 32767])
    a_pong = command("pong", 52, nonce=0xCAFEBABE, timestamp_us=9000000)
    an_identity = identity(53, EMG, 1000, INT16, 8, "LT-BAD", [(UPPER_LEFT, AXIS_NONE, 0.5)])
    emg2 = identity(54, EMG, 1000, INT16, 8, "LT-BAD-2",
                    [(LEFT_CHEEK, AXIS_NONE, 0.5), (RIGHT_CHEEK, AXIS_NONE, 0.5)])
    zero_free_508 = zero_free_samples(0x0505, 2, INT16, 122, 2, 0x0A0B0C0D, seed=5080)
    oversize_frame = encode_message(zero_free_samples(0x0606, 5, INT24, 67, 1, 0x01010101,
                                                      seed=1025))

    vectors = crc_vectors(d, a_samples, "crc-d2h-samples")
    vectors += crc_vectors(d, a_status, "crc-d2h-status")[:2]
    vectors += [
        # COBS
        invalid_wire("encoding-d2h-last-code-past-end", d, "encoding",
                     bump_last_code(cobs_encode(encode_message(a_status)))),
        invalid_wire("encoding-d2h-first-code-past-end", d, "encoding",
                     set_first_code_past_end(cobs_encode(encode_message(a_pong)))),
        invalid_wire("encoding-d2h-truncated-255-block", d, "encoding",
                     cobs_encode(encode_message(zero_free_508))[:-1]),
        invalid_wire("encoding-d2h-lone-code-byte", d, "encoding", b"\x02"),
        # Runts
        invalid_wire("runt-d2h-empty", d, "runt", b"\x01"),
        invalid_frame("runt-d2h-7-bytes", d, "runt", encode_message(a_status)[:7]),
        invalid_frame("runt-d2h-header-and-3-crc-bytes", d, "runt",
                      build_frame(0x03, 55, b"")[:7]),
        # Oversize: 1030 non-zero encoded bytes (a 1025-byte frame with no zero)
        invalid_wire("oversize-d2h-1030-bytes", d, "oversize", cobs_encode(oversize_frame)),
        invalid_wire("oversize-d2h-2000-bytes", d, "oversize",
                     pseudo_random_bytes(2000, seed=2000, nonzero=True)),
        # Versions
        invalid_frame("unsupported-version-d2h-2-status", d, "unsupported-version",
                      encode_message(a_status, version=2)),
        invalid_frame("unsupported-version-d2h-0-samples", d, "unsupported-version",
                      encode_message(a_samples, version=0)),
        invalid_frame("unsupported-version-d2h-255-pong", d, "unsupported-version",
                      encode_message(a_pong, version=255)),
        invalid_frame("unsupported-version-d2h-2-short-payload", d, "unsupported-version",
                      with_payload(a_status, shorter_by(5), version=2)),
        # Unknown types
        invalid_frame("unknown-type-d2h-0x7e", d, "unknown-type",
                      build_frame(0x7E, 56, b"\x01\x02\x03\x04")),
        invalid_frame("unknown-type-d2h-0x08", d, "unknown-type",
                      build_frame(0x08, 57, encode_status(a_status))),
        invalid_frame("unknown-type-d2h-0x7f-empty", d, "unknown-type", build_frame(0x7F, 58, b"")),
        invalid_frame("unknown-type-d2h-reserved-0x00", d, "unknown-type",
                      build_frame(0x00, 59, b"\x00")),
        invalid_frame("unknown-type-d2h-host-identify-0x81", d, "unknown-type",
                      build_frame(CMD_IDENTIFY, 60, b"\x01")),
        invalid_frame("unknown-type-d2h-host-ping-0x85", d, "unknown-type",
                      build_frame(CMD_PING, 61, struct.pack("<I", 42))),
        invalid_frame("unknown-type-d2h-reserved-0x80", d, "unknown-type",
                      build_frame(0x80, 62, b"")),
        # Malformed: one byte short for each type
        invalid_frame("malformed-d2h-identity-1ch-short-by-1", d, "malformed",
                      with_payload(an_identity, shorter_by(1))),
        invalid_frame("malformed-d2h-identity-2ch-one-descriptor-missing", d, "malformed",
                      with_payload(emg2, shorter_by(CHANNEL_DESCRIPTOR_SIZE))),
        invalid_frame("malformed-d2h-identity-27-bytes", d, "malformed",
                      with_payload(an_identity, lambda p: p[:27])),
        invalid_frame("malformed-d2h-samples-short-by-1", d, "malformed",
                      with_payload(a_samples, shorter_by(1))),
        invalid_frame("malformed-d2h-samples-11-bytes", d, "malformed",
                      with_payload(a_samples, lambda p: p[:11])),
        invalid_frame("malformed-d2h-samples-i24-short-by-1-sample", d, "malformed",
                      with_payload(samples(63, 0, 0, 1, INT24, [1, 2, 3]), shorter_by(3))),
        invalid_frame("malformed-d2h-status-short-by-1", d, "malformed",
                      with_payload(a_status, shorter_by(1))),
        invalid_frame("malformed-d2h-marker-short-by-1", d, "malformed",
                      with_payload(command("marker", 64, timestamp_us=5, sample_index=6,
                                           kind=1), shorter_by(1))),
        invalid_frame("malformed-d2h-ack-short-by-1", d, "malformed",
                      with_payload(command("ack", 65, command=CMD_START, command_seq=3),
                                   shorter_by(1))),
        invalid_frame("malformed-d2h-error-short-by-1", d, "malformed",
                      with_payload(command("error", 66, command=CMD_SET_RATE, command_seq=4,
                                           code=3), shorter_by(1))),
        invalid_frame("malformed-d2h-pong-short-by-1", d, "malformed",
                      with_payload(a_pong, shorter_by(1))),
        invalid_frame("malformed-d2h-pong-empty", d, "malformed",
                      with_payload(a_pong, lambda p: b"")),
    ]

    # Malformed: a field out of range, the payload otherwise complete.
    out_of_range = [
        ("identity-channel-count-0", an_identity.replace(channels=0, ch=[])),
        ("identity-channel-count-9", an_identity.replace(
            channels=9, ch=[(p, AXIS_NONE, 0.5) for p in range(1, 10)])),
        ("identity-sensor-kind-0", an_identity.replace(kind=0)),
        ("identity-sensor-kind-3", an_identity.replace(kind=3)),
        ("identity-sample-rate-0", an_identity.replace(rate=0)),
        ("identity-sample-rate-4001", an_identity.replace(rate=4001)),
        ("identity-sample-format-0", an_identity.replace(format=0)),
        ("identity-sample-format-3", an_identity.replace(format=3)),
        ("identity-max-batch-0", an_identity.replace(max_batch=0)),
        ("identity-serial-empty", an_identity.replace(serial="")),
        ("identity-serial-control-char", an_identity.replace(serial="LT\x1f01")),
        ("identity-serial-del-char", an_identity.replace(serial="LT\x7f01")),
        ("identity-axis-4", an_identity.replace(ch=[(UPPER_LEFT, 4, 0.5)])),
        ("identity-scale-zero", an_identity.replace(ch=[(UPPER_LEFT, AXIS_NONE, 0.0)])),
        ("identity-scale-negative-zero", an_identity.replace(ch=[(UPPER_LEFT, AXIS_NONE, -0.0)])),
        ("identity-scale-negative", an_identity.replace(ch=[(UPPER_LEFT, AXIS_NONE, -0.5)])),
        ("identity-scale-infinity", an_identity.replace(
            ch=[(UPPER_LEFT, AXIS_NONE, float("inf"))])),
        ("identity-scale-nan", an_identity.replace(ch=[(UPPER_LEFT, AXIS_NONE, float("nan"))])),
        ("identity-second-channel-scale-negative", emg2.replace(
            ch=[(LEFT_CHEEK, AXIS_NONE, 0.5), (RIGHT_CHEEK, AXIS_NONE, -2.0)])),
        ("samples-count-0", a_samples.replace(count=0, values=[])),
        ("samples-channel-count-0", a_samples.replace(channels=0, values=[])),
        ("samples-channel-count-9", a_samples.replace(channels=9, count=1,
                                                      values=list(range(9)))),
        ("samples-format-0", a_samples.replace(format=0)),
        ("samples-format-3", a_samples.replace(format=3)),
        ("status-battery-101", a_status.replace(battery=101)),
        ("status-battery-254", a_status.replace(battery=254)),
        ("marker-kind-0", command("marker", 67, timestamp_us=1, sample_index=2, kind=0)),
        ("marker-kind-3", command("marker", 68, timestamp_us=1, sample_index=2, kind=3)),
    ]
    vectors += [invalid_frame("malformed-d2h-" + name, d, "malformed", encode_message(m))
                for name, m in out_of_range]
    return vectors


def invalid_host_vectors():
    """Host-to-device frames a device must reject, one reason each."""
    h = H2D
    a_ping = command("ping", 70, nonce=0xDEADBEEF)
    a_set_rate = command("set_rate", 71, rate=1000)
    an_identify = command("identify", 72, host_max=1)
    a_start = command("start", 73)
    oversize = first_that(
        (build_frame(CMD_PING, 0x0707, struct.pack("<I", nonce)
                     + pseudo_random_bytes(1013, seed=1013, nonzero=True))
         for nonce in nonzero_u32(0x01020304)), all, "zero-free long ping")
    check(len(oversize) == 1025, "1025-byte frame")

    vectors = crc_vectors(h, a_ping, "crc-h2d-ping")
    vectors += crc_vectors(h, a_set_rate, "crc-h2d-set-rate")[:1]
    vectors += [
        invalid_frame("crc-h2d-start-header-bit-flip", h, "crc",
                      flip_bit(encode_message(a_start), 1, 0)),
        # COBS
        invalid_wire("encoding-h2d-last-code-past-end", h, "encoding",
                     bump_last_code(cobs_encode(encode_message(a_ping)))),
        invalid_wire("encoding-h2d-first-code-past-end", h, "encoding",
                     set_first_code_past_end(cobs_encode(encode_message(an_identify)))),
        invalid_wire("encoding-h2d-short-255-block", h, "encoding",
                     b"\xff" + pseudo_random_bytes(20, seed=20, nonzero=True)),
        invalid_wire("encoding-h2d-lone-code-byte", h, "encoding", b"\x02"),
        # Runts
        invalid_wire("runt-h2d-empty", h, "runt", b"\x01"),
        invalid_frame("runt-h2d-7-bytes", h, "runt", encode_message(a_ping)[:7]),
        invalid_frame("runt-h2d-start-missing-crc-byte", h, "runt", encode_message(a_start)[:7]),
        invalid_frame("runt-h2d-single-zero-byte", h, "runt", b"\x00"),
        # Oversize
        invalid_wire("oversize-h2d-1030-bytes", h, "oversize", cobs_encode(oversize)),
        invalid_wire("oversize-h2d-1500-bytes", h, "oversize",
                     pseudo_random_bytes(1500, seed=1500, nonzero=True)),
        # Versions
        invalid_frame("unsupported-version-h2d-2-ping", h, "unsupported-version",
                      encode_message(a_ping, version=2)),
        invalid_frame("unsupported-version-h2d-2-identify", h, "unsupported-version",
                      encode_message(command("identify", 74, host_max=2), version=2)),
        invalid_frame("unsupported-version-h2d-0-start", h, "unsupported-version",
                      encode_message(a_start, version=0)),
        # Unknown types
        invalid_frame("unknown-type-h2d-0xfe", h, "unknown-type", build_frame(0xFE, 75, b"")),
        invalid_frame("unknown-type-h2d-0x86", h, "unknown-type",
                      build_frame(0x86, 76, b"\x01\x02")),
        invalid_frame("unknown-type-h2d-0xff", h, "unknown-type",
                      build_frame(0xFF, 77, b"\xff\xff\xff\xff")),
        invalid_frame("unknown-type-h2d-reserved-0x80", h, "unknown-type",
                      build_frame(0x80, 78, b"")),
        invalid_frame("unknown-type-h2d-device-samples-0x02", h, "unknown-type",
                      encode_message(samples(79, 0, 0, 1, INT16, [1, 2]))),
        invalid_frame("unknown-type-h2d-device-identity-0x01", h, "unknown-type",
                      encode_message(identity(80, EMG, 1000, INT16, 8, "LT-X",
                                              [(UPPER_LEFT, AXIS_NONE, 0.5)]))),
        invalid_frame("unknown-type-h2d-device-pong-0x07", h, "unknown-type",
                      encode_message(command("pong", 81, nonce=1, timestamp_us=2))),
        invalid_frame("unknown-type-h2d-reserved-0x00", h, "unknown-type",
                      build_frame(0x00, 82, b"")),
        # Malformed: payload too short
        invalid_frame("malformed-h2d-identify-empty", h, "malformed",
                      with_payload(an_identify, shorter_by(1))),
        invalid_frame("malformed-h2d-set-rate-short-by-1", h, "malformed",
                      with_payload(a_set_rate, shorter_by(1))),
        invalid_frame("malformed-h2d-set-rate-empty", h, "malformed",
                      with_payload(a_set_rate, shorter_by(2))),
        invalid_frame("malformed-h2d-ping-short-by-1", h, "malformed",
                      with_payload(a_ping, shorter_by(1))),
        invalid_frame("malformed-h2d-ping-empty", h, "malformed",
                      with_payload(a_ping, lambda p: b"")),
    ]
    return vectors


# --------------------------------------------------------------------------------------
# Self-check of every vector, and output
# --------------------------------------------------------------------------------------

# Valid identities exempt from the §8/§9 rule "a streaming device sends a frame at least
# every 100 ms" (max_batch / sample_rate_hz < 100 ms): below 10 Hz no max_batch can meet it
# (see the report), yet sample_rate_hz 1 is in the valid range of §6.1.
RATE_RULE_EXEMPT = {"identity-emg-1ch-rate-1"}


def check_good_device(vector):
    """Extra checks that a valid message is valid under every reading of the spec."""
    m = vector.message
    if m.name == "identity":
        check(m.protocol == (1, 0), "identity speaks 1.0")
        per_frame = SAMPLES_FIXED_SIZE + m.max_batch * m.channels * SAMPLE_SIZE[m.format]
        check(per_frame <= MAX_PAYLOAD, "max_batch fits 1024 bytes: " + vector.name)
        if vector.name not in RATE_RULE_EXEMPT:
            check(m.max_batch * 10 < m.rate, "batch period under 100 ms: " + vector.name)
        for placement, axis, _ in m.ch:
            check(0 <= placement <= 14, "known placement")
            check((axis == 0) == (m.kind == EMG), "EMG has axis 0, accelerometer 1..3")
    if m.name == "samples":
        check(m.flags & ~3 == 0, "flags: only bits 0 and 1")
    if m.name == "status":
        check(m.power & ~3 == 0, "power_flags: only bits 0 and 1")
    if m.name == "ack":
        check(m.command in (CMD_START, CMD_STOP, CMD_SET_RATE), "ack of 0x82..0x84")
    if m.name == "error":
        check(m.code in ERROR_CODES, "known error code")
    if m.name == "identify":
        check(m.host_max == 1, "host_max 1")
    if m.name == "set_rate":
        check(1 <= m.rate <= 4000, "rate in the identity's range")


def check_vector(vector):
    """Receive the vector's frame as §2.4 says and compare with what the vector states."""
    check(vector.wire[-1] == 0 and 0 not in vector.wire[:-1], "one 0x00, at the end")
    candidate = vector.wire[:-1]
    verdict = receive(candidate, vector.direction)
    if vector.invalid == "oversize":
        check(len(candidate) > MAX_ENCODED, "oversize is over 1029 bytes")
    else:
        check(len(candidate) <= MAX_ENCODED, "encoded frame <= 1029 bytes: " + vector.name)
        if vector.invalid != "encoding":
            check(len(cobs_decode(candidate)) <= MAX_FRAME, "frame <= 1024 bytes")
            check(cobs_encode(cobs_decode(candidate)) == candidate
                  or vector.invalid is not None, "canonical COBS")
    if vector.invalid:
        check(verdict == ("invalid", vector.invalid),
              "%s: expected %s, receiver says %r" % (vector.name, vector.invalid, verdict))
        return
    check(verdict[0] == "message", "%s: receiver says %r" % (vector.name, verdict))
    decoded = verdict[1]
    check(decoded == vector.message, "%s: decoded %r" % (vector.name, decoded))
    frame = cobs_decode(candidate)
    check(len(frame) - MIN_FRAME == required_payload_size(vector.message),
          "payload has exactly the required size: " + vector.name)
    check(crc32c(frame[:-CRC_SIZE]) == struct.unpack("<I", frame[-CRC_SIZE:])[0], "CRC")
    text = format_message(vector.message)
    reparsed = parse_message(text)
    check(reparsed == vector.message, "%s: canonical text parses back" % vector.name)
    check(wire(encode_message(reparsed)) == vector.wire, "text re-encodes to the frame")
    check_good_device(vector)


# The example of README.md, word for word: pins the canonical field order and spelling
# to the README independently of the MESSAGE_TYPES table.
README_EXAMPLE = ("samples-i16-2ch", "samples seq=7 first_sample=100 timestamp_us=5000 count=3 "
                  "channels=2 format=1 flags=0 values=1,-2,3,-4,5,-6")


def check_all(vectors):
    """Names unique and well formed; every vector checked; every reason covered."""
    example = [v for v in vectors if v.name == README_EXAMPLE[0]]
    check(len(example) == 1 and format_message(example[0].message) == README_EXAMPLE[1],
          "the README example is reproduced exactly")
    names = [v.name for v in vectors]
    check(len(names) == len(set(names)), "names are unique")
    for name in names:
        parts = name.split("-")
        check(all(p and all(c in "abcdefghijklmnopqrstuvwxyz0123456789" for c in p)
                  for p in parts), "name %r is lowercase, '-' separated" % name)
    for vector in vectors:
        check_vector(vector)
    reasons = {"crc", "encoding", "runt", "oversize", "unsupported-version", "unknown-type",
               "malformed"}
    for direction in (D2H, H2D):
        covered = {v.invalid for v in vectors if v.direction == direction and v.invalid}
        check(covered == reasons, "every invalid reason in " + direction)
    covered_types = {v.message.name for v in vectors if v.message}
    check(covered_types == set(MESSAGE_TYPES), "every message type")
    check(all(any(v.message and v.message.name == "error" and v.message.code == code
                  for v in vectors) for code in ERROR_CODES), "every error code")


def summary(vectors):
    """Counts for the header comment and for stderr."""
    lines = []
    for direction in (D2H, H2D):
        mine = [v for v in vectors if v.direction == direction]
        good = sum(1 for v in mine if v.message)
        lines.append("%s: %d valid, %d invalid" % (direction, good, len(mine) - good))
    return lines


HEADER = """\
# LipTwitch wire protocol 1.0: test vectors (wire frames and the messages they decode to).
# Generated by generate.py, a reference encoder written from ../PROTOCOL.md alone;
# do not edit by hand. Regenerate only on purpose, after a change to the protocol:
#     python3 Firmware-Protocol/vectors/generate.py > Firmware-Protocol/vectors/vectors.txt
# Format: see vectors/README.md (Firmware-Protocol/vectors/README.md).
"""


def main():
    self_check_crc32c()
    self_check_cobs()
    vectors = (device_vectors() + host_vectors()
               + invalid_device_vectors() + invalid_host_vectors())
    check_all(vectors)
    counts = summary(vectors)
    out = HEADER + "".join("# %s\n" % line for line in counts)
    out += "".join("\n" + v.text() for v in vectors)
    sys.stdout.write(out)
    sys.stderr.write("generate.py: %d vectors, self-checks passed (%s)\n"
                     % (len(vectors), "; ".join(counts)))


if __name__ == "__main__":
    main()
