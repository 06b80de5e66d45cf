#!/usr/bin/env python3
"""The scored evaluation of BENCHMARKS.md, "Detector": recordings of the generator through
`liptwitch analyze` (calibrated with the same wearer's calibration recording, and without
a profile) and through NeuroKit2 (neurokit_detect.py), all scored by score.py; each table
goes into BENCHMARKS.md between its markers.

Two evaluations:
- varied (the default): every scenario family on 20 seeds for each of the generator's
  variations, `tuning` and `held-out` (`liptwitch generate --vary`), shorter recordings;
  per family the median and the worst seed, and the goals of issue 15;
- --fixed-design: every scenario as the fixed design makes it (no variation), three
  seeds, long recordings; pooled scores and the targets of issue 3.

usage: evaluate.py --liptwitch BIN --work DIR [--benchmarks BENCHMARKS.md] [--fixed-design] [--quick] [--jobs N]
                   [--families a,b] [--seeds N] [--no-neurokit]
(scripts/evaluate runs it with the release build and the virtual environment). --families,
--seeds and --no-neurokit narrow the varied evaluation for detector work (a few families,
the first N seeds, LipTwitch alone); scripts/evaluate then leaves the tables alone.
"""
import argparse
import concurrent.futures
import os
import statistics
import subprocess
import sys
import time
import warnings

import score as scoring

SEEDS = [101, 102, 103]
# Scenario, seconds per recording, mains frequency (for NeuroKit2's powerline filter).
# Talking-chewing and mixed are long enough for the false-episode rate to be resolved
# below the target of 2 per hour of talking: 3 × 60 min of talking-chewing hold about
# 75 min of talking (one episode is 0.8 per hour), 3 × 120 min of a working day about 50.
SCENARIOS = [
    ("clean", 600, 50), ("hum-50", 600, 50), ("hum-60", 600, 60), ("talking-chewing", 3600, 50),
    ("clusters", 600, 50), ("tremor", 600, 50), ("near-floor", 600, 50), ("lead-off", 600, 50),
    ("accelerometer", 600, 50), ("mixed", 7200, 50),
]
# All five of neurokit_detect.py's variants (its own list on the accelerometer).
FIXED_NEUROKIT = ["default", "threshold+notch", "mixture+notch", "biosppy+notch", "silva+notch"]
BEGIN = "<!-- detector-evaluation:begin (scripts/evaluate writes this part) -->"
END = "<!-- detector-evaluation:end -->"

VARIATIONS = ["tuning", "held-out"]
VARIED_SEEDS = list(range(1001, 1021))
# Family, its scenario for each seed in turn, seconds per recording. 20 seeds × 2
# variations × 9 families = 360 recordings must fit in about 35 minutes on a shared 2-core
# machine with --jobs 1, so recordings are 5 minutes (about 35 twitches each, 700 in a
# family); talking-chewing and mixed 10 minutes, so that each holds about 4 minutes of
# talking and chewing (80 in all per variation: one false episode is 0.75 per hour). The
# hum family alternates 50 and 60 Hz mains (and a varied recording is off its nominal
# frequency by up to 0.2 Hz).
FAMILIES = [
    ("clean", ["clean"], 300), ("hum", ["hum-50", "hum-60"], 300), ("lead-off", ["lead-off"], 300),
    ("talking-chewing", ["talking-chewing"], 600), ("clusters", ["clusters"], 300), ("tremor", ["tremor"], 300),
    ("near-floor", ["near-floor"], 300), ("accelerometer", ["accelerometer"], 300), ("mixed", ["mixed"], 600),
]
# NeuroKit2's variants in the varied evaluation: its default, the threshold method after a
# mains notch, and its BioSPPy method after a mains notch (the two that scored best on the
# fixed design; mixture and silva never did, and cost most of its time).
VARIED_NEUROKIT = ["default", "threshold+notch", "biosppy+notch"]
# Issue 15's goals for LipTwitch (calibrated; no profile on the accelerometer): median
# twitch F1 and tremor F1 at least, pooled false twitches per hour from artifacts and
# false episodes per hour of talking/chewing at most. Mixed has none of its own.
GOALS = {
    "clean": {"f1": 0.97}, "hum": {"f1": 0.95, "artifacts": 5}, "lead-off": {"f1": 0.95, "artifacts": 5},
    "talking-chewing": {"f1": 0.92, "voluntary": 2}, "clusters": {"f1": 0.95}, "near-floor": {"f1": 0.75},
    "tremor": {"f1": 0.95, "tremor_f1": 0.95}, "accelerometer": {"f1": 0.92, "tremor_f1": 0.9},
}
VARIED_BEGIN = "<!-- detector-evaluation-varied:begin (scripts/evaluate writes this part) -->"
VARIED_END = "<!-- detector-evaluation-varied:end -->"


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return result


