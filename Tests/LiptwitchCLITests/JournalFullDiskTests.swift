import Foundation
import LipTwitchJournal
import Testing

/// A journal that cannot be written: a file size limit (RLIMIT_FSIZE), a full disk, a
/// read-only file system, a directory of another user. Each gives one clear sentence and a
/// non-zero exit (`liptwitch note`) or keeps records until writing works again (the
/// daemon's `JournalWriter`), never a crash. The full disk and the read-only mount are made
/// in a private mount namespace (`unshare`); the other user is `nobody` (`setpriv`, as
/// root). Tests whose tool is missing or not permitted here are skipped, saying why.
@Suite struct JournalFullDiskTests {
    private let hammer = LiptwitchProcess.built("journal-hammer")
    private let liptwitch = LiptwitchProcess.executable.path

    /// True when this machine lets an unprivileged mount namespace mount a tmpfs.
    static let canUnshare: Bool = {
        (try? LiptwitchProcess.run(
            ["--user", "--map-root-user", "--mount", "sh", "-c", "mount -t tmpfs tmpfs /mnt"],
            program: URL(fileURLWithPath: "/usr/bin/unshare")).status) == 0
    }()

    static let isRoot = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    static let hasPrlimit = FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit")

    /// Runs a shell script in a private mount namespace where it is root.
    private func unshared(_ script: String) throws -> LiptwitchProcess.Result {
        try LiptwitchProcess.run(
            ["--user", "--map-root-user", "--mount", "sh", "-c", script], program: URL(fileURLWithPath: "/usr/bin/unshare"))
    }

    @Test(.enabled(if: hasPrlimit, "needs prlimit (util-linux)"))
    func aFileSizeLimitIsAClearErrorAndWritingResumesWithoutIt() throws {
        let files = try JournalFiles()
        #expect(try LiptwitchProcess.run(["note", "before", "--journal", files.directory]).status == 0)
        let size = try files.lines().joined(separator: "\n").utf8.count + 1
        let limited = try LiptwitchProcess.run(
            ["--fsize=\(size + 40)", liptwitch, "note", "a note longer than forty bytes, over the limit", "--journal", files.directory],
            program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(limited.status == 1)
        #expect(limited.standardError.contains("cannot write the journal file"))
        #expect(limited.standardError.contains("the file reached the largest size this process may write (ulimit -f)"))
        #expect(!limited.standardError.contains("Fatal") && !limited.standardError.contains("core dumped"))
        #expect(try files.lines().joined(separator: "\n").utf8.count + 1 == size, "the half-written line was cut off")
        #expect(try LiptwitchProcess.run(["note", "after", "--journal", files.directory]).status == 0)
        #expect(try files.noteTexts() == ["before", "after"])
        #expect(try files.read().skipped == 0)
    }

    /// The writer's status lines, as JSON objects.
    private func statuses(_ lines: [String]) -> [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["step"] != nil }
    }

    private func expectTheWriterRecovered(_ statuses: [[String: Any]], error: String) {
        #expect(statuses.count == 9)
        #expect(statuses.first?["written"] as? Int == 1)
        let failing = statuses.dropFirst().dropLast()
        #expect(failing.allSatisfy { ($0["error"] as? String)?.contains(error) == true })
        #expect(failing.last?["pending"] as? Int == 4 && failing.last?["dropped"] as? Int == 2)
        let recovered = statuses.last ?? [:]
        #expect(recovered["pending"] as? Int == 0 && recovered["error"] is NSNull)
    }

