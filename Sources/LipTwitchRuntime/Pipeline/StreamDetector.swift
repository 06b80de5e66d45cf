import LipTwitchDetector
import LipTwitchProtocol

/// The detector of one stream: a `TwitchDetector` for the sensor's channels (each EMG
/// channel an input; an accelerometer's axes at one placement one input), fed the stream's
/// samples in physical units and, for the samples a gap lost, frames marked as missing, so
/// that its sample index stays the stream's: detector sample `s` is stream index
/// `firstStreamIndex + s`.
struct StreamDetector: Sendable {
    private var detector: TwitchDetector
    /// The stream index of the detector's first sample.
    let firstStreamIndex: UInt64
    /// For each input, the sensor channel it starts at (its column in a frame).
    let channels: [Int]
    private var missing = MissingFrames()

    /// The detector for `identity`'s channels, from stream index `firstStreamIndex`; throws
    /// when the stream cannot be analysed (a rate too low for the signal's bands).
    init(
        identity: DeviceIdentity, firstStreamIndex: UInt64, configuration: DetectorConfiguration,
        profile: DetectorProfile?
    ) throws(DetectorError) {
        let inputs = Self.inputs(for: identity)
        detector = try TwitchDetector(
            sampleRateHz: Double(identity.sampleRateHz), inputs: inputs.map(\.input), columnCount: identity.channelCount,
            configuration: configuration, profile: profile)
        channels = inputs.map(\.channel)
        self.firstStreamIndex = firstStreamIndex
    }

    /// What the detector watches: EMG channels one by one, named by their placement; the
    /// axes of an accelerometer grouped by placement.
    static func inputs(for identity: DeviceIdentity) -> [(input: DetectorInput, channel: Int)] {
        var inputs: [(input: DetectorInput, channel: Int)] = []
        var accelerometers: [(placement: Placement, axes: [Axis: Int])] = []
        for (column, channel) in identity.channels.enumerated() {
            switch identity.sensorKind {
            case .emg:
                let label = channel.placement == .unspecified ? "channel \(column)" : channel.placement.label
                inputs.append((DetectorInput(kind: .emg(column: column), label: label, placement: channel.placement.label), column))
            case .accelerometer:
                let axis = channel.axis == .none ? Axis.x : channel.axis
                if let index = accelerometers.firstIndex(where: { $0.placement == channel.placement && $0.axes[axis] == nil }) {
                    accelerometers[index].axes[axis] = column
                } else {
                    accelerometers.append((channel.placement, [axis: column]))
                }
            }
        }
        for accelerometer in accelerometers {
            let input = DetectorInput(
                kind: .accelerometer(x: accelerometer.axes[.x], y: accelerometer.axes[.y], z: accelerometer.axes[.z]),
                label: accelerometer.placement.label, placement: accelerometer.placement.label)
            inputs.append((input, accelerometer.axes.values.min() ?? 0))
        }
        return inputs
    }

    var sampleRateHz: Double { detector.sampleRateHz }
    var inputs: [DetectorInput] { detector.inputs }

    /// Frames of the stream, sample-major, in physical units; `quality` per value, or nil.
    mutating func process(_ values: [Float], quality: [SampleQuality]?, into events: inout [DetectorEvent]) {
        detector.process(values, quality: quality, into: &events)
    }

    /// `samples` frames that a gap lost: the detector sees them as missing.
    mutating func skip(_ samples: UInt64, into events: inout [DetectorEvent]) {
        missing.feed(samples, columns: detector.columnCount) { detector.process($0, quality: $1, into: &events) }
    }

    /// The stream ended: what is open closes (episodes as truncated).
    mutating func finish(into events: inout [DetectorEvent]) {
        detector.finish(into: &events)
    }
}
