// journal-year DIR [DAYS] [SEED]: writes DAYS days (default 365) of a synthetic journal
// (SyntheticJournal) into DIR as month files, for `scripts/bench` to read back.
import Foundation
import LipTwitchJournal
import SyntheticJournal

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: journal-year DIR [DAYS] [SEED]\n".utf8))
    exit(2)
}
let directory = arguments[1]
let days = arguments.count > 2 ? Int(arguments[2])! : 365
var journal = SyntheticJournal(seed: arguments.count > 3 ? UInt64(arguments[3])! : 1)
try FileManager.default.createDirectory(
    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
var files: [JournalMonth: FileHandle] = [:]
var count = 0
for day in 0..<days {
    var chunks: [JournalMonth: String] = [:]
    for record in journal.day(day) {
        let month = JournalMonth(of: record.time)
        if files[month] == nil {
            let path = directory + "/" + month.fileName
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let file = FileHandle(forWritingAtPath: path)
            else { fatalError("cannot create \(path)") }
            files[month] = file
            chunks[month, default: ""] += journal.header(before: record).jsonLine + "\n"
        }
        chunks[month, default: ""] += record.jsonLine + "\n"
        count += 1
    }
    for (month, text) in chunks { files[month]!.write(Data(text.utf8)) }
}
for file in files.values { try file.close() }
print("\(count) records in \(files.count) files in \(directory)")
