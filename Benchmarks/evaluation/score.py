#!/usr/bin/env python3
"""Scores twitch detections against a generated recording's ground truth, with one set of
rules for every detector (LipTwitch and NeuroKit2 alike). BENCHMARKS.md states them:

- A detection matches a true twitch when its onset is within 100 ms of the twitch's
  onset; matching is one to one, closest pairs first. Unmatched detections are false
  positives, unmatched twitches false negatives. Precision, recall, F1 from those.
- Onset error: |detected - true onset| of the matched pairs (median, 95th percentile).
- Episodes: a detector's twitch episodes (LipTwitch's own; for a detector without
  episodes, its detections grouped when less than 3 s apart, LipTwitch's default gap).
  A false episode during talking or chewing is one that starts inside a talking or
  chewing segment (or up to the 100 ms tolerance before it: an onset is placed where the
  envelope starts to rise, which can be a few ms before the first discharge) and holds no
  matched detection; the rate is per hour of talking and chewing in the recording.
- Tremor: a true tremor segment is found when a tremor episode overlaps it; detections of
  twitches inside a tremor segment are counted (they should be none). Tremor F1: recall is
  the share of tremor segments found, precision the share of tremor episodes that overlap
  a true tremor segment. A false tremor episode overlaps no true tremor segment; the rate
  is per hour of recording, in every family (a tremor is a red flag the report surfaces,
  so one found in speech or chewing misleads as much as a missed one).
- False twitches from artifacts: unmatched detections whose onset lies inside an artifact
  (pop, lead-off, saturation, cable motion), from the tolerance before it to 0.5 s after it
  (the electrode settling), per hour of recording.

As a module: `score(truth, detections)`, `merge(scores)`. As a script:
score.py TRUTH.json DETECTIONS.json prints the scores of each detector in DETECTIONS.json
({"name": {"onsets_s": [...], "twitch_episodes": [[start_s, end_s], ...],
"tremor_episodes": [[start_s, end_s], ...]}}).
"""
import json
import sys

TOLERANCE_S = 0.1
EPISODE_GAP_S = 3.0
ARTIFACT_KINDS = ("pop", "lead_off", "saturation", "cable_motion")
ARTIFACT_SETTLE_S = 0.5


def read_truth(path):
    with open(path) as source:
        return json.load(source)


def liptwitch_detections(jsonl_path):
    """Twitch onsets and episodes from `liptwitch analyze` output."""
    onsets, twitch_episodes, tremor_episodes = [], [], []
    with open(jsonl_path) as source:
        for line in source:
            record = json.loads(line)
            if record.get("class") != "episode":
                continue
            span = [record["offset_s"], record["end_offset_s"]]
            if record["kind"] == "tremor":
                tremor_episodes.append(span)
            else:
                twitch_episodes.append(span)
                onsets.extend(twitch["offset_s"] for twitch in record["twitches"])
    return {"onsets_s": sorted(onsets), "twitch_episodes": twitch_episodes, "tremor_episodes": tremor_episodes}


def grouped_episodes(onsets, offsets):
    """Activations less than EPISODE_GAP_S apart, as episodes [start, end]."""
    episodes = []
    for onset, offset in sorted(zip(onsets, offsets)):
        if episodes and onset - episodes[-1][1] <= EPISODE_GAP_S:
            episodes[-1][1] = max(episodes[-1][1], offset)
        else:
            episodes.append([onset, offset])
    return episodes


