import JSONLines
import LipTwitchSimulator
import LipTwitchSystem

/// The simulator's ground truth as JSON lines: first a `simulation` line that says which
/// sensor and seed, then one `twitch` line per twitch put into a channel, with its onset
/// in device time (µs, unwrapped) and as a sample index of its stream. A detector's
/// output is checked against this file.
public final class GroundTruthLog {
    private let output: BufferedOutput
    /// Where the lines go, as given.
    public let path: String

    /// Creates (or truncates) `path`, mode 0600, and writes the `simulation` line.
    public init(path: String, configuration: SimulatorConfiguration) throws {
        self.path = path
        output = try BufferedOutput(path: path)
        var header = JSONObject(class: "simulation")
        header.add("serial", configuration.serialNumber)
        header.add("seed", configuration.seed)
        header.add("rate_hz", configuration.sampleRateHz)
        header.add("placements", configuration.placements.map(\.label))
        header.add("clock_start_us", configuration.clockStartMicros)
        header.add("protocol", Int(configuration.protocolMajor))
        try output.write(line: header.serialized)
        try output.flush()
    }

    /// Writes `events` and flushes them, so that a reader following the file sees them.
    public func write(_ events: [GroundTruthEvent]) throws {
        guard !events.isEmpty else { return }
        for event in events {
            var line = JSONObject(class: "twitch")
            line.add("channel", event.channel)
            line.add("placement", event.placement.label)
            line.add("stream", event.stream)
            line.add("sample_index", event.sampleIndex)
            line.add("device_us", event.deviceMicros)
            line.add("duration_s", event.twitch.duration)
            line.add("amplitude_uv", event.twitch.amplitude)
            try output.write(line: line.serialized)
        }
        try output.flush()
    }
}
