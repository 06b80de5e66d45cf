import LipTwitchDetector
import LipTwitchLink
import LipTwitchProtocol

/// Everything that happens to one sensor's data after the port, in one deterministic
/// value: what each read said (decoded once, by the link's `PortDecoder`, with the host
/// monotonic time the read returned), what happened at the port, and the link's events
/// go in (each batch already placed in host time by that decoder's `DeviceClock`, or
/// called stale); a `TwitchDetector` per stream watches the samples in physical units (or a `Calibrator` learns the wearer from
/// them, for `liptwitch calibrate`), and out come records: streams starting and ending,
/// gaps of known length, signal levels for a meter, twitch onsets and episodes (or the
/// calibration's steps), status, markers, counters, and the link's events passed through
/// in order.
///
/// It has no I/O and no clock: the same inputs give the same records, bit for bit. Live
/// use and replay feed it the same way (a link's outputs, `LinkOutput`), so a replayed
/// capture gives exactly what the live run gave:
///
/// ```swift
/// var pipeline = SensorPipeline(configuration: PipelineConfiguration(anchor: anchor))
/// var records: [PipelineRecord] = []
/// // live: a SensorLink's outputs; replay: a capture's records, decoded, and its link's events
/// pipeline.handle(.port(.opened(path: "/dev/ttyACM0"), at: t0), into: &records)
/// pipeline.handle(.port(.read(bytes), at: t1), into: &records)
/// pipeline.handle(.decoded(decoder.decode(bytes, at: t1)), into: &records)
/// pipeline.handle(.event(linkEvent, at: t2), into: &records)
/// pipeline.finish(at: t3, into: &records)       // closes the stream, the last counters
/// ```
///
/// What the samples mean comes from the bytes alone, as the sensor said it: a stream
/// begins at the acknowledgement of START (samples before it are stale and counted, as
/// the link drops them) and ends at the acknowledgement of STOP, a new IDENTITY or START,
/// a hang-up or a close of the port. A sample index that jumps is a gap of exactly the
/// missing samples (`sequence-gap` when frames were lost on the wire, `overrun` when the
/// sensor dropped them); the time between two streams is a gap too (`disconnected` when
/// the port went away in between, `link-stall` otherwise). Link events are records only:
/// they change nothing else, so the samples' fate never depends on a timer.
public struct SensorPipeline: Sendable {
    public let configuration: PipelineConfiguration
    /// The sensor as its last IDENTITY described it.
    public private(set) var identity: DeviceIdentity?
    private var phase = Phase.idle
    /// Where the last stream ended, for the gap before the next one.
    private var lastStream: (end: HostTime, deviceMicros: Int64?)?
    /// The port went away since the last stream ended.
    private var portLostSinceLastStream = false
    /// Frames the decoder said were lost since the last batch.
    private var framesLostSinceLastBatch = 0
    private var nextCountersAt: HostTime?
    private var tally = PipelineCounters()

    private enum Phase: Sendable {
        /// No stream: the next batch the decoder places begins one.
        case idle
        case streaming(ActiveStream)
    }

    public init(configuration: PipelineConfiguration) {
        self.configuration = configuration
    }

    /// Every count so far.
    public var counters: PipelineCounters { tally }

    /// Whether a stream is running (samples are being analysed).
    public var isStreaming: Bool {
        if case .streaming = phase { return true }
        return false
    }

    /// Takes an output of the link; the running stream's batches, status and markers as
    /// the link placed them are not the pipeline's (it makes its own of the decoded reads).
    public mutating func handle(_ output: LinkOutput, into records: inout [PipelineRecord]) {
        switch output {
        case .port(let activity, let time):
            handle(activity, at: time, into: &records)
        case .decoded(let read):
            for decoded in read.events {
                tally.decoder = decoded.counters
                handle(decoded, at: read.time, into: &records)
            }
            tally.decoder = read.counters
            reportCountersIfDue(at: read.time, into: &records)
        case .event(let event, let time):
            records.append(.link(event, at: time))
        case .samples, .status, .marker:
            break
        }
    }

