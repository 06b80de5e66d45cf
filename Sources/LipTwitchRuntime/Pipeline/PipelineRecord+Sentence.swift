import LipTwitchLink

extension PipelineRecord {
    /// The record as a line for people: what happened, in a sentence (the time stamp is
    /// the caller's).
    public var sentence: String {
        switch self {
        case .link(let event, _):
            return event.sentence
        case .streamStarted(let start):
            let identity = start.identity
            return "stream \(start.number): \(identity.channelCount) × \(identity.sampleRateHz) Hz "
                + "\(identity.sensorKind.label) from \(identity.serialNumber)"
        case .streamEnded(let end):
            return "stream \(end.number) ended (\(end.reason.rawValue)) after \(end.samples) samples per channel"
        case .gap(let gap):
            let lost = gap.lostSamples.map { "\($0) samples, " } ?? ""
            return "gap (\(gap.reason.rawValue)): \(lost)\(Self.milliseconds(gap.duration)) ms without data"
        case .level(let level):
            return "level: " + level.rms.map { "\(Int($0.rounded()))" }.joined(separator: " / ") + " \(level.unit) RMS"
        case .status(let status, _):
            let battery = status.batteryPercent.map { "battery \($0) %" } ?? "no battery"
            return "status: \(battery), lead-off mask \(status.leadOffMask), \(status.overrunCount) overruns"
        case .marker(let marker, _):
            return "marker: the wearer pressed the button (\(marker.kind.label))"
        case .onset(let onset):
            let what = onset.onset.kind == .tremor ? "tremor" : "twitch"
            return "\(what) on \(onset.placement) (\(onset.sensor) channel \(onset.channel))"
        case .candidate(let placed):
            guard let dismissal = placed.dismissal else {
                return "a twitch? on \(placed.placement) (\(placed.sensor) channel \(placed.channel)): waiting to see what follows"
            }
            return "not a twitch after all on \(placed.placement) (\(placed.sensor) channel \(placed.channel)): "
                + dismissal.rawValue
        case .episode(let placed):
            let episode = placed.episode
            let count = episode.kind == .tremor ? "tremor" : "\(episode.twitchCount) twitch\(episode.twitchCount == 1 ? "" : "es")"
            let cut = episode.isTruncated ? ", cut short" : ""
            return "episode: \(count) on \(episode.placement) over \(Self.milliseconds(placed.end - placed.start)) ms, "
                + "peak \(EpisodeJSON.rounded(episode.peak)) \(episode.unit)\(cut)"
        case .counters(let counters, _):
            return "counters: \(counters.streams) streams, \(counters.samples) samples, \(counters.gaps) gaps "
                + "(\(counters.missingSamples) samples missing), \(counters.decoder.crcFailures) CRC failures, "
                + "\(counters.decoder.lostFrames) frames lost, \(counters.staleBatches) stale batches"
        case .calibration(let calibration):
            return calibration.sentence
        case .samples(let samples):
            let what = if case .missing = samples.content { "missing frames" } else { "frames" }
            return "samples: \(samples.frameCount) \(what) of stream \(samples.stream) from index \(samples.firstIndex)"
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int64 {
        (duration.nanoseconds + 500_000) / 1_000_000
    }
}
