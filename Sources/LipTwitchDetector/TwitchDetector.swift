/// The streaming twitch detector: frames of samples in (physical units, per-sample
/// quality), events out (twitch onsets as they are confirmed, episodes as they close).
///
/// A pure core: no I/O, no clock. Time is the sample index; the caller maps it to device
/// time, wall time or an offset into a file. Memory is fixed when it is made (ring buffers
/// sized from the configuration); each frame costs O(1) work and, while no episode
/// closes, no allocation. Feeding the same samples in blocks of any size gives the same
/// events.
///
/// ```swift
/// var detector = try TwitchDetector(sampleRateHz: 2000, inputs: [DetectorInput(kind: .emg(column: 0), label: "emg")],
///                                   columnCount: 1)
/// var events: [DetectorEvent] = []
/// detector.process(block, into: &events)      // any number of frames, sample-major
/// detector.finish(into: &events)              // at the end: closes what is open
/// ```
public struct TwitchDetector: Sendable {
    public let sampleRateHz: Double
    public let inputs: [DetectorInput]
    /// Values per frame in the blocks handed to `process`.
    public let columnCount: Int
    public let configuration: DetectorConfiguration
    private var channels: [ChannelDetector]
    private let layout: FrameLayout
    /// One input's frames of the block under way: scratch space.
    private var unpacked: [InputFrame] = []
    /// Frames processed so far.
    public private(set) var frameCount = 0

    /// The lowest sample rates that leave the bands their meaning: EMG needs its 20 Hz
    /// high-pass well below Nyquist, the accelerometer its 8 to 30 Hz twitch band.
    public static let minimumEMGSampleRateHz = 200.0
    public static let minimumAccelerationSampleRateHz = 50.0

    public init(sampleRateHz: Double, inputs: [DetectorInput], columnCount: Int,
                configuration: DetectorConfiguration = DetectorConfiguration(),
                profile: DetectorProfile? = nil) throws(DetectorError) {
        guard !inputs.isEmpty else { throw DetectorError("there is no EMG or accelerometer channel to watch") }
        for input in inputs {
            let minimum = input.isAccelerometer ? Self.minimumAccelerationSampleRateHz : Self.minimumEMGSampleRateHz
            guard sampleRateHz.isFinite, sampleRateHz >= minimum else {
                throw DetectorError(
                    "\(input.isAccelerometer ? "an accelerometer" : "EMG") needs at least \(Int(minimum)) samples a second; "
                        + "this input has \(sampleRateHz)")
            }
            guard input.columns.allSatisfy({ ($0 ?? 0) >= 0 && ($0 ?? 0) < columnCount }) else {
                throw DetectorError("input '\(input.label)' reads a column beyond the \(columnCount) of a frame")
            }
        }
        self.sampleRateHz = sampleRateHz
        self.inputs = inputs
        self.columnCount = columnCount
        self.configuration = configuration
        layout = FrameLayout(inputs: inputs, columnCount: columnCount)
        channels = inputs.enumerated().map { position, input in
            ChannelDetector(
                index: position, input: input, sampleRate: sampleRateHz, configuration: configuration,
                profile: profile?.channel(for: input, at: position, of: inputs.count))
        }
    }

    /// Frames conditioned at a time: each input's filters run over this many in a row.
    static let blockFrames = 1024

    /// Processes whole frames: `values` holds `columnCount` values per frame, frame after
    /// frame; `quality`, when given, holds one entry per value in the same layout.
    ///
    /// Works on blocks of up to `blockFrames` frames: each input's front (validity,
    /// filters, envelope) takes the whole block, then the bursts and their verdicts take
    /// its samples frame by frame, the inputs in turn, so events come in the same order
    /// however the frames were cut.
    public mutating func process(_ values: UnsafeBufferPointer<Float>, quality: UnsafeBufferPointer<SampleQuality>?,
                                 into events: inout [DetectorEvent]) {
        let frames = layout.frameCount(values.count)
        var start = 0
        while start < frames {
            let end = min(frames, start + Self.blockFrames)
            for input in channels.indices {
                layout.unpack(values, quality: quality, input: input, frames: start..<end, into: &unpacked)
                channels[input].condition(unpacked)
            }
            channels.withUnsafeMutableBufferPointer { channels in
                for position in 0..<channels[0].conditionedCount {
                    for input in channels.indices { channels[input].handleConditioned(at: position, into: &events) }
                }
            }
            start = end
        }
        frameCount += frames
    }

    /// Processes whole frames from arrays (see the buffer-pointer form).
    public mutating func process(_ values: [Float], quality: [SampleQuality]? = nil,
                                 into events: inout [DetectorEvent]) {
        FrameLayout.withBuffers(values, quality) { process($0, quality: $1, into: &events) }
    }

    /// Ends the stream: everything still open is decided and closed (episodes as
    /// truncated). The detector takes no more frames after this.
    public mutating func finish(into events: inout [DetectorEvent]) {
        for channel in channels.indices { channels[channel].finish(into: &events) }
    }

    /// Values of storage held by the parts of the detector that could grow if they were
    /// wrong (the constant-memory test watches it).
    var footprint: Int { channels.reduce(0) { $0 + $1.footprint } }

    /// What every input has seen, added up.
    public var counters: DetectorCounters {
        channels.reduce(DetectorCounters()) { $0 + $1.counters }
    }

    /// What input `input` has seen.
    public func counters(ofInput input: Int) -> DetectorCounters { channels[input].counters }

    /// The mains frequency each EMG input's notches remove now (nil: undecided or none).
    public var mainsHz: [Double?] { channels.map(\.mainsHz) }

    /// The noise floor of each input now (nil before its first quarter second).
    public var noiseFloors: [Double?] { channels.map(\.noiseFloor) }
}
