import LipTwitchCapture
import LipTwitchLink
import LipTwitchSystem

/// A capture file through `SensorPipeline`, exactly as the live run fed it: every port
/// activity at its recorded time, with the recorded wall-clock anchor, then the finish at
/// the capture's last moment. The records come out through `body`, in order, with the
/// capture time of the input that made them (as the live run made them then); the same
/// file always gives the same records.
///
/// `configuration` makes the pipeline's configuration from the capture's header (its
/// calibration profile, say) and the recorded anchor; it is called once, before `header`.
/// `pace`, when given, is called with each activity's time before it is fed (a replay at
/// N× real time waits there); returning false stops the playback early.
public struct CapturePlayback {
    public let path: String
    public var configuration: (CaptureHeader, WallClockAnchor) throws -> PipelineConfiguration

    public init(
        path: String,
        configuration: @escaping (CaptureHeader, WallClockAnchor) throws -> PipelineConfiguration = {
            PipelineConfiguration(anchor: $1)
        }
    ) {
        self.path = path
        self.configuration = configuration
    }

    /// How the playback went.
    public struct Outcome: Sendable {
        public var header: CaptureHeader
        public var anchor: WallClockAnchor
        /// The capture's last moment, when the pipeline was finished.
        public var end: HostTime
        /// Complete, or where the file was cut.
        public var ending: CaptureEnding
        /// False when `pace` stopped it.
        public var finished: Bool
        public var counters: PipelineCounters
        /// Records of a kind this LipTwitch does not know, skipped.
        public var skippedRecords: Int
    }

    /// Why a capture could not be played; its description is the sentence to show.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Plays the capture; `header` is called once, before any record.
    public func play(
        header headerBody: (CaptureHeader, WallClockAnchor) throws -> Void = { _, _ in },
        pace: ((HostTime) -> Bool)? = nil,
        _ body: (_ record: PipelineRecord, _ anchor: WallClockAnchor, _ at: HostTime) throws -> Void
    ) throws -> Outcome {
        var reader = try CaptureFileReader(path: path)
        var pipeline: SensorPipeline?
        var link: ReplayedLink?
        var decoder = PortDecoder()
        var anchor: WallClockAnchor?
        var records: [PipelineRecord] = []
        var events: [LinkOutput] = []
        var lastTime: HostTime?
        var finished = true
        /// The link's events into the pipeline, and the pipeline's records out.
        func flush(at time: HostTime) throws {
            for event in events { pipeline?.handle(event, into: &records) }
            events.removeAll(keepingCapacity: true)
            if let anchor { for record in records { try body(record, anchor, time) } }
            records.removeAll(keepingCapacity: true)
        }
        reading: while let event = try reader.next() {
            if case .header(let header) = event {
                let start = WallClockAnchor(monotonic: header.startMonotonic, wall: header.startWall)
                anchor = start
                lastTime = header.startMonotonic
                pipeline = SensorPipeline(configuration: try configuration(header, start))
                link = ReplayedLink(devicePath: header.devicePath ?? "capture", configuration: header.linkConfiguration)
                decoder = PortDecoder(driver: header.driver)
                try headerBody(header, start)
                continue
            }
            guard let time = event.time else { continue }
            if case .activity = event, !(pace?(time) ?? true) {
                finished = false
                break reading
            }
            // As live: the link's timer, then the port's activity (a read decoded once) into
            // the pipeline, then what the link made of it.
            link?.advance(to: time, into: &events)
            try flush(at: time)
            var read: DecodedRead?
            if case .activity(let activity, _) = event {
                read = decoder.follow(activity, at: time)
                pipeline?.handle(.port(activity, at: time), into: &records)
                if let read { pipeline?.handle(.decoded(read), into: &records) }
            }
            try flush(at: time)
            if let read { link?.take(read, into: &events) } else { link?.handle(event, into: &events) }
            try flush(at: time)
            lastTime = time
        }
        let ending = try reader.ending()
        guard let header = reader.header, let anchor, var pipeline, let lastTime else {
            throw Failure(description: "\(reader.name) ends inside its header (\(Self.bytes(ending))): there is nothing to replay")
        }
        pipeline.finish(at: lastTime, into: &records)
        for record in records { try body(record, anchor, lastTime) }
        return Outcome(
            header: header, anchor: anchor, end: lastTime, ending: ending, finished: finished, counters: pipeline.counters,
            skippedRecords: reader.skippedRecords)
    }

    private static func bytes(_ ending: CaptureEnding) -> String {
        guard case .cut(let cut) = ending else { return "complete" }
        return "\(cut.partialBytes) bytes"
    }

    /// A sentence for a capture cut short: where, and that what came before was replayed.
    public static func cutSentence(_ cut: CaptureCut, path: String, anchor: WallClockAnchor) -> String {
        let at = cut.lastTime.map { " (the last at +\(ElapsedTime.decimal(anchor.seconds(at: $0))) s)" } ?? ""
        let how = cut.partialBytes > 0 ? "was cut inside a record" : "has no end record"
        return "\(path) ends early: it \(how) after \(cut.records) complete records\(at); everything before the "
            + "cut was replayed (a capture interrupted by a crash or a full disk looks like this)"
    }
}
