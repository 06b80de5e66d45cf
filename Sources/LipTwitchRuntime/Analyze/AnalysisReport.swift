import JSONLines
import LipTwitchDetector

/// What `liptwitch analyze` found in a recording, counted: its last JSON line and the
/// sentence for people on standard error.
public struct AnalysisReport: Sendable {
    public let samples: Int
    public let sampleRateHz: Double
    public let inputs: [DetectorInput]
    public let counters: DetectorCounters
    /// The mains frequency the EMG notches settled on, if any.
    public let mainsHz: Double?

    public var durationSeconds: Double { Double(samples) / sampleRateHz }

    public var jsonLine: String {
        var object = JSONObject(class: "summary")
        object.add("duration_s", (durationSeconds * 1000).rounded() / 1000)
        object.add("samples", samples)
        object.add("sample_rate_hz", sampleRateHz)
        object.add("channels", inputs.map(\.label))
        if let mainsHz { object.add("mains_hz", mainsHz) }
        var episodes = JSONObject()
        episodes.add("twitch", counters.twitchEpisodes)
        episodes.add("tremor", counters.tremorEpisodes)
        object.add("episodes", episodes)
        var bursts = JSONObject()
        bursts.add("twitch", counters.twitches)
        bursts.add("tremor", counters.tremorBursts)
        bursts.add("voluntary", counters.voluntaryBursts)
        bursts.add("artifact", counters.artifacts)
        bursts.add("short", counters.shortBursts)
        object.add("bursts", bursts)
        var artifacts = JSONObject()
        artifacts.add("pop", counters.pops)
        artifacts.add("lead_off", counters.leadOffs)
        artifacts.add("saturation", counters.saturations)
        artifacts.add("flatline", counters.flatlines)
        artifacts.add("gap", counters.gaps)
        artifacts.add("motion", counters.motion)
        object.add("artifacts", artifacts)
        object.add("bad_samples", counters.invalidSamples)
        return object.serialized
    }

    public var sentence: String {
        let minutes = Int(durationSeconds / 60)
        let length = minutes >= 60 ? "\(minutes / 60) h \(minutes % 60) min" : minutes > 0
            ? "\(minutes) min \(Int(durationSeconds) % 60) s" : "\(Int(durationSeconds.rounded())) s"
        let channels = inputs.count == 1 ? "1 channel" : "\(inputs.count) channels"
        var text = "\(length) of \(channels): \(counters.twitches) twitch\(counters.twitches == 1 ? "" : "es") in "
            + "\(counters.twitchEpisodes) episode\(counters.twitchEpisodes == 1 ? "" : "s")"
        if counters.tremorEpisodes > 0 {
            text += ", \(counters.tremorEpisodes) tremor episode\(counters.tremorEpisodes == 1 ? "" : "s")"
        }
        text += "; set aside \(counters.voluntaryBursts) voluntary and \(counters.artifacts) artifact burst"
            + (counters.artifacts == 1 ? "" : "s")
        return text + "."
    }
}
