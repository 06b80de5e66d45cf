#!/usr/bin/env python3
"""Writes EDF and EDF+ recordings with pyedflib (a third-party EDF library) for the
LipTwitch recording tests, and beside each one the truth the Swift test checks against.

usage: write_edf.py OUTPUT_DIRECTORY

For every case NAME it writes:
  NAME.edf   the recording, written by pyedflib
  NAME.csv   the same samples in physical units as LipTwitch CSV (time_s, one column per
             channel with its unit suffix): the values the script wrote (signals
             LipTwitch does not read, such as a temperature, are left out)
  NAME.json  the truth: sample rate, channels (label, quantity, the file's unit), the
             quantization step of each channel in the file's unit, the start time and
             the annotations

Signals are seeded (numpy's default_rng with a fixed seed per case), so every run writes
the same files.
"""
import json
import os
import sys
import warnings
from datetime import datetime

import numpy as np
import pyedflib

STANDARD_GRAVITY = 9.80665


def emg(rng, count, rate, amplitude_uv):
    """Noise plus a few 80 ms bursts: something that looks like lip EMG."""
    signal = rng.normal(0.0, amplitude_uv / 10, count)
    for start in rng.integers(0, max(1, count - int(0.08 * rate)), 3):
        length = int(0.08 * rate)
        signal[start:start + length] += amplitude_uv * np.sin(np.arange(length) * 2 * np.pi * 120 / rate)
    return signal


def acceleration(rng, count, rate, gravity_share):
    """Gravity on this axis plus a small 10 Hz wobble, in g."""
    t = np.arange(count) / rate
    return gravity_share + 0.02 * np.sin(2 * np.pi * 10 * t) + rng.normal(0.0, 0.002, count)


def write_case(directory, name, *, file_type, rate, record_duration, records, channels, annotations, seed):
    """channels: list of (label, quantity, unit, physical_min, physical_max, column, generator)."""
    rng = np.random.default_rng(seed)
    count = int(round(rate * record_duration * records))
    data = [make(rng, count, rate) for (*_, make) in channels]
    path = os.path.join(directory, name + ".edf")
    writer = pyedflib.EdfWriter(path, len(channels), file_type=file_type)
    start = datetime(2024, 3, 5, 22, 41, 7)
    writer.setStartdatetime(start)
    headers = []
    for label, _quantity, unit, physical_min, physical_max, _column, _make in channels:
        headers.append({
            "label": label, "dimension": unit, "sample_frequency": rate,
            "physical_min": physical_min, "physical_max": physical_max,
            "digital_min": -32768, "digital_max": 32767, "transducer": "", "prefilter": "",
        })
    writer.setSignalHeaders(headers)
    if record_duration != 1:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "forcing a record duration": intended here
            writer.setDatarecordDuration(record_duration)
    for onset, duration, text in annotations:
        writer.writeAnnotation(onset, duration, text)
    writer.writeSamples([np.clip(d, h["physical_min"], h["physical_max"]) for d, h in zip(data, headers)])
    writer.close()

    analysable = [index for index, channel in enumerate(channels) if channel[1] != "skip"]
    with open(os.path.join(directory, name + ".csv"), "w") as csv:
        csv.write("time_s," + ",".join(channels[c][5] for c in analysable) + "\n")
        for index in range(count):
            values = ",".join(repr(float(data[c][index])) for c in analysable)
            csv.write(f"{index / rate!r},{values}\n")

    truth = {
        "sampleRateHz": rate,
        "sampleCount": count,
        "channels": [
            {"label": label, "quantity": quantity, "unit": unit,
             "step": (physical_max - physical_min) / 65535}
            for label, quantity, unit, physical_min, physical_max, _column, _make in channels
            if quantity != "skip"
        ],
        "startTime": [start.year, start.month, start.day, start.hour, start.minute, start.second],
        "annotations": [
            {"onsetSeconds": onset, "durationSeconds": duration if duration >= 0 else None, "text": text}
            for onset, duration, text in annotations
        ],
    }
    with open(os.path.join(directory, name + ".json"), "w") as out:
        json.dump(truth, out, indent=1)


def main():
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    ms2 = lambda share: (lambda rng, count, rate: acceleration(rng, count, rate, share) * STANDARD_GRAVITY)
    # EDF+: two EMG channels in uV, three accelerometer axes in g, annotations.
    write_case(
        directory, "emg_accel_plus", file_type=pyedflib.FILETYPE_EDFPLUS, rate=1000, record_duration=1, records=5,
        channels=[
            ("EMG upper", "emg", "uV", -2000, 2000, "emg_upper_uv", lambda r, n, f: emg(r, n, f, 300)),
            ("EMG lower", "emg", "uV", -2000, 2000, "emg_lower_uv", lambda r, n, f: emg(r, n, f, 150)),
            ("Acc X", "x", "g", -4, 4, "ax_g", lambda r, n, f: acceleration(r, n, f, 0.0)),
            ("Acc Y", "y", "g", -4, 4, "ay_g", lambda r, n, f: acceleration(r, n, f, 0.3)),
            ("Acc Z", "z", "g", -4, 4, "az_g", lambda r, n, f: acceleration(r, n, f, 0.95)),
        ],
        annotations=[(0.5, -1, "start"), (1.25, 0.1, "twitch"), (2.5, 0.75, "lip press"), (4.0, -1, "talking, über")],
        seed=1,
    )
    # Plain EDF (no annotations): EMG in mV, acceleration in m/s2.
    write_case(
        directory, "plain_mv_ms2", file_type=pyedflib.FILETYPE_EDF, rate=500, record_duration=1, records=4,
        channels=[
            ("EMG", "emg", "mV", -5, 5, "emg_mv", lambda r, n, f: emg(r, n, f, 0.4)),
            ("ACC_Z", "z", "m/s2", -40, 40, "acc_z_ms2", ms2(1.0)),
        ],
        annotations=[],
        seed=2,
    )
    # EDF+ with a data record of 0.1 s (not whole seconds).
    write_case(
        directory, "short_records", file_type=pyedflib.FILETYPE_EDFPLUS, rate=2000, record_duration=0.1, records=12,
        channels=[("EMG", "emg", "uV", -1000, 1000, "emg_uv", lambda r, n, f: emg(r, n, f, 200))],
        annotations=[(0.35, 0.05, "twitch")],
        seed=3,
    )
    # EDF+ with a signal LipTwitch does not read (temperature) beside the EMG.
    write_case(
        directory, "with_temperature", file_type=pyedflib.FILETYPE_EDFPLUS, rate=250, record_duration=1, records=2,
        channels=[
            ("EMG", "emg", "uV", -1000, 1000, "emg_uv", lambda r, n, f: emg(r, n, f, 200)),
            ("Temp", "skip", "degC", 20, 40, "temp_skip", lambda r, n, f: 33 + 0 * np.arange(n)),
        ],
        annotations=[],
        seed=4,
    )


if __name__ == "__main__":
    main()
