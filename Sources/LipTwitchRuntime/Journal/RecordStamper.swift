#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal

/// Makes new records: a fresh id, the time now, the monotonic stamp, the writing tool and
/// its session.
public struct RecordStamper: Sendable {
    public let source: RecordSource
    public let session: UUID?

    /// `tool` names the program and subcommand: `liptwitch note`.
    public init(tool: String, version: String, session: UUID? = nil) {
        source = RecordSource(tool: tool, version: version)
        self.session = session
    }

    public func record(_ body: RecordBody, at time: LocalTime = JournalClock.now()) -> JournalRecord {
        JournalRecord(id: UUID(), time: time, source: source, session: session, clock: JournalClock.stamp(), body: body)
    }
}
