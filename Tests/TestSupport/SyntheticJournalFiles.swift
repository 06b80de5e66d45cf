import Foundation
import JournalSynthesis

/// Writes a synthetic journal into a directory as the month files the daemon would have
/// written (0700 directory, 0600 files).
public enum SyntheticJournalFiles {
    public static func write(_ journal: SyntheticJournal, to directory: String) throws {
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var files: [String: String] = [:]
        journal.forEachLine { month, line in files[month.fileName, default: ""] += line + "\n" }
        for (name, text) in files {
            let path = directory + "/" + name
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
    }
}
