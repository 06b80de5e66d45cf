import LipTwitchProtocol
import LipTwitchSystem

/// `liptwitch replay --samples FILE`: the samples each stream's detector was given, as a
/// CSV recording (docs/RECORDINGS.md) that `liptwitch analyze` reads back to the episodes
/// the replay found. `time_s` counts from the stream's first sample; then one column per
/// sensor channel in µV or g, named so that `analyze` makes the same detector inputs
/// (`upper-left_uv`; an accelerometer's axes `chin_x_g` ..., or `ax_g` ... without a
/// placement); every value exactly as the detector had it (a Float, written as the shortest
/// decimal that reads back to it), `NaN` where the detector saw a sample as missing or
/// flagged (a gap, lead-off, saturation). The first stream goes to FILE, a later one (after
/// a reconnection or a restart) to FILE with `-2`, `-3` ... before its extension. Mode 0600.
final class ReplaySamplesFile {
    private let path: String
    private var output: BufferedOutput?
    private var sampleRateHz = 1.0
    private var line: [UInt8] = []
    /// The files written so far.
    private(set) var files: [String] = []

    init(path: String) {
        self.path = path
    }

    /// Takes a record of the replay: a stream's start opens its file, the samples its
    /// detector was given become rows, its end closes the file.
    func take(_ record: PipelineRecord) throws(SystemError) {
        switch record {
        case .streamStarted(let start):
            try close()
            let file = files.isEmpty ? path : Self.path(path, number: files.count + 1)
            let output = try BufferedOutput(path: file)
            try output.write(line: (["time_s"] + Self.columnNames(for: start.identity)).joined(separator: ","))
            self.output = output
            sampleRateHz = Double(start.identity.sampleRateHz)
            files.append(file)
        case .samples(let samples):
            guard let output else { return }
            line.removeAll(keepingCapacity: true)
            switch samples.content {
            case .frames(let values, let quality):
                for frame in 0..<Int(samples.frameCount) {
                    appendTime(ofIndex: samples.firstIndex + UInt64(frame))
                    for column in 0..<samples.channelCount {
                        let index = frame * samples.channelCount + column
                        line.append(UInt8(ascii: ","))
                        if let quality, quality[index] != .good {
                            line.append(contentsOf: "NaN".utf8)
                        } else {
                            line.append(contentsOf: Double(values[index]).description.utf8)
                        }
                    }
                    line.append(UInt8(ascii: "\n"))
                }
            case .missing(let count):
                for frame in 0..<count {
                    appendTime(ofIndex: samples.firstIndex + frame)
                    for _ in 0..<samples.channelCount { line.append(contentsOf: ",NaN".utf8) }
                    line.append(UInt8(ascii: "\n"))
                }
            }
            try output.write(bytes: line)
        case .streamEnded:
            try close()
        default:
            break
        }
    }

    /// Writes out what is buffered and closes the file of the stream that is open.
    func close() throws(SystemError) {
        try output?.flush()
        output = nil
    }

    private func appendTime(ofIndex index: UInt64) {
        FixedPointText.append(Double(index) / sampleRateHz, decimals: 6, to: &line)
    }

    /// `samples.csv` for stream file `number` 2: `samples-2.csv`.
    static func path(_ path: String, number: Int) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "\(path)-\(number)" }
        let stem = path.dropLast(name.distance(from: dot, to: name.endIndex))
        return "\(stem)-\(number)\(name[dot...])"
    }

    /// The CSV's channel columns for a sensor: EMG by placement (`upper-left_uv`, or
    /// `channel_0_uv` without one, with `_ch` and the channel after a placement that repeats),
    /// acceleration by placement and axis (`chin_x_g`, or `ax_g` without one).
    static func columnNames(for identity: DeviceIdentity) -> [String] {
        var names: [String] = []
        for (column, channel) in identity.channels.enumerated() {
            let placement = channel.placement == .unspecified ? nil : channel.placement.label
            switch identity.sensorKind {
            case .emg:
                var name = placement ?? "channel_\(column)"
                if names.contains(name + "_uv") { name += "_ch\(column)" }
                names.append(name + "_uv")
            case .accelerometer:
                let axis = channel.axis == .none ? Axis.x : channel.axis
                names.append(placement.map { "\($0)_\(axis.label)_g" } ?? "a\(axis.label)_g")
            }
        }
        return names
    }
}
