#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal

/// Makes new records: a fresh id, the time now on its clock, the monotonic stamp, the
/// writing tool and its session.
public struct RecordStamper: Sendable {
    public let source: RecordSource
    public let session: UUID?
    /// The clock a record's `time` is read from when none is given.
    public let clock: JournalClock

    /// `tool` names the program and subcommand: `liptwitch note`.
    public init(tool: String, version: String, session: UUID? = nil, clock: JournalClock) {
        source = RecordSource(tool: tool, version: version)
        self.session = session
        self.clock = clock
    }

    /// A record of `body` written at `time`, or now on the stamper's clock.
    public func record(_ body: RecordBody, at time: LocalTime? = nil) -> JournalRecord {
        JournalRecord(
            id: UUID(), time: time ?? clock.now(), source: source, session: session, clock: MonotonicStamp.now(), body: body)
    }
}
