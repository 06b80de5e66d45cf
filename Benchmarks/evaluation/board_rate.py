#!/usr/bin/env python3
"""The detector at a board's rate (BENCHMARKS.md, "Detector at 250 Hz"): the same generated
recordings at 1 kHz and brought down to 250 Hz, as an OpenBCI Cyton streams (four samples
averaged into one, as the simulated Cyton does), through `liptwitch analyze` without a
profile, scored by score.py; the table goes into BENCHMARKS.md between its markers.

usage: board_rate.py --liptwitch BIN --work DIR [--benchmarks BENCHMARKS.md] [--seeds N] [--jobs N]
(scripts/evaluate-board-rate runs it with the release build).
"""
import argparse
import concurrent.futures
import os
import sys

import score as scoring
from evaluate import run, spread, variation_arguments

# The EMG families of the varied evaluation a lip board meets, 5 minutes each (talking and
# chewing 10), on the `tuning` variation's seeds.
FAMILIES = [("clean", 300), ("clusters", 300), ("near-floor", 300), ("talking-chewing", 600), ("tremor", 300),
            ("hum-50", 300)]
SOURCE_RATE = 1000
FACTOR = 4
BEGIN = "<!-- detector-board-rate:begin (scripts/evaluate-board-rate writes this part) -->"
END = "<!-- detector-board-rate:end -->"


def downsample(source, target, factor):
    """`source`'s one-channel CSV with every `factor` samples averaged into one, timed at
    the first of them."""
    with open(source) as lines, open(target, "w") as out:
        out.write(lines.readline())
        block = []
        for line in lines:
            time_s, value = line.rstrip("\n").split(",")
            block.append((time_s, float(value)))
            if len(block) == factor:
                out.write(f"{block[0][0]},{sum(v for _, v in block) / factor:.3f}\n")
                block = []


def job(liptwitch, work, scenario, seconds, seed):
    """One recording at both rates: {rate: score}."""
    base = os.path.join(work, f"{scenario}-{seed}")
    run([liptwitch, "generate", "--scenario", scenario, "--duration", str(seconds), "--seed", str(seed),
         "--rate", str(SOURCE_RATE), "--out", base + "-1000.csv"] + variation_arguments("tuning"))
    truth = scoring.read_truth(base + "-1000.truth.json")
    downsample(base + "-1000.csv", base + "-250.csv", FACTOR)
    low_truth = dict(truth, sample_rate_hz=SOURCE_RATE // FACTOR, sample_count=truth["sample_count"] // FACTOR)
    scores = {}
    for rate, truth_at_rate in ((SOURCE_RATE, truth), (SOURCE_RATE // FACTOR, low_truth)):
        csv = f"{base}-{rate}.csv"
        run([liptwitch, "analyze", "--no-profile", csv, "--out", f"{base}-{rate}.jsonl"])
        scores[rate] = scoring.score(truth_at_rate, scoring.liptwitch_detections(f"{base}-{rate}.jsonl"))
        os.remove(csv)
    return scores


def table(results, seeds):
    lines = [
        f"Recordings: seeds {seeds[0]} to {seeds[-1]} of the `tuning` variation per family, made at "
        f"{SOURCE_RATE} Hz and averaged {FACTOR} to 1 for {SOURCE_RATE // FACTOR} Hz; `liptwitch analyze "
        "--no-profile`. Per seed: median / worst (its seed); pooled: all seeds' counts summed.",
        "",
        "| family | rate | twitches | F1 median / worst | F1 pooled | recall pooled | precision pooled |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for family, _ in FAMILIES:
        runs = sorted(results[family], key=lambda pair: pair[0])
        for rate in (SOURCE_RATE, SOURCE_RATE // FACTOR):
            per_seed = [scoring.merge([scores[rate]]) for _, scores in runs]
            pooled = scoring.merge([scores[rate] for _, scores in runs])
            f1 = spread([s["f1"] for s in per_seed], [seed for seed, _ in runs], 3)
            lines.append(f"| {family} | {rate} Hz | {pooled['tp'] + pooled['fn']} | **{f1}** | {pooled['f1']:.3f} | "
                         f"{pooled['recall']:.3f} | {pooled['precision']:.3f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--liptwitch", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--benchmarks")
    parser.add_argument("--seeds", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    seeds = list(range(1001, 1001 + arguments.seeds))
    results = {}
    with concurrent.futures.ProcessPoolExecutor(max_workers=arguments.jobs) as pool:
        futures = {pool.submit(job, arguments.liptwitch, arguments.work, family, seconds, seed): (family, seed)
                   for family, seconds in FAMILIES for seed in seeds}
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            family, seed = futures[future]
            results.setdefault(family, []).append((seed, future.result()))
            print(f"board-rate: [{done}/{len(futures)}] {family} seed {seed} done", file=sys.stderr)
    text = table(results, seeds)
    print(text)
    if arguments.benchmarks:
        with open(arguments.benchmarks) as source:
            document = source.read()
        begin, end = document.index(BEGIN) + len(BEGIN), document.index(END)
        with open(arguments.benchmarks, "w") as target:
            target.write(document[:begin] + "\n" + text + "\n" + document[end:])


if __name__ == "__main__":
    main()