    @Test func theDaemonsWriterKeepsRecordsUnderAFileSizeLimitAndWritesThemWhenItIsLifted() throws {
        let files = try JournalFiles()
        let result = try LiptwitchProcess.run(["writer", files.directory, "efbig"], program: hammer)
        #expect(result.status == 0, "\(result.standardError)")
        expectTheWriterRecovered(statuses(result.outputLines), error: "the file reached the largest size")
        #expect(try files.read().skipped == 0)
        #expect(try files.noteTexts().map { String($0.prefix(15)) }
            == ["before the limi", "while failing 3", "while failing 4", "while failing 5", "while failing 6"])
        let gaps = try files.read(RecordFilter(kinds: [.gap])).records.compactMap { record -> GapRecord? in
            if case .gap(let gap) = record.body { gap } else { nil }
        }
        #expect(gaps.map(\.reason) == [.journalUnwritable] && gaps.first?.lostRecords == 2)
    }

    @Test(.enabled(if: canUnshare, "needs unshare with user and mount namespaces"))
    func aFullDiskIsAClearErrorAndWritingResumesWhenSpaceIsFreed() throws {
        let files = try JournalFiles()
        let disk = files.root + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        let journal = disk + "/journal"
        let result = try unshared("""
            mount -t tmpfs -o size=256k tmpfs '\(disk)' || exit 99
            '\(liptwitch)' note before --journal '\(journal)' >/dev/null || exit 98
            head -c 1000000 /dev/zero > '\(disk)/filler' 2>/dev/null
            '\(liptwitch)' note "$(head -c 6000 /dev/zero | tr '\\0' x)" --journal '\(journal)'
            echo "note on a full disk: $?"
            rm '\(disk)/filler'
            '\(liptwitch)' note after --journal '\(journal)' >/dev/null; echo "note after: $?"
            rm -r '\(journal)'
            '\(hammer.path)' writer '\(journal)' enospc '\(disk)/filler'
            '\(liptwitch)' journal --json --type note,gap --journal '\(journal)'
            """)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.outputLines
        #expect(lines.contains("note on a full disk: 1"))
        #expect(result.standardError.contains("the disk is full. Free some space on that disk"))
        #expect(lines.contains("note after: 0"))
        expectTheWriterRecovered(statuses(lines), error: "the disk is full")
        var decoder = JournalLineDecoder()
        let records = lines.filter { $0.hasPrefix("{\"class\"") }.map { decoder.decode($0) }
        let lost = records.compactMap { decoded -> Int? in
            if case .record(let record) = decoded, case .gap(let gap) = record.body { gap.lostRecords } else { nil }
        }
        #expect(lost.reduce(0, +) == 2)
        #expect(records.count == 5 + lost.count)
    }

    @Test(.enabled(if: canUnshare, "needs unshare with user and mount namespaces"))
    func aReadOnlyFileSystemIsAClearErrorAndWritingResumesWhenItIsWritable() throws {
        let files = try JournalFiles()
        #expect(try LiptwitchProcess.run(["note", "before", "--journal", files.directory]).status == 0)
        let result = try unshared("""
            mount --bind -o ro '\(files.directory)' '\(files.directory)' || exit 99
            '\(liptwitch)' note during --journal '\(files.directory)'; echo "read-only: $?"
            umount '\(files.directory)'
            '\(liptwitch)' note after --journal '\(files.directory)' >/dev/null; echo "writable: $?"
            """)
        #expect(result.outputLines == ["read-only: 1", "writable: 0"])
        #expect(result.standardError.contains("the file system is read-only. Remount it read-write"))
        #expect(try files.noteTexts() == ["before", "after"])
    }

    @Test(.enabled(if: isRoot, "needs root, to run liptwitch as nobody with setpriv"))
    func anotherUsersJournalIsAClearError() throws {
        let files = try JournalFiles()
        #expect(try LiptwitchProcess.run(["note", "mine", "--journal", files.directory]).status == 0)
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", liptwitch]
        let note = try LiptwitchProcess.run(asNobody + ["note", "theirs", "--journal", files.directory], program: setpriv)
        #expect(note.status == 1)
        #expect(note.standardError.contains("cannot open the journal directory '\(files.directory)': permission denied"))
        #expect(note.standardError.contains("Check the owner and mode with ls -ld"))
        let read = try LiptwitchProcess.run(asNobody + ["journal", "--journal", files.directory], program: setpriv)
        #expect(read.status == 1)
        #expect(read.standardError.contains("cannot read the journal directory '\(files.directory)': permission denied"))
        #expect(try files.noteTexts() == ["mine"])
    }
}