    /// What happened at the port at host time `time` (a read's bytes are counted; what
    /// they said follows as the read's `.decoded` output).
    private mutating func handle(_ activity: PortActivity, at time: HostTime, into records: inout [PipelineRecord]) {
        switch activity {
        case .opened:
            endStream(.closed, at: time, into: &records)
            framesLostSinceLastBatch = 0
        case .read:
            tally.reads += 1
            return
        case .hungUp:
            tally.hangUps += 1
            endStream(.disconnected, at: time, into: &records)
            portLostSinceLastStream = true
        case .closed:
            endStream(.closed, at: time, into: &records)
            portLostSinceLastStream = true
        }
        reportCountersIfDue(at: time, into: &records)
    }

    /// The input is over (the capture ended, the daemon stops): the stream ends, and the
    /// last counters follow.
    public mutating func finish(at time: HostTime, into records: inout [PipelineRecord]) {
        if !endStream(.finished, at: time, into: &records) { records.append(.counters(counters, at: time)) }
    }

    private mutating func handle(_ decoded: DecodedEvent, at time: HostTime, into records: inout [PipelineRecord]) {
        switch decoded.event {
        case .message(.identity(let identity), _):
            endStream(.restarted, at: time, into: &records)
            self.identity = identity
        case .message(.ack(let ack), _):
            if ack.commandType == MessageType.start.rawValue {
                endStream(.restarted, at: time, into: &records)
            } else if ack.commandType == MessageType.stop.rawValue {
                endStream(.stopped, at: time, into: &records)
            }
        case .message(.samples(let batch), _):
            guard case .batch(let timing) = decoded.placement else {
                tally.staleBatches += 1
                return
            }
            take(batch, placed: timing, at: time, into: &records)
        case .message(.status(let status), _):
            if case .streaming(var stream) = phase {
                stream.leadOffMask = status.leadOffMask
                phase = .streaming(stream)
            }
            records.append(.status(status, at: time))
        case .message(.marker(let marker), _):
            tally.markers += 1
            let deviceTime: HostTime? = if case .marker(let at) = decoded.placement { at } else { nil }
            records.append(.marker(marker, at: place(marker) ?? deviceTime))
        case .message(.error, _), .message(.pong, _), .frameError, .sequenceReset:
            break
        case .sequenceGap(_, _, let lostFrames):
            framesLostSinceLastBatch += lostFrames
        }
    }

    /// A batch of the running stream as the decoder placed it: the first of a stream, or the
    /// next of one.
    private mutating func take(
        _ batch: SampleBatch, placed timing: BatchTiming, at time: HostTime, into records: inout [PipelineRecord]
    ) {
        var stream: ActiveStream
        switch phase {
        case .idle:
            // The decoder places a batch only in a stream of the sensor the last IDENTITY described.
            guard let identity else { return }
            stream = ActiveStream(
                number: tally.streams + 1, identity: identity, levelInterval: configuration.levelInterval)
        case .streaming(let running):
            stream = running
        }
        if timing.continuity == .streamStart, stream.hasSamples {
            // The sensor counts from 0 again without a START: it restarted; a new stream.
            endStream(.restarted, at: time, into: &records)
            stream = ActiveStream(
                number: tally.streams + 1, identity: stream.identity, levelInterval: configuration.levelInterval)
        }
        // The stream leaves `phase` while it changes: were it still held there too, every
        // buffer it holds (ten minutes of batch timings among them) would be copied on write.
        phase = .idle
        if !stream.hasSamples { begin(&stream, at: timing, into: &records) }
        if case .gap(let gap) = timing.continuity { report(gap, before: timing, in: &stream, into: &records) }
        analyse(batch, timing: timing, in: &stream, into: &records)
        framesLostSinceLastBatch = 0
        phase = .streaming(stream)
    }

