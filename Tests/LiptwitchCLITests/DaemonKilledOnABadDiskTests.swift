import Foundation
import Testing
import TestSupport

/// Issue #19: the daemon killed with SIGKILL again and again while a sensor streams, with
/// its journal on a full disk (a small tmpfs, filled) and on a read-only one (a read-only
/// bind mount), each in a private mount namespace. After the kills the journal reads
/// cleanly: every line a record or counted as skipped (at most the line in flight of each
/// kill), nothing written before lost, and no daemon crashed on its own.
@Suite struct DaemonKilledOnABadDiskTests {
    /// The disks: what the script does to the journal's file system before the kills.
    static let disks = [
        "full": """
            mount -t tmpfs -o size=64k tmpfs "$DISK" || exit 99
            "$LT" note before --journal "$DISK/journal" >/dev/null || exit 98
            head -c 1000000 /dev/zero > "$DISK/filler" 2>/dev/null
            """,
        "read-only": """
            "$LT" note before --journal "$DISK/journal" >/dev/null || exit 98
            mount --bind -o ro "$DISK/journal" "$DISK/journal" || exit 99
            """,
    ]

    @Test(.enabled(if: JournalFullDiskTests.canUnshare, "needs unshare with user and mount namespaces"),
          arguments: disks.keys.sorted())
    func aDaemonKilledOnABadDiskLeavesTheJournalReadable(disk: String) throws {
        let directory = try TemporaryDirectory()
        let port = directory.path + "/sensor"
        let sensor = try BackgroundLiptwitch(
            ["simulate", "--scenario", "clusters", "--symlink", port, "--seed", "4"], in: directory, name: "simulate")
        defer { sensor.finish() }
        try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) }
        try FileManager.default.createDirectory(atPath: directory.path + "/disk", withIntermediateDirectories: false)
        // LIPTWITCH_DAEMON_KILLS=N kills it N times instead (BENCHMARKS.md, "Killing the daemon").
        let kills = ProcessInfo.processInfo.environment["LIPTWITCH_DAEMON_KILLS"].flatMap { Int($0) } ?? 8
        let daemon = DaemonArguments.with(
            ["--device", port, "--journal", "$DISK/journal", "--socket", directory.path + "/live.sock"])
            .map { "\"\($0)\"" }.joined(separator: " ")
        // Each daemon is killed at a moment drawn from the round (0.3 to 1.5 s after it
        // started: during its start, its handshake or its stream); the last one is stopped.
        let result = try LiptwitchProcess.run(
            ["--user", "--map-root-user", "--mount", "sh", "-c", """
                DISK='\(directory.path)/disk'; LT='\(LiptwitchProcess.executable.path)'
                \(Self.disks[disk] ?? "")
                round=0
                while [ $round -le \(kills) ]; do
                  "$LT" \(daemon) 2>>'\(directory.path)/daemon.err' &
                  pid=$!
                  sleep "$(awk -v r=$round 'BEGIN { srand(r + 1); printf "%.2f", 0.3 + 1.2 * rand() }')"
                  if [ $round -lt \(kills) ]; then kill -KILL $pid; else kill -TERM $pid; fi
                  wait $pid; echo "daemon $round: $?"
                  round=$((round + 1))
                done
                "$LT" journal --json --journal "$DISK/journal"; echo "journal: $?"
                """], program: URL(fileURLWithPath: "/usr/bin/unshare"))
        let log = (try? String(contentsOfFile: directory.path + "/daemon.err", encoding: .utf8)) ?? ""
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.outputLines
        #expect(lines.filter { $0.hasSuffix(": 137") }.count == kills, "every daemon but the last was killed: \(lines)")
        #expect(lines.contains("daemon \(kills): 0"), "the last daemon stopped cleanly on SIGTERM: \(log)")
        #expect(lines.last == "journal: 0", "\(result.standardError)")
        let records = lines.filter { $0.hasPrefix("{") }
        #expect(jsonObjects(records.joined(separator: "\n")).count == records.count, "every record printed is JSON")
        let skipped = result.standardError.firstMatch(of: /skipped (\d+) line/).flatMap { Int($0.1) } ?? 0
        #expect(skipped <= kills, "at most the line in flight of each kill: \(result.standardError)")
        let notes = jsonObjects(records.joined(separator: "\n")).of("note").compactMap { $0["text"] as? String }
        #expect(notes == ["before"], "what was written before is all there")
        let cause = disk == "full" ? "the disk is full" : "the file system is read-only"
        #expect(log.contains(cause), "each daemon says why it cannot write: \(log)")
        #expect(!log.contains("Fatal error") && !log.contains("core dumped"), "\(log)")
    }
}
