/// Calibration from a recording: the wearer rests for `restSeconds` (10 s by default),
/// then presses the lips together deliberately, about a second each, at least
/// `minimumPresses` times with a few seconds of rest between. Fed the recording like the
/// detector, it yields a `DetectorProfile`: each input's rest floor and press RMS. On the
/// way it says what it notices (`CalibrationEvent`), so that a live calibration can guide
/// the wearer.
///
/// The generator's `calibration` scenario follows this protocol (12 s rest, five presses).
public struct Calibrator: Sendable {
    public let sampleRateHz: Double
    public let restSeconds: Double
    private var channels: [ChannelCalibration]
    private let layout: FrameLayout
    /// One input's frames of the block under way: scratch space.
    private var unpacked: [InputFrame] = []
    private let restFrames: Int
    private let framesPerSecond: Int
    /// Frames processed so far.
    private var frames = 0
    private var restAnnounced = false

    public static let minimumPresses = 3
    /// A burst shorter than this does not count as a press.
    public static let minimumPressSeconds = ChannelCalibration.minimumPressSeconds

    public init(sampleRateHz: Double, inputs: [DetectorInput], columnCount: Int, restSeconds: Double = 10,
                configuration: DetectorConfiguration = DetectorConfiguration()) throws(DetectorError) {
        // The detector's checks apply: the same rates and columns make sense.
        _ = try TwitchDetector(sampleRateHz: sampleRateHz, inputs: inputs, columnCount: columnCount,
                               configuration: configuration)
        self.sampleRateHz = sampleRateHz
        self.restSeconds = restSeconds
        layout = FrameLayout(inputs: inputs, columnCount: columnCount)
        restFrames = Int(restSeconds * sampleRateHz)
        framesPerSecond = max(1, Int(sampleRateHz.rounded()))
        channels = inputs.map {
            ChannelCalibration(input: $0, configuration: configuration, sampleRate: sampleRateHz, restSeconds: restSeconds)
        }
    }

    /// Processes whole frames, laid out as for `TwitchDetector.process`; what it notices
    /// is appended to `events`.
    public mutating func process(
        _ values: UnsafeBufferPointer<Float>, quality: UnsafeBufferPointer<SampleQuality>?,
        into events: inout [CalibrationEvent]
    ) {
        let count = layout.frameCount(values.count)
        for input in channels.indices {
            layout.unpack(values, quality: quality, input: input, frames: 0..<count, into: &unpacked)
            channels[input].push(unpacked)
        }
        countRest(through: frames + count, into: &events)
        frames += count
        collect(into: &events)
    }

    /// Processes whole frames from arrays.
    public mutating func process(_ values: [Float], quality: [SampleQuality]? = nil, into events: inout [CalibrationEvent]) {
        FrameLayout.withBuffers(values, quality) { process($0, quality: $1, into: &events) }
    }

    /// A `resting` event for every whole second of the rest period up to frame `end`.
    private func countRest(through end: Int, into events: inout [CalibrationEvent]) {
        var second = frames / framesPerSecond + 1
        while second * framesPerSecond <= end, second * framesPerSecond < restFrames {
            let left = (restFrames - second * framesPerSecond + framesPerSecond - 1) / framesPerSecond
            events.append(.resting(secondsLeft: left))
            second += 1
        }
    }

    /// What the channels found since the last call, as events.
    private mutating func collect(into events: inout [CalibrationEvent]) {
        if !restAnnounced, channels.allSatisfy({ $0.restFloor != nil }) {
            restAnnounced = true
            events.append(.restMeasured(floors: channels.compactMap(\.restFloor)))
        }
        for index in channels.indices where !channels[index].findings.isEmpty {
            for finding in channels[index].findings {
                switch finding {
                case .press(let rms, let seconds):
                    events.append(.press(input: index, rms: rms, seconds: seconds, count: channels[index].presses.count))
                case .shortPress(let seconds):
                    events.append(.shortPress(input: index, seconds: seconds))
                }
            }
            channels[index].findings.removeAll()
        }
    }

    /// Ends the recording and returns the profile, or says what the recording lacks; what
    /// the last samples showed is appended to `events` first.
    public mutating func finish(into events: inout [CalibrationEvent]) throws(DetectorError) -> DetectorProfile {
        for index in channels.indices { channels[index].finish() }
        collect(into: &events)
        var profiles: [DetectorProfile.Channel] = []
        for channel in channels {
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
