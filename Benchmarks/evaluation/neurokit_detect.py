#!/usr/bin/env python3
"""Runs NeuroKit2's EMG activation detection on a LipTwitch CSV recording and writes the
activations it finds, for score.py to score with the same rules as LipTwitch.

usage: neurokit_detect.py IN.csv OUT.json --mains HZ [--variants A,B,...]
As a module: `detect(csv_path, mains, variants)` returns what the script writes (the
evaluation calls it in its own process, to import NeuroKit2 once, not once a recording).

Variants (all NeuroKit2 0.2.13, its own functions and defaults unless said):
  default        nk.emg_process's pipeline: emg_clean (biosppy: 4th-order Butterworth
                 high-pass at 100 Hz, zero phase), emg_amplitude (Teager-Kaiser energy,
                 then a linear envelope), emg_activation method "threshold" (1/10 of the
                 amplitude's standard deviation), minimum duration 50 ms.
  threshold+notch, mixture+notch, biosppy+notch, silva+notch
                 the same after nk.signal_filter(method="powerline") at the recording's
                 mains frequency (which we tell it), with emg_activation's methods
                 "threshold", "mixture" (Gaussian mixture, probability 0.33), "biosppy"
                 (moving average of the rectified signal against 1.2 x its mean) and
                 "silva" (adaptive threshold), each with its default parameters.

For a recording with an accelerometer (ax_g, ay_g, az_g) NeuroKit2 has no method; we give
it the fairest adaptation we know: each axis band-passed to the twitch band (6-40 Hz,
nk.signal_filter, Butterworth order 4), their Euclidean norm as the "cleaned EMG", and
emg_amplitude / emg_activation on that as above (no notch: no mains on an accelerometer).

emg_process and emg_activation finish by formatting per-sample DataFrames in a Python
loop, minutes for a long file; this script calls the steps before that loop (emg_clean,
emg_amplitude, and emg_activation's own _emg_activation_<method> and
_emg_activation_activations), whose onsets and offsets are exactly what emg_process
reports in its info dict.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import neurokit2 as nk
import importlib

activation_module = importlib.import_module("neurokit2.emg.emg_activation")


def activations(amplitude, cleaned, rate, method):
    """Onsets and offsets (sample indices) of emg_activation's `method`."""
    if method == "threshold":
        activity = activation_module._emg_activation_threshold(amplitude)
    elif method == "mixture":
        activity = activation_module._emg_activation_mixture(amplitude)
    elif method == "biosppy":
        activity = activation_module._emg_activation_biosppy(cleaned, sampling_rate=rate)
    elif method == "silva":
        activity = activation_module._emg_activation_silva(cleaned)
    else:
        raise ValueError(method)
    info = activation_module._emg_activation_activations(activity, duration_min=int(0.05 * rate))
    return np.asarray(info["EMG_Onsets"], dtype=float), np.asarray(info["EMG_Offsets"], dtype=float)


def detect(csv_path, mains, variants):
    """The activations of each EMG variant in `variants` (names as in the list above); on an
    accelerometer recording its variants are the methods alone, "default" and each method
    named (with or without "+notch")."""
    table = pd.read_csv(csv_path, comment="#")
    rate = float(round(1 / np.median(np.diff(table["time_s"].to_numpy()[:2001]))))
    columns = [name for name in table.columns if name != "time_s"]
    accelerometer = any(name.endswith("_g") for name in columns)
    result = {"sample_rate_hz": rate, "accelerometer": accelerometer, "variants": {}}

    if accelerometer:
        axes = [nk.signal_filter(table[name].to_numpy(), sampling_rate=rate, lowcut=6, highcut=40,
                                 method="butterworth", order=4) for name in columns]
        base = np.sqrt(np.sum(np.square(axes), axis=0))
        prepared = {"default": base}
        variants = list(dict.fromkeys(variant.split("+")[0] for variant in variants))
    else:
        raw = table[columns[0]].to_numpy()
        prepared = {"default": raw}

    for variant in variants:
        started = time.process_time()
        if accelerometer:
            cleaned = prepared["default"]
            method = "threshold" if variant == "default" else variant
        else:
            method = "threshold" if variant == "default" else variant.split("+")[0]
            signal = prepared["default"]
            if variant.endswith("+notch"):
                signal = nk.signal_filter(signal, sampling_rate=rate, method="powerline", powerline=mains)
            cleaned = nk.emg_clean(signal, sampling_rate=rate)
        amplitude = nk.emg_amplitude(cleaned)
        try:
            onsets, offsets = activations(amplitude, cleaned, rate, method)
        except (ValueError, IndexError) as error:  # a threshold above the maximum; silva with no onset
            print(f"neurokit_detect: {variant} found nothing ({error})", file=sys.stderr)
            onsets, offsets = np.array([]), np.array([])
        result["variants"][variant] = {
            "onsets_s": (onsets / rate).round(4).tolist(),
            "offsets_s": (offsets / rate).round(4).tolist(),
            "cpu_s": round(time.process_time() - started, 3),
        }
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("csv")
    parser.add_argument("out")
    parser.add_argument("--mains", type=float, default=50)
    parser.add_argument("--variants", default="default,threshold+notch,mixture+notch,biosppy+notch,silva+notch")
    arguments = parser.parse_args()
    result = detect(arguments.csv, arguments.mains, arguments.variants.split(","))
    with open(arguments.out, "w") as out:
        json.dump(result, out)


if __name__ == "__main__":
    main()