    /// The first batch of a stream: its detector, the stream's start, and the gap since
    /// the last one.
    private mutating func begin(_ stream: inout ActiveStream, at timing: BatchTiming, into records: inout [PipelineRecord]) {
        tally.streams += 1
        var detectorProblem: String?
        do {
            switch configuration.analysis {
            case .detect:
                stream.detector = try StreamDetector(
                    identity: stream.identity, firstStreamIndex: timing.streamIndex, configuration: configuration.detector,
                    profile: configuration.profile)
            case .calibrate(let restSeconds):
                stream.calibration = try StreamCalibration(
                    identity: stream.identity, restSeconds: restSeconds, configuration: configuration.detector)
            }
        } catch {
            detectorProblem = error.description
        }
        if let lastStream, lastStream.end < timing.firstSampleTime {
            records.append(
                .gap(
                    PipelineGap(
                        reason: portLostSinceLastStream ? .disconnected : .linkStall, start: lastStream.end,
                        end: timing.firstSampleTime, startDeviceMicros: lastStream.deviceMicros,
                        endDeviceMicros: timing.deviceMicros)))
        }
        portLostSinceLastStream = false
        records.append(
            .streamStarted(
                StreamStart(
                    number: stream.number, identity: stream.identity, at: timing.firstSampleTime,
                    deviceMicros: timing.deviceMicros, detectorProblem: detectorProblem)))
    }

    private mutating func report(
        _ gap: SampleGap, before timing: BatchTiming, in stream: inout ActiveStream, into records: inout [PipelineRecord]
    ) {
        stream.detector?.skip(gap.samples, into: &stream.detectorEvents)
        stream.calibration?.skip(gap.samples, into: &stream.calibrationEvents)
        handOut(.missing(gap.samples), from: timing.streamIndex - gap.samples, at: gap.start, of: stream, into: &records)
        Self.place(&stream, into: &records)
        Self.report(&stream, at: timing.firstSampleTime, into: &records)
        tally.gaps += 1
        tally.missingSamples += gap.samples
        let rate = Int64(max(1, stream.identity.sampleRateHz))
        records.append(
            .gap(
                PipelineGap(
                    reason: framesLostSinceLastBatch > 0 ? .sequenceGap : .overrun, start: gap.start,
                    end: timing.firstSampleTime, lostSamples: gap.samples,
                    startDeviceMicros: timing.deviceMicros - Int64(gap.samples) * 1_000_000 / rate,
                    endDeviceMicros: timing.deviceMicros)))
    }

    /// The samples of a batch in physical units: levels, then the detector's onsets and
    /// episodes (or the calibration's progress).
    private mutating func analyse(
        _ batch: SampleBatch, timing: BatchTiming, in stream: inout ActiveStream, into records: inout [PipelineRecord]
    ) {
        stream.timeline.append(timing)
        let channels = batch.channelCount
        stream.values.removeAll(keepingCapacity: true)
        for index in 0..<batch.sampleCount * channels {
            stream.values.append(Float(batch.values[index]) * stream.scales[index % channels])
        }
        for sample in 0..<batch.sampleCount {
            let frame = stream.values[sample * channels..<(sample + 1) * channels]
            if let level = stream.levels.add(frame, endingAt: timing.time(ofSample: sample + 1)) {
                records.append(.level(level))
            }
        }
        if stream.detector != nil || stream.calibration != nil {
            let quality = Self.quality(of: batch, leadOff: stream.leadOffMask, into: &stream.quality) ? stream.quality : nil
            stream.detector?.process(stream.values, quality: quality, into: &stream.detectorEvents)
            stream.calibration?.process(stream.values, quality: quality, into: &stream.calibrationEvents)
            handOut(.frames(stream.values, quality: quality), from: timing.streamIndex, at: timing.firstSampleTime,
                    of: stream, into: &records)
        }
        let count = UInt64(batch.sampleCount)
        stream.samples += count
        stream.nextStreamIndex = timing.streamIndex + count
        stream.nextWireIndex = batch.firstSampleIndex &+ UInt32(batch.sampleCount)
        stream.lastSampleEnd = timing.time(ofSample: batch.sampleCount)
        stream.lastDeviceEndMicros =
            timing.deviceMicros + Int64(batch.sampleCount) * 1_000_000 / Int64(max(1, stream.identity.sampleRateHz))
        tally.batches += 1
        tally.samples += count
        Self.place(&stream, into: &records)
        Self.report(&stream, at: timing.time(ofSample: batch.sampleCount), into: &records)
    }

