#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchCapture
import LipTwitchJournal
import LipTwitchSystem

/// A replay's records in a journal: a session start (mode `replay`), the sensor's
/// connections and disconnections, the gaps and the episodes, with the capture's own
/// times, the last counters, and a session stop.
final class ReplayJournal {
    private let store: JournalStore
    private let stamper: RecordStamper
    /// Names the detector in episode records; set from the replay's configuration once the
    /// capture's header has told which profile it uses.
    var detector: EpisodeRecord.Detector
    private var sensor: String?
    private var lastCounters: (record: PipelineRecord, anchor: WallClockAnchor)?

    init(directory: String, version: String, detector: EpisodeRecord.Detector) throws(JournalError) {
        self.detector = detector
        store = try JournalStore(directory: directory)
        stamper = RecordStamper(tool: "liptwitch replay", version: version, session: UUID())
        _ = try store.append(stamper.record(.session(SessionRecord(event: .start, mode: "replay"))))
    }

    func write(_ record: PipelineRecord, anchor: WallClockAnchor, devicePath: String?) throws(JournalError) {
        switch record {
        case .streamStarted(let start): sensor = start.identity.serialNumber
        case .counters: lastCounters = (record, anchor)
        default: break
        }
        switch record {
        case .streamStarted, .streamEnded, .gap, .episode: try append(record, anchor: anchor, devicePath: devicePath)
        default: break
        }
    }

    func finish(outcome: CapturePlayback.Outcome) throws(JournalError) {
        if let (record, anchor) = lastCounters { try append(record, anchor: anchor, devicePath: nil) }
        let reason = if case .complete = outcome.ending { "end of input" } else { "the capture was cut short" }
        _ = try store.append(stamper.record(.session(SessionRecord(event: .stop, mode: "replay", reason: reason))))
    }

    private func append(_ record: PipelineRecord, anchor: WallClockAnchor, devicePath: String?) throws(JournalError) {
        guard
            let body = record.journalBody(
                anchor: anchor, sensor: sensor ?? "unknown", devicePath: devicePath, detector: detector),
            let time = record.time
        else { return }
        _ = try store.append(stamper.record(body, at: anchor.localTime(at: time)))
    }
}
