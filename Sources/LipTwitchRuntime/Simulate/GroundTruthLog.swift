import JSONLines
import LipTwitchProtocol
import LipTwitchSignals
import LipTwitchSimulator
import LipTwitchSystem

/// The simulator's ground truth as JSON lines: first a `simulation` line that says which
/// sensor, scenario and seed, then one line per event the labelled generator put into
/// the signal (a `twitch`, `talking`, `lead_off`, ... line, named by its kind) as it ends,
/// with its onset and end in device time (µs, unwrapped) and as sample indices of its
/// stream. A detector's output is checked against this file. A sensor served in real time
/// (`VirtualSensor`) also gives both moments on the host's monotonic clock
/// (`host_ns`, `end_host_ns`), so that a benchmark can time what follows the twitch.
public final class GroundTruthLog {
    private let output: BufferedOutput
    /// Where the lines go, as given.
    public let path: String
    private let unit: String

    /// Creates (or truncates) `path`, mode 0600, and writes the `simulation` line of a
    /// sensor speaking LipTwitch's protocol.
    public convenience init(path: String, configuration: SimulatorConfiguration) throws {
        var header = JSONObject(class: "simulation")
        header.add("serial", configuration.serialNumber)
        header.add("scenario", configuration.scenario.rawValue)
        header.add("seed", configuration.seed)
        header.add("sensor", configuration.sensorKind.label)
        header.add("unit", configuration.sensorKind.unit)
        header.add("rate_hz", configuration.sampleRateHz)
        header.add("placements", configuration.channels.map(\.placement.label))
        header.add("axes", configuration.channels.map(\.axis.label))
        header.add("clock_start_us", configuration.clockStartMicros)
        header.add("protocol", Int(configuration.protocolMajor))
        try self.init(path: path, header: header, unit: configuration.sensorKind.unit)
    }

    /// Creates (or truncates) `path`, mode 0600, and writes the `simulation` line of a
    /// simulated board of another family (`board`, as `--board` names it) streaming the
    /// lip's EMG on its channel `channel`.
    public convenience init(
        path: String, board: String, scenario: Scenario, seed: UInt64, rateHz: Int, channel: Int, placement: Placement
    ) throws {
        var header = JSONObject(class: "simulation")
        header.add("board", board)
        header.add("scenario", scenario.rawValue)
        header.add("seed", seed)
        header.add("sensor", "emg")
        header.add("unit", "uV")
        header.add("rate_hz", rateHz)
        header.add("channel", channel)
        header.add("placements", [placement.label])
        try self.init(path: path, header: header, unit: "uV")
    }

    /// Creates (or truncates) `path`, mode 0600, and writes `header`.
    private init(path: String, header: JSONObject, unit: String) throws {
        self.path = path
        self.unit = unit
        output = try BufferedOutput(path: path)
        try output.write(line: header.serialized)
        try output.flush()
    }

    /// Writes `events` and flushes them, so that a reader following the file sees them.
    /// `hostNanoseconds` maps device time (µs) to the host's monotonic clock (ns), when
    /// the device clock runs on it.
    public func write(_ events: [GroundTruthEvent], hostNanoseconds: ((UInt64) -> Int64)? = nil) throws {
        guard !events.isEmpty else { return }
        for truth in events {
            let event = truth.event
            var line = JSONObject(class: event.kind.rawValue)
            if let channel = event.channel { line.add("channel", channel) }
            if let placement = truth.placement { line.add("placement", placement.label) }
            line.add("stream", truth.stream)
            line.add("sample_index", event.onsetSample)
            line.add("end_sample_index", event.offsetSample)
            line.add("device_us", truth.deviceMicros)
            line.add("end_device_us", truth.endDeviceMicros)
            if let hostNanoseconds {
                line.add("host_ns", hostNanoseconds(truth.deviceMicros))
                line.add("end_host_ns", hostNanoseconds(truth.endDeviceMicros))
            }
            line.add("duration_s", Double(truth.endDeviceMicros - truth.deviceMicros) / 1e6)
            line.add("peak", event.peakAmplitude)
            line.add("unit", unit)
            if let frequency = event.frequencyHz { line.add("frequency_hz", frequency) }
            try output.write(line: line.serialized)
        }
        try output.flush()
    }
}