def variation_arguments(variation):
    return [] if variation == "none" else ["--vary", variation]


def calibrate(liptwitch, work, seed, variation):
    """The profile `liptwitch calibrate` makes from the calibration recording of `seed`'s
    wearer (the same variation: the same lip, electrodes and room)."""
    base = os.path.join(work, f"calibration-{variation}-{seed}")
    run([liptwitch, "generate", "--scenario", "calibration", "--duration", "40", "--seed", str(seed),
         "--out", base + ".csv"] + variation_arguments(variation))
    run([liptwitch, "calibrate", base + ".csv", "--out", base + "-profile.json"])
    os.remove(base + ".csv")
    return base + "-profile.json"


def job(liptwitch, work, scenario, seconds, mains, seed, variation, profile, neurokit_variants):
    """One recording through every detector; returns ({detector: score}, timing)."""
    import neurokit_detect  # here, in the worker: NeuroKit2 is imported once a process

    base = os.path.join(work, f"{scenario}-{variation}-{seed}")
    csv = base + ".csv"
    run([liptwitch, "generate", "--scenario", scenario, "--duration", str(seconds), "--seed", str(seed),
         "--out", csv] + variation_arguments(variation))
    truth = scoring.read_truth(base + ".truth.json")
    detections = {}
    if profile is not None:
        run([liptwitch, "analyze", "--profile", profile, csv, "--out", base + "-calibrated.jsonl"])
        detections["LipTwitch, calibrated"] = scoring.liptwitch_detections(base + "-calibrated.jsonl")
    started = time.monotonic()
    run([liptwitch, "analyze", "--no-profile", csv, "--out", base + "-default.jsonl"])
    liptwitch_seconds = time.monotonic() - started
    detections["LipTwitch, no profile"] = scoring.liptwitch_detections(base + "-default.jsonl")
    neurokit = {"variants": {}}
    if neurokit_variants:
        with warnings.catch_warnings():  # NeuroKit2's "no events found": its scores say so
            warnings.simplefilter("ignore")
            neurokit = neurokit_detect.detect(csv, truth.get("mains_hz", mains), neurokit_variants)
    for variant, found in neurokit["variants"].items():
        detections[f"NeuroKit2 {variant}"] = {
            "onsets_s": found["onsets_s"],
            "twitch_episodes": scoring.grouped_episodes(found["onsets_s"], found["offsets_s"]),
            "tremor_episodes": [],
        }
    os.remove(csv)
    timing = {"liptwitch_s": liptwitch_seconds,
              "neurokit_cpu_s": sum(v["cpu_s"] for v in neurokit["variants"].values())}
    return {name: scoring.score(truth, found) for name, found in detections.items()}, timing


def run_all(arguments, recordings, calibrations):
    """Makes every profile of `calibrations` ((seed, variation) pairs), then runs every
    recording of `recordings` ((key, scenario, seconds, mains, seed, variation, neurokit
    variants, needs a profile)); returns {key: [(seed, {detector: score})]} and timings.
    Prints progress, with the time left, as recordings finish."""
    results, timings = {}, []
    started = time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(max_workers=arguments.jobs) as pool:
        made = {pair: pool.submit(calibrate, arguments.liptwitch, arguments.work, *pair) for pair in calibrations}
        profiles = {pair: future.result() for pair, future in made.items()}
        print(f"evaluate: {len(profiles)} calibration profile(s) made", file=sys.stderr)
        futures = {
            pool.submit(job, arguments.liptwitch, arguments.work, scenario, seconds, mains, seed, variation,
                        profiles[(seed, variation)] if calibrated else None, variants): (key, scenario, seed)
            for key, scenario, seconds, mains, seed, variation, variants, calibrated in recordings}
        for done, future in enumerate(concurrent.futures.as_completed(futures), start=1):
            scores, timing = future.result()
            timings.append(timing)
            key, scenario, seed = futures[future]
            results.setdefault(key, []).append((seed, scores))
            elapsed = time.monotonic() - started
            left = elapsed / done * (len(futures) - done)
            print(f"evaluate: [{done}/{len(futures)}] {scenario} seed {seed} done; "
                  f"{elapsed / 60:.1f} min so far, about {left / 60:.1f} min left", file=sys.stderr)
    return results, timings


