import Foundation
import JournalSynthesis
import LipTwitchJournal

/// Writes a seeded synthetic journal for the report benchmark and `scripts/check-report`:
///
///     SyntheticJournalWriter DIR [--days N] [--seed S] [--dense] [--start YYYY-MM-DD]
///
/// The default is four weeks with a planted caffeine effect, a tremor day, a spreading site
/// and noted symptoms (every chart and red flag has something to show). `--dense` writes
/// the benchmark's heavy twitcher: 40 episodes an hour, a status record every two minutes
/// (about 800 records a day).
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
        var journal = SyntheticJournal(firstDay: start, days: days, seed: seed)
        journal.sites = [("upper-left", 4), ("lower-left", 2), ("left-cheek", 1)]
        journal.quietSites = ["upper-right"]
        journal.siteStartDay = ["left-cheek": days * 2 / 3]
        journal.triggers = [
            PlantedTrigger(tag: "caffeine", notesPerDay: 2, effectHours: 3, rateRatio: 2.5, amount: NoteRecord.Amount(value: 80, unit: "mg")),
            PlantedTrigger(tag: "stress", notesPerDay: 0.5, effectHours: 3, rateRatio: 1),
            PlantedTrigger(tag: "sleep", notesPerDay: 0.15, effectHours: 16, rateRatio: 1.3, amount: NoteRecord.Amount(value: 5, unit: "h"), hours: 6..<8),
        ]
        journal.weeklyGrowth = 0.05
        journal.tremorDays = [days / 2]
        journal.notes = [PlantedNote(day: days - 3, hour: 19, tags: ["drooping"], text: "left corner of the mouth feels heavy")]
        if arguments.contains("--dense") {
            journal.episodesPerHour = 40
            journal.statusMinutes = 2
            journal.weeklyGrowth = 0
        }
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
