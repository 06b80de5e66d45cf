import Foundation
import JournalSynthesis
import LipTwitchJournal

/// Writes a seeded synthetic journal (`JournalSynthesis`) as month files, for the journal
/// and report benchmarks (`scripts/bench`) and `scripts/check-report`:
///
///     SyntheticJournalWriter DIR [--days N] [--seed S] [--dense] [--start YYYY-MM-DD]
///
/// The default is four weeks of `SyntheticJournal.showcase` (a planted caffeine effect, a
/// tremor day, a spreading site, noted symptoms: every chart and red flag has something to
/// show). `--dense` writes `SyntheticJournal.heavy`, the benchmarks' heavy twitcher (about
/// 960 records a day).
@main
struct SyntheticJournalWriter {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard let directory = arguments.first else {
            FileHandle.standardError.write(Data("usage: SyntheticJournalWriter DIR [--days N] [--seed S] [--dense] [--start YYYY-MM-DD]\n".utf8))
            exit(2)
        }
        arguments.removeFirst()
        func value(_ name: String) -> String? {
            arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        }
        let days = Int(value("--days") ?? "") ?? 28
        let seed = UInt64(value("--seed") ?? "") ?? 1
        let start = value("--start").flatMap { text -> CivilDate? in
            let parts = text.split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? CivilDate(year: parts[0], month: parts[1], day: parts[2]) : nil
        } ?? CivilDate(year: 2026, month: 10, day: 1)!
        let journal = arguments.contains("--dense")
            ? SyntheticJournal.heavy(firstDay: start, days: days, seed: seed)
            : SyntheticJournal.showcase(firstDay: start, days: days, seed: seed)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var current: (name: String, handle: FileHandle)?
        var buffer = Data()
        var records = 0
        try journal.forEachLine { month, line in
            if current?.name != month.fileName {
                try current?.handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
                let path = directory + "/" + month.fileName
                FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
                current = (month.fileName, try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
            }
            buffer.append(contentsOf: line.utf8)
            buffer.append(0x0A)
            records += 1
            if buffer.count > 1 << 20 {
                try current?.handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try current?.handle.write(contentsOf: buffer)
        print("wrote \(records) lines (\(days) days from \(start)) to \(directory)")
    }
}