def percent(value):
    return "n/a" if value is None else f"{100 * value:.1f}"


def row(scenario, name, total):
    onset = ("n/a" if total["onset_median_ms"] is None
             else f"{total['onset_median_ms']:.0f} / {total['onset_p95_ms']:.0f}")
    per_hour = total["false_episodes_per_hour"]
    tremor = f"{total['tremor_found']}/{total['tremor_segments']}" if total["tremor_segments"] else "–"
    in_tremor = str(total["twitches_in_tremor"]) if total["tremor_segments"] else "–"
    return (f"| {scenario} | {name} | {total['tp'] + total['fn']} | {percent(total['precision'])} | "
            f"{percent(total['recall'])} | **{total['f1']:.3f}** | {onset} | "
            f"{'–' if per_hour is None else f'{per_hour:.1f}'} | {tremor} | {in_tremor} |")


def fixed_design(arguments):
    """The fixed-design table: every scenario, three seeds, scores pooled."""
    seeds = SEEDS[:1] if arguments.quick else SEEDS
    scenarios = [(s, d // 5 if arguments.quick else d, m) for s, d, m in SCENARIOS]
    recordings = [(s, s, d, m, seed, "none", FIXED_NEUROKIT, s != "accelerometer")
                  for s, d, m in scenarios for seed in seeds]
    by_scenario, timings = run_all(arguments, recordings, [(seed, "none") for seed in seeds])
    results = {}
    for scenario, runs in by_scenario.items():
        for _, scores in runs:
            for name, one in scores.items():
                results.setdefault(scenario, {}).setdefault(name, []).append(one)

    lines = [
        f"Recordings: {len(seeds)} seed(s) ({', '.join(map(str, seeds))}) per scenario, "
        + ", ".join(f"{s} {d // 60} min" for s, d, _ in scenarios) + " each.",
        "",
        "| scenario | detector | twitches | precision % | recall % | F1 | onset error median / p95 (ms) "
        "| false episodes per hour of talking/chewing | tremor found | twitches reported during tremor |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    summary = {}
    for scenario, _, _ in scenarios:
        merged = {name: scoring.merge(scores) for name, scores in results[scenario].items()}
        neurokit = {name: total for name, total in merged.items() if name.startswith("NeuroKit2")}
        best_name = max(neurokit, key=lambda name: neurokit[name]["f1"])
        shown = [name for name in merged if name.startswith("LipTwitch")] + ["NeuroKit2 default"]
        if best_name != "NeuroKit2 default":
            shown.append(best_name)
        for name in shown:
            label = name + (" (its best variant here)" if name == best_name and name != "NeuroKit2 default" else "")
            lines.append(row(scenario, label, merged[name]))
        summary[scenario] = (merged, best_name)
    lines += ["", "Targets (issue 3), for LipTwitch calibrated (no profile on the accelerometer):", ""]
    targets = {"clean": 0.95, "hum-50": 0.85, "hum-60": 0.85, "talking-chewing": 0.85}
    for scenario, (merged, best_name) in summary.items():
        ours = merged.get("LipTwitch, calibrated") or merged["LipTwitch, no profile"]
        checks = []
        if scenario in targets:
            checks.append(("F1 ≥ %.2f" % targets[scenario], ours["f1"] >= targets[scenario]))
        if ours["false_episodes_per_hour"] is not None:
            checks.append(("≤ 2 false episodes per hour of talking/chewing", ours["false_episodes_per_hour"] <= 2))
        if ours["tremor_segments"]:
            checks.append(("no tremor reported as twitches", ours["twitches_in_tremor"] == 0))
            checks.append(("every tremor found as tremor", ours["tremor_found"] == ours["tremor_segments"]))
        checks.append((f"beats NeuroKit2 (best: {best_name[10:]}, F1 {merged[best_name]['f1']:.3f})",
                       ours["f1"] > merged[best_name]["f1"]))
        lines.append(f"- {scenario}: " + "; ".join(f"{text} {'✓' if ok else '✗ MISSED'}" for text, ok in checks))
    return lines + ["", timing_line(timings)], BEGIN, END


def timing_line(timings):
    liptwitch_total = sum(t["liptwitch_s"] for t in timings)
    neurokit_total = sum(t["neurokit_cpu_s"] for t in timings)
    return (f"Time for all recordings: `liptwitch analyze` {liptwitch_total:.1f} s wall in all; NeuroKit2 "
            f"{neurokit_total:.1f} s CPU in all (all its variants together).")


def worst_seed(values, seeds, pick, digits):
    """'value (seed)' of the seed `pick` (min or max) chooses among per-seed values."""
    value, seed = pick(((value, seed) for value, seed in zip(values, seeds) if value is not None),
                       key=lambda pair: pair[0])
    return f"{value:.{digits}f} ({seed})"


def pooled_rate(key, pooled, per_seed, seeds):
    """'pooled; worst (seed)' of a rate (lower is better)."""
    return f"{pooled[key]:.1f}; " + worst_seed([one[key] for one in per_seed], seeds, max, 1)


def spread(values, seeds, digits):
    """'median / worst (seed)' of per-seed scores (higher is better); '–' when none."""
    present = [value for value in values if value is not None]
    if not present:
        return "–"
    return f"{statistics.median(present):.{digits}f} / {worst_seed(values, seeds, min, digits)}"


def varied(arguments):
    """The varied table: every family, 20 seeds per variation; median and worst seed."""
    seeds = VARIED_SEEDS[:2] if arguments.quick else VARIED_SEEDS
    if arguments.seeds:
        seeds = seeds[:arguments.seeds]
    families = [(f, s, d // 4 if arguments.quick else d) for f, s, d in FAMILIES
                if not arguments.families or f in arguments.families]
    neurokit = [] if arguments.no_neurokit else VARIED_NEUROKIT
    recordings = [((family, variation), scenarios[index % len(scenarios)], seconds, 50, seed, variation,
                   neurokit, family != "accelerometer")
                  for family, scenarios, seconds in families for variation in VARIATIONS
                  for index, seed in enumerate(seeds)]
    calibrations = [(seed, variation) for variation in VARIATIONS for seed in seeds]
    results, timings = run_all(arguments, recordings, calibrations)

    lines = [
        f"Recordings: {len(seeds)} seeds ({seeds[0]} to {seeds[-1]}) per family and variation, "
        + ", ".join(f"{f} {d / 60:g} min" for f, _, d in families) + " each; hum alternates 50 and 60 Hz "
        "mains. Per seed: median / worst (its seed); pooled: the counts of all seeds summed.",
        "",
        "| family | variation | detector | twitches | F1 median / worst | F1 pooled | tremor F1 median / worst "
        "| false tremor episodes per hour, pooled; worst seed "
        "| false twitches per hour from artifacts, pooled; worst seed | false episodes per hour of talking/chewing, "
        "pooled; worst seed |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    verdicts = []
    for family, _, _ in families:
        for variation in VARIATIONS:
            runs = sorted(results[(family, variation)], key=lambda pair: pair[0])
            run_seeds = [seed for seed, _ in runs]
            for name in runs[0][1]:
                per_seed = [scoring.merge([scores[name]]) for _, scores in runs]
                pooled = scoring.merge([scores[name] for _, scores in runs])
                f1 = spread([one["f1"] for one in per_seed], run_seeds, 3)
                tremor = spread([one["tremor_f1"] for one in per_seed], run_seeds, 2)
                # The peers report no tremor at all.
                false_tremor = ("–" if not name.startswith("LipTwitch") else
                                pooled_rate("false_tremor_episodes_per_hour", pooled, per_seed, run_seeds))
                artifacts = ("–" if not pooled["artifacts"] else
                             pooled_rate("artifact_false_twitches_per_hour", pooled, per_seed, run_seeds))
                voluntary = ("–" if pooled["false_episodes_per_hour"] is None else
                             pooled_rate("false_episodes_per_hour", pooled, per_seed, run_seeds))
                lines.append(f"| {family} | {variation} | {name} | {pooled['tp'] + pooled['fn']} | **{f1}** | "
                             f"{pooled['f1']:.3f} | {tremor} | {false_tremor} | {artifacts} | {voluntary} |")
                ours = "LipTwitch, no profile" if family == "accelerometer" else "LipTwitch, calibrated"
                if name == ours and family in GOALS:
                    verdicts.append(goal_verdict(family, variation, per_seed, pooled))
    lines += ["", "Issue 15's goals, for LipTwitch calibrated (no profile on the accelerometer): median twitch "
              "F1 (and tremor F1) at least the goal, pooled false twitches per hour from artifacts and false "
              "episodes per hour of talking/chewing at most the goal:", ""] + verdicts
    lines += ["", timing_line(timings)]
    return lines, VARIED_BEGIN, VARIED_END


def goal_verdict(family, variation, per_seed, pooled):
    goal = GOALS[family]
    f1 = statistics.median(one["f1"] for one in per_seed)
    checks = [("F1", f1, ">=", goal["f1"])]
    if "tremor_f1" in goal:
        checks.append(("tremor F1", statistics.median(
            one["tremor_f1"] for one in per_seed if one["tremor_f1"] is not None), ">=", goal["tremor_f1"]))
    if "artifacts" in goal:
        checks.append(("false twitches per hour from artifacts", pooled["artifact_false_twitches_per_hour"], "<=",
                       goal["artifacts"]))
    if "voluntary" in goal:
        checks.append(("false episodes per hour of talking/chewing", pooled["false_episodes_per_hour"], "<=",
                       goal["voluntary"]))

    def text(name, value, relation, target):
        # Four decimals for F1, so that a value just short of its goal does not print as the goal.
        ok = value >= target if relation == ">=" else value <= target
        shown = f"{value:.4f}" if "F1" in name else f"{value:.1f}"
        sign = {(">=", True): "≥", (">=", False): "<", ("<=", True): "≤", ("<=", False): ">"}[(relation, ok)]
        return f"{name} {shown} {sign} {target} {'✓' if ok else '✗ SHORT'}"
    return f"- {family}, {variation}: " + "; ".join(text(*check) for check in checks)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--liptwitch", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--benchmarks")
    parser.add_argument("--fixed-design", action="store_true",
                        help="the fixed design's scenarios, three seeds, long recordings")
    parser.add_argument("--quick", action="store_true", help="fewer seeds, shorter recordings: a smoke run")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--families", type=lambda text: text.split(","),
                        help="only these families of the varied evaluation, comma-separated: "
                        + ",".join(f for f, _, _ in FAMILIES))
    parser.add_argument("--seeds", type=int, help="only the first N seeds of the varied evaluation")
    parser.add_argument("--no-neurokit", action="store_true", help="LipTwitch alone (varied evaluation)")
    arguments = parser.parse_args()
    unknown = set(arguments.families or []) - {f for f, _, _ in FAMILIES}
    if unknown:
        parser.error(f"unknown families: {', '.join(sorted(unknown))}")
    lines, begin, end = fixed_design(arguments) if arguments.fixed_design else varied(arguments)
    table = "\n".join(lines)
    print(table)
    if arguments.benchmarks:
        with open(arguments.benchmarks) as source:
            text = source.read()
        if begin in text and end in text:
            text = text[: text.index(begin) + len(begin)] + "\n" + table + "\n" + text[text.index(end):]
        else:
            text = text.rstrip() + "\n\n" + begin + "\n" + table + "\n" + end + "\n"
        with open(arguments.benchmarks, "w") as out:
            out.write(text)


if __name__ == "__main__":
    main()
