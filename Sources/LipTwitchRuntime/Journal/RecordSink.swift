#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal

/// The reader's second half: decodes each line, counts and locates what it skips, leaves
/// out what the filter or a retraction excludes, and hands out the rest. Blank lines are
/// passed over without a word.
struct RecordSink {
    let filter: RecordFilter
    let withdrawn: Set<UUID>
    var summary = ReadSummary()
    private var decoder = JournalLineDecoder()
    /// One bit for each value of the last 12 bits of a withdrawn id: most records are known
    /// not to be withdrawn without hashing their id.
    private let withdrawnBits: [UInt64]

    init(filter: RecordFilter, withdrawn: Set<UUID>) {
        self.filter = filter
        self.withdrawn = withdrawn
        var bits = [UInt64](repeating: 0, count: 64)
        for id in withdrawn {
            let slot = Self.slot(of: id)
            bits[slot >> 6] |= 1 << UInt64(slot & 63)
        }
        withdrawnBits = bits
    }

    private static func slot(of id: UUID) -> Int {
        Int(id.uuid.14 & 0x0F) << 8 | Int(id.uuid.15)
    }

    private func isWithdrawn(_ id: UUID) -> Bool {
        let slot = Self.slot(of: id)
        return withdrawnBits[slot >> 6] & 1 << UInt64(slot & 63) != 0 && withdrawn.contains(id)
    }

    /// Takes line `number` of `file`; returns the reason when the line was skipped.
    @discardableResult
    mutating func take(
        _ line: LineSplitter.Line, number: Int, file: String,
        _ body: (JournalRecord, UnsafeRawBufferPointer) throws -> Void
    ) rethrows -> SkipReason? {
        guard case .text(let bytes) = line else {
            summary.skipped.add(.tooLong, at: LineLocation(file: file, line: number))
            return .tooLong
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        switch decoder.decode(bytes, kinds: filter.kinds, detail: filter.detail) {
        case .record(let record):
            if isWithdrawn(record.id) {
                summary.retracted += 1
            } else if filter.includes(record) {
                summary.records += 1
                try body(record, bytes)
            }
        case .ignored(.retraction):
            summary.retracted += 1
        case .ignored:
            break
        case .skipped(let reason):
            summary.skipped.add(reason, at: LineLocation(file: file, line: number))
            return reason
        }
        return nil
    }
}