    /// What the stream's detector was just given, from stream index `streamIndex`, as a
    /// record when the configuration asks for them.
    private func handOut(
        _ content: PipelineSamples.Content, from streamIndex: UInt64, at time: HostTime, of stream: ActiveStream,
        into records: inout [PipelineRecord]
    ) {
        guard configuration.handsOutSamples, let detector = stream.detector else { return }
        records.append(
            .samples(
                PipelineSamples(
                    stream: stream.number, firstIndex: streamIndex - detector.firstStreamIndex,
                    channelCount: stream.identity.channelCount, content: content, at: time)))
    }

    /// The quality of every value of `batch` into `quality`, when any is not good: an
    /// electrode the last STATUS said is off, a batch flagged saturated. Returns whether
    /// there is any.
    private static func quality(of batch: SampleBatch, leadOff: UInt8, into quality: inout [SampleQuality]) -> Bool {
        let saturated = batch.flags.contains(.saturation)
        guard leadOff != 0 || saturated else { return false }
        quality.removeAll(keepingCapacity: true)
        for index in 0..<batch.sampleCount * batch.channelCount {
            var value: SampleQuality = saturated ? .saturation : .good
            if leadOff & (1 << (index % batch.channelCount)) != 0 { value.insert(.leadOff) }
            quality.append(value)
        }
        return true
    }

    /// The detector's events so far as records, placed in time.
    private static func place(_ stream: inout ActiveStream, into records: inout [PipelineRecord]) {
        guard let detector = stream.detector, !stream.detectorEvents.isEmpty else { return }
        let rate = Int(stream.identity.sampleRateHz)
        for event in stream.detectorEvents {
            switch event {
            case .candidate(let candidate), .dismissed(let candidate, _):
                if let placed = Self.place(candidate, dismissal: event.dismissal, of: detector, in: stream) {
                    records.append(.candidate(placed))
                }
            case .onset(let onset):
                let index = detector.firstStreamIndex + UInt64(onset.onsetSample)
                let confirmed = detector.firstStreamIndex + UInt64(onset.confirmedAtSample)
                guard let at = stream.timeline.time(ofStreamIndex: index),
                    let confirmedAt = stream.timeline.time(ofStreamIndex: confirmed)
                else { continue }
                records.append(
                    .onset(
                        PipelineOnset(
                            onset: onset, sensor: stream.identity.serialNumber, channel: detector.channels[onset.input],
                            placement: detector.inputs[onset.input].placement, at: at, confirmedAt: confirmedAt,
                            sampleRateHz: detector.sampleRateHz)))
            case .episode(let episode):
                let first = detector.firstStreamIndex + UInt64(episode.startSample)
                let last = detector.firstStreamIndex + UInt64(episode.endSample) + 1
                guard let start = stream.timeline.time(ofStreamIndex: first),
                    let end = stream.timeline.time(ofStreamIndex: last),
                    let startMicros = stream.timeline.deviceMicros(ofStreamIndex: first, sampleRateHz: rate),
                    let endMicros = stream.timeline.deviceMicros(ofStreamIndex: last, sampleRateHz: rate)
                else { continue }
                records.append(
                    .episode(
                        PipelineEpisode(
                            episode: episode, sensor: stream.identity.serialNumber,
                            channel: detector.channels[episode.input], start: start, end: end,
                            startDeviceMicros: startMicros, endDeviceMicros: endMicros,
                            sampleRateHz: detector.sampleRateHz)))
            }
        }
        stream.detectorEvents.removeAll(keepingCapacity: true)
    }

