#!/usr/bin/env python3
"""Twitch-to-console latency of `liptwitch daemon` (scripts/bench-daemon).

  latency.py listen SOCKET OUT SECONDS
      A live-stream client like `liptwitch watch --json`: reads the daemon's lines for
      SECONDS and writes each with the host monotonic time it arrived (JSON lines:
      {"arrived": s, "line": {...}}), after a first line holding the offset between the
      wall clock and the monotonic clock.

  latency.py report OUT TRUTH...
      Matches every twitch the simulators put in (their ground truth) to the episode line
      that holds it, to its onset line and to the candidate line that announced it, and
      prints the latency from the end of each twitch to the arrival of each line (and
      from the end of each episode's last twitch to its line): count, median, p90, p99,
      max.

The end of a twitch is the moment the simulated sensor's clock read the twitch's last
sample, on the host's monotonic clock (the truth's end_host_ns: the simulator runs its
device clock on CLOCK_MONOTONIC, the clock Python's time.monotonic() reads); the client
stamps each line with time.monotonic() as it arrives. Both ends are on one clock, so the
latency includes everything after the twitch: the sensor finishing its batch and framing
it, the pseudo-terminal, the daemon's read, decoder, detector, live stream and socket.

As a cross-check, the report also places the end of each twitch the way the daemon does:
through the episode line's mapping of device time to wall time (start and
start_device_us), turned into monotonic time with the listener's offset between the two
clocks. The difference between the two is the daemon's clock-mapping error; it is printed
("daemon's placement of the end - the truth"). Wall times have millisecond precision.
"""
import json
import socket
import statistics
import sys
import time
from datetime import datetime


def listen(path, out, seconds):
    offsets = sorted(time.time() - time.monotonic() for _ in range(9))
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)
    client.settimeout(1.0)
    end = time.monotonic() + seconds
    pending = b""
    with open(out, "w") as output:
        output.write(json.dumps({"wall_minus_monotonic": offsets[4]}) + "\n")
        while time.monotonic() < end:
            try:
                data = client.recv(65536)
            except socket.timeout:
                continue
            arrived = time.monotonic()
            if not data:
                break
            pending += data
            *lines, pending = pending.split(b"\n")
            for line in lines:
                output.write(json.dumps({"arrived": arrived, "line": json.loads(line)}) + "\n")


def wall(text):
    return datetime.fromisoformat(text).timestamp()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(out, truth_paths):
    with open(out) as lines:
        offset = json.loads(next(lines))["wall_minus_monotonic"]
        received = [json.loads(line) for line in lines]
    episodes = [r for r in received if r["line"].get("class") == "episode"]
    onsets = [r for r in received if r["line"].get("class") == "onset"]
    candidates = [
        r for r in received if r["line"].get("class") == "candidate" and r["line"].get("event") == "announced"
    ]
    twitches = []
    for path in truth_paths:
        with open(path) as truth:
            header = json.loads(next(truth))
            for line in truth:
                event = json.loads(line)
                if event.get("class") == "twitch":
                    twitches.append((header["serial"], event))
    to_episode, to_onset, to_candidate, placement_error, missed = [], [], [], [], 0
    # Per episode line, the latency from the end of the last twitch it holds: an episode
    # closes episodeGapSeconds (3 s) after its last twitch, so its earlier twitches wait longer.
    last_in_episode = {}
    # The daemon's own share: from the moment in the signal the detector was sure (the
    # onset's confirmed_time, in data time) to the line's arrival.
    own = [o["arrived"] - (wall(o["line"]["confirmed_time"]) - offset) for o in onsets if "confirmed_time" in o["line"]]
    for serial, twitch in twitches:
        holding = [
            e for e in episodes
            if e["line"]["sensor"] == serial and e["line"]["channel"] == twitch["channel"]
            and e["line"]["start_device_us"] - 150_000 <= twitch["device_us"] <= e["line"]["end_device_us"] + 150_000
        ]
        if not holding:
            missed += 1
            continue
        episode = holding[0]
        start_wall = wall(episode["line"]["start"])
        device_to_wall = start_wall - episode["line"]["start_device_us"] / 1e6
        placed_end = twitch["end_device_us"] / 1e6 + device_to_wall - offset
        if "end_host_ns" in twitch:
            end_monotonic = twitch["end_host_ns"] / 1e9
            placement_error.append(placed_end - end_monotonic)
        else:
            end_monotonic = placed_end
        to_episode.append(episode["arrived"] - end_monotonic)
        key = id(episode)
        last_in_episode[key] = min(last_in_episode.get(key, float("inf")), episode["arrived"] - end_monotonic)
        onset_wall = twitch["device_us"] / 1e6 + device_to_wall
        for lines, latencies in [(onsets, to_onset), (candidates, to_candidate)]:
            matching = [
                o for o in lines
                if o["line"]["sensor"] == serial and o["line"]["channel"] == twitch["channel"]
                and abs(wall(o["line"]["time"]) - onset_wall) < 0.15
            ]
            if matching:
                latencies.append(matching[0]["arrived"] - end_monotonic)
    print(f"twitches in the truth: {len(twitches)}; in an episode: {len(to_episode)}; "
          f"not detected: {missed}; with their onset line: {len(to_onset)}; announced by a candidate line: "
          f"{len(to_candidate)}; candidate lines: {len(candidates)}")
    for name, values in [
        ("end of twitch → episode line", to_episode),
        ("end of an episode's last twitch → episode line", list(last_in_episode.values())),
        ("end of twitch → onset line", to_onset),
        ("end of twitch → candidate line (announced)", to_candidate),
        ("detector sure (confirmed_time) → onset line", own),
        ("daemon's placement of the end - the truth", placement_error),
    ]:
        if values:
            print(f"{name} in a watch client: median {statistics.median(values) * 1000:.0f} ms, "
                  f"p90 {percentile(values, 0.9) * 1000:.0f} ms, p99 {percentile(values, 0.99) * 1000:.0f} ms, "
                  f"max {max(values) * 1000:.0f} ms (n = {len(values)})")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "listen":
        listen(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(__doc__)
