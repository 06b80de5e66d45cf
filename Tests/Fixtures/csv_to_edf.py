#!/usr/bin/env python3
"""Writes a LipTwitch CSV recording as an EDF+ file with pyedflib (a third-party EDF
library), so that a test can check that the EDF and the CSV of the same signal give the
same results.

usage: csv_to_edf.py IN.csv OUT.edf [--annotation ONSET_S DURATION_S TEXT]...

The CSV is what `liptwitch analyze` reads (docs/RECORDINGS.md): a time_s column, then
channel columns named with their unit (_uv, _mv, _g, _ms2). Each channel becomes an EDF
signal labelled with the column name without its unit, in that unit (uV, mV, g, m/s2),
with a physical range of ±(its largest magnitude, rounded up to three significant digits)
and 16-bit digital values: one quantization step is that range / 65535. The sample rate is the whole number nearest to 1 / median time step.
Data records last 1 s; the last partial second is not written (EDF holds whole records).
Prints the number of samples written per channel.
"""
import argparse

import numpy as np
import pyedflib

UNITS = {"_uv": "uV", "_mv": "mV", "_g": "g", "_ms2": "m/s2"}


def symmetric_bound(values):
    """The largest magnitude in `values`, rounded up to three significant digits, so that
    the range fits the header's 8 characters without cutting off the extremes."""
    largest = float(np.max(np.abs(values)))
    if largest == 0:
        return 1.0
    unit = 10.0 ** (np.floor(np.log10(largest)) - 2)
    return float(np.ceil(largest / unit) * unit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv")
    parser.add_argument("edf")
    parser.add_argument("--annotation", nargs=3, action="append", default=[], metavar=("ONSET_S", "DURATION_S", "TEXT"))
    arguments = parser.parse_args()

    with open(arguments.csv) as source:
        lines = [line for line in source if line.strip() and not line.lstrip().startswith("#")]
    names = [name.strip().lower() for name in lines[0].split(",")]
    table = np.array([[float(field) for field in line.split(",")] for line in lines[1:]])
    rate = int(round(1 / np.median(np.diff(table[:, 0]))))
    count = (len(table) // rate) * rate

    headers = []
    for name in names[1:]:
        suffix = next(s for s in UNITS if name.endswith(s))
        headers.append({
            "label": name[: -len(suffix)], "dimension": UNITS[suffix], "sample_frequency": rate,
            "digital_min": -32768, "digital_max": 32767, "transducer": "", "prefilter": "",
        })
    data = [np.ascontiguousarray(table[:count, column]) for column in range(1, len(names))]
    for header, values in zip(headers, data):
        header["physical_min"], header["physical_max"] = -symmetric_bound(values), symmetric_bound(values)

    writer = pyedflib.EdfWriter(arguments.edf, len(headers), file_type=pyedflib.FILETYPE_EDFPLUS)
    writer.setSignalHeaders(headers)
    for onset, duration, text in arguments.annotation:
        writer.writeAnnotation(float(onset), float(duration), text)
    writer.writeSamples(data)
    writer.close()
    print(count)


if __name__ == "__main__":
    main()