    /// A candidate of `detector` in host time (nil when the timeline cannot place it).
    private static func place(
        _ candidate: DetectorCandidate, dismissal: DetectorCandidate.Dismissal?, of detector: StreamDetector,
        in stream: ActiveStream
    ) -> PipelineCandidate? {
        let first = detector.firstStreamIndex
        guard let at = stream.timeline.time(ofStreamIndex: first + UInt64(candidate.onsetSample)),
            let end = stream.timeline.time(ofStreamIndex: first + UInt64(candidate.endSample) + 1),
            let knownAt = stream.timeline.time(ofStreamIndex: first + UInt64(candidate.knownAtSample))
        else { return nil }
        return PipelineCandidate(
            candidate: candidate, dismissal: dismissal, sensor: stream.identity.serialNumber,
            channel: detector.channels[candidate.input], placement: detector.inputs[candidate.input].placement, at: at,
            end: end, knownAt: knownAt)
    }

    /// The calibration's progress so far as records, known at `time`.
    private static func report(_ stream: inout ActiveStream, at time: HostTime, into records: inout [PipelineRecord]) {
        guard let calibration = stream.calibration, !stream.calibrationEvents.isEmpty else { return }
        for event in stream.calibrationEvents {
            records.append(
                .calibration(
                    PipelineCalibration(stream: stream.number, step: .progress(event), inputs: calibration.inputs, at: time)))
        }
        stream.calibrationEvents.removeAll(keepingCapacity: true)
    }

    /// Host time of a marker from its sample index within the running stream (nil outside
    /// one: then its device time, as the decoder placed it, is used).
    private func place(_ marker: UserMarker) -> HostTime? {
        guard case .streaming(let stream) = phase else { return nil }
        return stream.timeline.time(ofStreamIndex: stream.streamIndex(ofWireIndex: marker.sampleIndex))
    }

    /// Ends the running stream, if any, and reports it and the counters; returns whether
    /// there was one (a stream whose START was acknowledged but whose first batch never
    /// came just lapses).
    @discardableResult
    private mutating func endStream(_ reason: StreamEnd.Reason, at time: HostTime, into records: inout [PipelineRecord])
        -> Bool
    {
        let ending = phase
        phase = .idle
        guard case .streaming(var stream) = ending else { return false }
        stream.detector?.finish(into: &stream.detectorEvents)
        Self.place(&stream, into: &records)
        if var calibration = stream.calibration {
            let step = calibration.finish(into: &stream.calibrationEvents)
            let known = stream.lastSampleEnd ?? time
            Self.report(&stream, at: known, into: &records)
            records.append(
                .calibration(PipelineCalibration(stream: stream.number, step: step, inputs: calibration.inputs, at: known)))
        }
        records.append(
            .streamEnded(
                StreamEnd(
                    number: stream.number, reason: reason, at: time, lastSampleEnd: stream.lastSampleEnd,
                    samples: stream.samples)))
        if let end = stream.lastSampleEnd { lastStream = (end, stream.lastDeviceEndMicros) }
        records.append(.counters(counters, at: time))
        return true
    }

    private mutating func reportCountersIfDue(at time: HostTime, into records: inout [PipelineRecord]) {
        guard let interval = configuration.countersInterval else { return }
        guard let due = nextCountersAt else {
            nextCountersAt = time + interval
            return
        }
        guard time >= due else { return }
        records.append(.counters(counters, at: time))
        var next = due
        while next <= time { next = next + interval }
        nextCountersAt = next
    }
}
