import JSONLines
import LipTwitchLink
import LipTwitchProtocol

/// The lines `liptwitch link` prints: as JSON objects with a `class` (`link`, `gap`,
/// `marker`, `link_status`, `summary`) for programs, or as readable lines for people.
/// Every line starts with `t`, seconds since the command started.
struct LinkReport: Sendable {
    let json: Bool

    func event(_ event: LinkEvent, at seconds: Double) -> String {
        guard json else { return ElapsedTime.stamp(seconds) + event.sentence }
        var object = Self.object("link", seconds)
        object.add("event", event.name)
        object.add("phase", event.phase.rawValue)
        Self.addDetails(of: event, to: &object)
        object.add("message", event.sentence)
        return object.serialized
    }

    func gap(_ gap: SampleGap, at seconds: Double) -> String {
        let milliseconds = Double(gap.duration.nanoseconds) / 1e6
        guard json else {
            return ElapsedTime.stamp(seconds)
                + "gap: \(gap.samples) samples (\(ElapsedTime.decimal(milliseconds)) ms) lost from sample \(gap.firstMissingIndex)"
        }
        var object = Self.object("gap", seconds)
        object.add("samples", gap.samples)
        object.add("duration_s", milliseconds / 1000)
        object.add("first_missing_index", gap.firstMissingIndex)
        return object.serialized
    }

    func marker(_ marker: UserMarker, at seconds: Double) -> String {
        guard json else {
            return ElapsedTime.stamp(seconds) + "marker: the wearer pressed the button (\(marker.kind.label), sample \(marker.sampleIndex))"
        }
        var object = Self.object("marker", seconds)
        object.add("kind", marker.kind.label)
        object.add("sample_index", marker.sampleIndex)
        return object.serialized
    }

    /// The line of one interval: what arrived in it, then the totals.
    func status(_ statistics: LinkStatistics, interval: LinkStatistics, at seconds: Double, className: String = "link_status")
        -> String
    {
        let decoder = statistics.decoder
        let link = statistics.link
        guard json else {
            return ElapsedTime.stamp(seconds) + "\(statistics.phase.rawValue): \(interval.batches) batches, "
                + "\(interval.samples) samples per channel, \(interval.gaps) gaps | total \(decoder.bytesReceived) bytes, "
                + "\(decoder.bytesDiscarded) discarded, \(decoder.crcFailures) CRC failures, \(decoder.lostFrames) frames "
                + "lost | \(link.reconnects) reconnects, \(link.stalls) stalls, \(link.handshakeFailures) handshake failures"
        }
        var object = Self.object(className, seconds)
        object.add("phase", statistics.phase.rawValue)
        object.add("batches", interval.batches)
        object.add("samples", interval.samples)
        object.add("gaps", interval.gaps)
        object.add("missing_samples", interval.missingSamples)
        for (key, value) in [
            ("bytes", decoder.bytesReceived), ("bytes_discarded", decoder.bytesDiscarded),
            ("crc_failures", decoder.crcFailures), ("resyncs", decoder.resyncs), ("lost_frames", decoder.lostFrames),
            ("opens", link.opens), ("reconnects", link.reconnects), ("stalls", link.stalls),
            ("handshake_failures", link.handshakeFailures), ("disconnects", link.disconnects),
        ] { object.add(key, value) }
        object.add("drift_ppm", (statistics.driftPartsPerMillion * 10).rounded() / 10)
        return object.serialized
    }

    /// The fields of `event` beyond its name (shared with `PipelineRecord`'s JSON).
    static func addDetails(of event: LinkEvent, to object: inout JSONObject) {
        switch event {
        case .opening(let location):
            object.add("path", location.devicePath)
        case .openFailed(let failure, let retryIn):
            object.add("reason", failure.kind.rawValue)
            object.add("retry_s", retryIn.seconds)
        case .opened(let path), .removed(let path):
            object.add("path", path)
        case .identified(let identity), .streaming(let identity):
            object.add("serial", identity.serialNumber)
            object.add("kind", identity.sensorKind.label)
            object.add("channels", identity.channelCount)
            object.add("rate_hz", identity.sampleRateHz)
        case .rateChanged(let from, let to):
            object.add("from_hz", from)
            object.add("to_hz", to)
        case .lineRateChanged(let from, let to):
            object.add("from_baud", from)
            object.add("to_baud", to)
        case .stalled(let silence):
            object.add("silence_s", silence.seconds)
        case .handshakeFailed(_, let retryIn), .disconnected(_, let retryIn):
            object.add("retry_s", retryIn.seconds)
        case .stopped(let outcome):
            object.add("outcome", outcome.rawValue)
        case .deviceRestarted, .incompatible, .stopping:
            break
        }
    }

    private static func object(_ className: String, _ seconds: Double) -> JSONObject {
        var object = JSONObject(class: className)
        object.add("t", (seconds * 1000).rounded() / 1000)
        return object
    }
}
