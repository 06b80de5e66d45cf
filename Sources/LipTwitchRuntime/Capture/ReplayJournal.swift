#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchCapture
import LipTwitchJournal
import LipTwitchLink
import LipTwitchSystem

/// A replay's records in a journal: a session start (mode `replay`), the sensor's
/// connections and disconnections, the gaps and the episodes, the last counters, and a
/// session stop. Every record is written at a moment of the capture, on its recorded
/// anchor: the session at the capture's start and end, the others when the pipeline made
/// them, as the live daemon wrote them. So a replay's journal depends on the capture
/// alone, never on the day it runs, and files its records in the months the capture covers.
final class ReplayJournal {
    private let store: JournalStore
    private let stamper: RecordStamper
    /// Names the detector in episode records.
    private let detector: EpisodeRecord.Detector
    private var sensor: String?
    private var lastCounters: (record: PipelineRecord, anchor: WallClockAnchor, at: HostTime)?

    /// Opens the journal and writes the session's start at the capture's start (`anchor`).
    init(directory: String, version: String, detector: EpisodeRecord.Detector, anchor: WallClockAnchor)
        throws(JournalError)
    {
        self.detector = detector
        store = try JournalStore(directory: directory)
        stamper = RecordStamper(tool: "liptwitch replay", version: version, session: UUID(), clock: .fixed(anchor.wall))
        _ = try store.append(stamper.record(.session(SessionRecord(event: .start, mode: "replay"))))
    }

    /// Journals `record`, which the pipeline made at capture time `time`, if the journal keeps it.
    func write(_ record: PipelineRecord, anchor: WallClockAnchor, at time: HostTime, devicePath: String?)
        throws(JournalError)
    {
        switch record {
        case .streamStarted(let start): sensor = start.identity.serialNumber
        case .counters: lastCounters = (record, anchor, time)
        default: break
        }
        switch record {
        case .streamStarted, .streamEnded, .gap, .episode: try append(record, anchor: anchor, at: time, devicePath: devicePath)
        default: break
        }
    }

    /// The last counters and the session's stop, at the capture's end.
    func finish(outcome: CapturePlayback.Outcome) throws(JournalError) {
        if let (record, anchor, time) = lastCounters { try append(record, anchor: anchor, at: time, devicePath: nil) }
        let reason = if case .complete = outcome.ending { "end of input" } else { "the capture was cut short" }
        let stop = SessionRecord(event: .stop, mode: "replay", reason: reason)
        _ = try store.append(stamper.record(.session(stop), at: outcome.anchor.localTime(at: outcome.end)))
    }

    private func append(_ record: PipelineRecord, anchor: WallClockAnchor, at time: HostTime, devicePath: String?)
        throws(JournalError)
    {
        guard
            let body = record.journalBody(
                anchor: anchor, sensor: sensor ?? "unknown", devicePath: devicePath, detector: detector)
        else { return }
        _ = try store.append(stamper.record(body, at: anchor.localTime(at: time)))
    }
}
