/// Calibration from a recording: the wearer rests for `restSeconds` (10 s by default),
/// then presses the lips together deliberately, about a second each, at least
/// `minimumPresses` times with a few seconds of rest between. Fed the recording like the
/// detector, it yields a `DetectorProfile`: each input's rest floor and press RMS.
///
/// The generator's `calibration` scenario follows this protocol (12 s rest, five presses).
public struct Calibrator: Sendable {
    public let sampleRateHz: Double
    public let restSeconds: Double
    private var channels: [ChannelCalibration]
    private let layout: FrameLayout

    public static let minimumPresses = 3

    public init(sampleRateHz: Double, inputs: [DetectorInput], columnCount: Int, restSeconds: Double = 10,
                configuration: DetectorConfiguration = DetectorConfiguration()) throws(DetectorError) {
        // The detector's checks apply: the same rates and columns make sense.
        _ = try TwitchDetector(sampleRateHz: sampleRateHz, inputs: inputs, columnCount: columnCount,
                               configuration: configuration)
        self.sampleRateHz = sampleRateHz
        self.restSeconds = restSeconds
        layout = FrameLayout(inputs: inputs, columnCount: columnCount)
        channels = inputs.map {
            ChannelCalibration(input: $0, configuration: configuration, sampleRate: sampleRateHz, restSeconds: restSeconds)
        }
    }

    /// Processes whole frames, laid out as for `TwitchDetector.process`.
    public mutating func process(_ values: UnsafeBufferPointer<Float>, quality: UnsafeBufferPointer<SampleQuality>?) {
        _ = layout.unpack(values, quality: quality) { input, frame in channels[input].push(frame) }
    }

    /// Processes whole frames from arrays.
    public mutating func process(_ values: [Float], quality: [SampleQuality]? = nil) {
        FrameLayout.withBuffers(values, quality) { process($0, quality: $1) }
    }

    /// Ends the recording and returns the profile, or says what the recording lacks.
    public mutating func finish() throws(DetectorError) -> DetectorProfile {
        var profiles: [DetectorProfile.Channel] = []
        for index in channels.indices {
            channels[index].finish()
            let channel = channels[index]
            let label = channel.input.label
            guard let floor = channel.restFloor else {
                throw DetectorError(
                    "the recording ends within the \(Int(restSeconds)) s rest period; record the rest, then "
                        + "\(Self.minimumPresses) or more deliberate lip presses")
            }
            guard channel.presses.count >= Self.minimumPresses, let press = ChannelCalibration.median(channel.presses) else {
                throw DetectorError(
                    "channel '\(label)' shows \(channel.presses.count) deliberate press(es) after the rest period; "
                        + "press the lips together firmly for about a second, at least \(Self.minimumPresses) "
                        + "times, a few seconds apart")
            }
            profiles.append(DetectorProfile.Channel(
                label: label, placement: channel.input.placement, unit: channel.input.unit, restFloor: floor,
                pressRMS: press, pressCount: channel.presses.count))
        }
        return DetectorProfile(channels: profiles)
    }
}
