#!/usr/bin/env python3
"""The baseline of the "analyze 8 h EDF" goal (BENCHMARKS.md, "Performance goals"):

  edf_baseline.py write-edf RECORDING.csv RECORDING.edf
      writes the CSV's first channel (µV) as a plain EDF file (16-bit, 0.5 µV a step,
      1-s records), with numpy only, so that `liptwitch analyze` and the baseline read
      the same samples;
  edf_baseline.py sosfilt RECORDING.edf
      reads the EDF's samples into memory, then times one 8th-order Butterworth band-pass,
      20 to 450 Hz (scipy.signal.butter(4, ..., output="sos"): four second-order sections),
      run over them with scipy.signal.sosfilt in float64; prints its CPU seconds (the
      process's user + system time around the call alone) and the sample count.
"""
import resource
import sys

import numpy as np


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def field(text, width):
    encoded = text.encode("ascii")[:width]
    return encoded + b" " * (width - len(encoded))


def write_edf(csv_path, edf_path):
    """Streams the CSV into 1-s records at 0.5 µV a step (±16 mV), the header written last."""
    gain, digital = 0.5, (-32768, 32767)
    physical = (digital[0] * gain, digital[1] * gain)
    samples, rate, leftover = 0, None, np.empty(0, dtype="<i2")
    with open(csv_path, "rb") as source, open(edf_path, "wb") as target:
        header = source.readline().decode().strip().split(",")
        target.seek(512)
        while True:
            chunk = source.read(64 << 20)
            if not chunk:
                break
            text = (chunk + source.readline()).replace(b"\n", b",").rstrip(b",")
            table = np.fromstring(text, sep=",").reshape(-1, len(header))
            if rate is None:
                rate = int(round(1 / np.median(np.diff(table[:1000, 0]))))
            values = np.clip(np.round(table[:, 1] / gain), *digital).astype("<i2")
            values = np.concatenate([leftover, values])
            whole = len(values) // rate * rate
            values[:whole].tofile(target)
            leftover = values[whole:]
            samples += whole
        records = samples // rate
        fixed = (field("0", 8) + field("X X X X", 80) + field("Startdate X X X X", 80) + field("01.01.25", 8)
                 + field("00.00.00", 8) + field(str(256 * 2), 8) + field("", 44) + field(str(records), 8)
                 + field("1", 8) + field("1", 4))
        signal = (field(header[1], 16) + field("surface EMG", 80) + field("uV", 8) + field(f"{physical[0]:.1f}", 8)
                  + field(f"{physical[1]:.1f}", 8) + field(str(digital[0]), 8) + field(str(digital[1]), 8)
                  + field("", 80) + field(str(rate), 8) + field("", 32))
        target.seek(0)
        target.write(fixed + signal)
    print(f"{samples} samples at {rate} Hz in {records} records")


def read_edf(edf_path):
    with open(edf_path, "rb") as source:
        fixed = source.read(256)
        signals = int(fixed[252:256])
        headers = source.read(256 * signals)
        assert signals == 1, "one signal expected"
        physical = float(headers[104:112]), float(headers[112:120])
        digital = float(headers[120:128]), float(headers[128:136])
        digital_values = np.fromfile(source, dtype="<i2")
    gain = (physical[1] - physical[0]) / (digital[1] - digital[0])
    return (digital_values - digital[0]) * gain + physical[0]


def sosfilt(edf_path):
    from scipy import signal

    samples = read_edf(edf_path)
    sos = signal.butter(4, [20, 450], btype="bandpass", fs=2000, output="sos")
    start = cpu_seconds()
    filtered = signal.sosfilt(sos, samples)
    elapsed = cpu_seconds() - start
    print(f"{elapsed:.3f} s CPU, {len(samples)} samples, {filtered[-1]:.3e}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["write-edf"] and len(sys.argv) == 4:
        write_edf(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["sosfilt"] and len(sys.argv) == 3:
        sosfilt(sys.argv[2])
    else:
        sys.exit(__doc__)