def score(truth, detections):
    """Counts for one recording and one detector."""
    rate = truth["sample_rate_hz"]
    events = truth["events"]
    twitches = [event["onset_s"] for event in events if event["kind"] == "twitch"]
    onsets = detections["onsets_s"]
    pairs = sorted(
        (abs(d - t), ti, di)
        for ti, t in enumerate(twitches) for di, d in enumerate(onsets) if abs(d - t) <= TOLERANCE_S + 0.5 / rate)
    used_truth, used_detections, errors = set(), set(), []
    for distance, ti, di in pairs:
        if ti in used_truth or di in used_detections:
            continue
        used_truth.add(ti)
        used_detections.add(di)
        errors.append(distance)
    voluntary = [(e["onset_s"], e["offset_s"]) for e in events if e["kind"] in ("talking", "chewing")]
    tremors = [(e["onset_s"], e["offset_s"]) for e in events if e["kind"] == "tremor"]
    artifacts = [(e["onset_s"] - TOLERANCE_S, e["offset_s"] + ARTIFACT_SETTLE_S)
                 for e in events if e["kind"] in ARTIFACT_KINDS]

    def inside(time, spans, before=0.0):
        return any(start - before <= time <= end for start, end in spans)

    matched_times = [onsets[i] for i in used_detections]
    false_voluntary_episodes = 0
    for start, end in detections["twitch_episodes"]:
        holds_match = any(start - 1e-6 <= t <= end + 1e-6 for t in matched_times)
        if inside(start, voluntary, before=TOLERANCE_S) and not holds_match:
            false_voluntary_episodes += 1
    unmatched = [t for i, t in enumerate(onsets) if i not in used_detections]
    tremor_episodes = detections.get("tremor_episodes", [])
    return {
        "tp": len(used_truth),
        "fp": len(onsets) - len(used_detections),
        "fn": len(twitches) - len(used_truth),
        "onset_errors_s": errors,
        "false_voluntary_episodes": false_voluntary_episodes,
        "voluntary_s": sum(end - start for start, end in voluntary),
        "tremor_segments": len(tremors),
        "tremor_found": sum(
            1 for start, end in tremors if any(s <= end and e >= start for s, e in tremor_episodes)),
        "tremor_episodes": len(tremor_episodes),
        "tremor_episodes_true": sum(
            1 for s, e in tremor_episodes if any(s <= end and e >= start for start, end in tremors)),
        "false_tremor_episodes": sum(
            1 for s, e in tremor_episodes if not any(s <= end and e >= start for start, end in tremors)),
        "twitches_in_tremor": sum(1 for t in onsets if inside(t, tremors)),
        "artifacts": len(artifacts),
        "artifact_false_twitches": sum(1 for t in unmatched if inside(t, artifacts)),
        "recording_s": truth["sample_count"] / rate,
    }


def merge(scores):
    """Sums the counts of several recordings and derives the rates."""
    total = {key: 0 for key in ("tp", "fp", "fn", "false_voluntary_episodes", "voluntary_s", "tremor_segments",
                                "tremor_found", "tremor_episodes", "tremor_episodes_true", "false_tremor_episodes",
                                "twitches_in_tremor",
                                "artifacts", "artifact_false_twitches", "recording_s")}
    errors = []
    for one in scores:
        for key in total:
            total[key] += one[key]
        errors.extend(one["onset_errors_s"])
    tp, fp, fn = total["tp"], total["fp"], total["fn"]
    total["precision"] = tp / (tp + fp) if tp + fp else 1.0
    total["recall"] = tp / (tp + fn) if tp + fn else 1.0
    p, r = total["precision"], total["recall"]
    total["f1"] = 2 * p * r / (p + r) if p + r else 0.0
    errors.sort()
    total["onset_median_ms"] = 1000 * errors[len(errors) // 2] if errors else None
    total["onset_p95_ms"] = 1000 * errors[min(len(errors) - 1, int(0.95 * len(errors)))] if errors else None
    hours = total["voluntary_s"] / 3600
    total["false_episodes_per_hour"] = total["false_voluntary_episodes"] / hours if hours > 0 else None
    total["artifact_false_twitches_per_hour"] = total["artifact_false_twitches"] / (total["recording_s"] / 3600)
    total["false_tremor_episodes_per_hour"] = total["false_tremor_episodes"] / (total["recording_s"] / 3600)
    if total["tremor_segments"]:
        tremor_recall = total["tremor_found"] / total["tremor_segments"]
        tremor_precision = (total["tremor_episodes_true"] / total["tremor_episodes"]
                            if total["tremor_episodes"] else 1.0)
        total["tremor_f1"] = (2 * tremor_precision * tremor_recall / (tremor_precision + tremor_recall)
                              if tremor_precision + tremor_recall else 0.0)
    else:
        total["tremor_f1"] = None
    return total


def main():
    truth = read_truth(sys.argv[1])
    with open(sys.argv[2]) as source:
        detectors = json.load(source)
    for name, detections in detectors.items():
        print(name, json.dumps(merge([score(truth, detections)])))


if __name__ == "__main__":
    main()
