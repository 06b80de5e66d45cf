import Foundation
import LipTwitchSignals
import Testing
import TestSupport

/// `liptwitch daemon` end to end: a virtual sensor on a pseudo-terminal, the daemon as a
/// real process, its journal files, and `liptwitch watch` clients on its socket.
@Suite struct DaemonCommandTests {
    @Test func episodesReachTheJournalAndTheWatchClientAndEqualAReplayOfTheCapture() throws {
        let run = try DaemonRun()
        let watch = try run.watch()
        let plain = try BackgroundLiptwitch(["watch", "--socket", run.socket], in: run.directory, name: "plain")
        try watch.waitForOutput(containing: #""class":"episode""#, seconds: 60)
        // Stop while an episode is open: right after the next onset.
        let onsets = jsonObjects(watch.output).of("onset").count
        try eventually(within: 60) {
            guard jsonObjects(watch.output).of("onset").count > onsets else { throw DaemonRun.Missing(what: "onset") }
        }
        let mode = try FileManager.default.attributesOfItem(atPath: run.socket)[.posixPermissions] as? Int
        #expect(mode == 0o600, "only the owner may connect")

        #expect(run.daemon.finish() == 0, "SIGTERM stops the daemon cleanly: \(run.daemon.errorOutput)")
        #expect(run.daemon.errorOutput.contains("stopped; the sensor confirmed it stopped streaming"))
        // What the daemon wrote is its owner's alone: the journal directory and every file in it.
        let files = FileManager.default
        #expect(try files.attributesOfItem(atPath: run.journal)[.posixPermissions] as? Int == 0o700)
        for name in try files.contentsOfDirectory(atPath: run.journal) {
            #expect(try files.attributesOfItem(atPath: run.journal + "/" + name)[.posixPermissions] as? Int == 0o600, "\(name)")
        }
        #expect(watch.finish() == 0, "the stream's end ends watch")
        #expect(plain.finish() == 0)
        #expect(!FileManager.default.fileExists(atPath: run.socket), "the socket is removed")

        let records = try run.journalRecords()
        #expect(records.first?["class"] as? String == "header")
        #expect(records.dropFirst().first?["class"] as? String == "session")
        let stop = try #require(records.last)
        #expect(stop["class"] as? String == "session" && stop["event"] as? String == "stop")
        #expect(stop["reason"] as? String == "signal")
        let devices = records.of("device").compactMap { $0["event"] as? String }
        #expect(devices.first == "connected" && devices.contains("disconnected"), "\(devices)")
        let episodes = records.of("episode")
        #expect(!episodes.isEmpty)
        #expect(episodes.last?["truncated"] as? Bool == true, "the open episode is closed as truncated")

        // The live stream's episodes are the journal's, line for line: the same bytes.
        let live = jsonObjects(watch.output).of("episode")
        #expect(Set(live.compactMap { $0["id"] as? String }) == Set(episodes.compactMap { $0["id"] as? String }))
        let journalLines = Set(try run.journalLines())
        let liveLines = watch.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix(#"{"class":"episode""#) }
        #expect(!liveLines.isEmpty && liveLines.allSatisfy(journalLines.contains), "the journal's bytes, sent as they are")
        #expect(plain.output.contains("twitch ×"), "\(plain.output)")

        // The same bytes at the same times through `liptwitch replay` give the same episodes.
        let capture = try #require(try FileManager.default.contentsOfDirectory(atPath: run.captures).first)
        let replayed = run.directory.path + "/replayed"
        let replay = try LiptwitchProcess.run(["replay", run.captures + "/" + capture, "--journal", replayed])
        #expect(replay.status == 0, "\(replay.standardError)")
        let again = try FileManager.default.contentsOfDirectory(atPath: replayed).sorted().flatMap { file in
            jsonObjects(try String(contentsOfFile: replayed + "/" + file, encoding: .utf8)).of("episode")
        }
        #expect(again.map(detection) == episodes.map(detection))
    }

    @Test func aDaemonKilledWhileItWritesLeavesAJournalThatParsesAndTheNextOneCarriesOn() throws {
        let directory = try TemporaryDirectory()
        let ports = [directory.path + "/sensor1", directory.path + "/sensor2"]
        let socket = directory.path + "/live.sock"
        // Two sensors; the second is unplugged in the middle of a frame 0.5 s after its first
        // START, and plugged in again a second later.
        let sensors = try [
            BackgroundLiptwitch(
                ["simulate", "--scenario", "clusters", "--symlink", ports[0], "--seed", "3"], in: directory, name: "simulate1"),
            BackgroundLiptwitch(
                ["simulate", "--scenario", "clean", "--symlink", ports[1], "--seed", "8", "--serial", "LT-SIM-0002",
                 "--disconnect-after", "0.5", "--replug-after", "1"],
                in: directory, name: "simulate2"),
        ]
        for port in ports { try eventually { _ = try FileManager.default.destinationOfSymbolicLink(atPath: port) } }
        let journal = directory.path + "/journal"
        func lines() -> Int {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
            return files.filter { $0.hasSuffix(".jsonl") }.reduce(0) { count, file in
                count + ((try? String(contentsOfFile: journal + "/" + file, encoding: .utf8))?.split(separator: "\n").count ?? 0)
            }
        }
        // A watcher attached through every kill, asking for the sensors' link lines only: it
        // comes back to each next daemon, often while that one starts (issue #19).
        let watch = try BackgroundLiptwitch(
            ["watch", "--json", "--reconnect", "--only", "link", "--socket", socket], in: directory, name: "watch",
            keepStandardError: true)
        var random = SignalRandom(seed: 5)
        // LIPTWITCH_DAEMON_KILLS=N kills it N times instead (BENCHMARKS.md, "Killing the daemon").
        let kills = ProcessInfo.processInfo.environment["LIPTWITCH_DAEMON_KILLS"].flatMap { Int($0) } ?? 6
        for round in 0...kills {
            // Each daemon is killed (the last one stopped) right after its journal grew by
            // one to four records: while the next one may be on its way.
            let wanted = lines() + Int.random(in: 1...4, using: &random)
            let daemon = try BackgroundLiptwitch(
                DaemonArguments.with(["--device", ports[0], "--device", ports[1], "--socket", socket, "--journal", journal]),
                in: directory, name: "daemon\(round)", environment: ["XDG_CONFIG_HOME": directory.path + "/config"],
                keepStandardError: true)
            try eventually(within: 60) {
                guard lines() >= wanted else { throw DaemonRun.Missing(what: "\(wanted) journal lines") }
            }
            if round < kills {
                _ = daemon.finish(with: SIGKILL)
            } else {
                // The last daemon runs until both sensors are connected to it, then stops.
                try eventually(within: 60) {
                    let records = try journalRecords(journal)
                    let last = records.of("session").last?["session"] as? String
                    let connected = records.of("device").filter {
                        $0["event"] as? String == "connected" && $0["session"] as? String == last
                    }
                    guard Set(connected.compactMap { $0["sensor"] as? String }).count == 2 else {
                        throw DaemonRun.Missing(what: "both sensors connected to the last daemon")
                    }
                }
                // The watcher is connected to it and was told that both stream, as it
                // happened or, had it connected later, in the state a newcomer gets.
                let pid = daemon.process.processIdentifier
                try eventually(within: 60) {
                    let lines = watch.output.split(separator: "\n")
                    let version = lines.lastIndex { $0.hasPrefix(#"{"class":"version""#) && $0.contains(#""pid":\#(pid)}"#) }
                    let streaming = version.map { lines[($0 + 1)...].filter { $0.contains(#""event":"streaming""#) } } ?? []
                    guard ["LT-SIM-0001", "LT-SIM-0002"].allSatisfy({ serial in
                        streaming.contains { $0.contains(#""sensor":"\#(serial)""#) }
                    }) else { throw DaemonRun.Missing(what: "both sensors streaming, at the watcher, from the last daemon") }
                }
                #expect(daemon.finish() == 0, "a daemon after the killed ones starts and stops: \(daemon.errorOutput)")
            }
        }
        sensors.forEach { $0.finish() }
        #expect(watch.finish(with: SIGINT) == 0, "the watcher carried on through every kill: \(watch.errorOutput)")

        let read = try LiptwitchProcess.run(["journal", "--journal", journal, "--json"])
        #expect(read.status == 0, "\(read.standardError)")
        let records = jsonObjects(read.outputLines.joined(separator: "\n"))
        #expect(records.count == read.outputLines.count, "every record printed is JSON")
        let skipped = read.standardError.firstMatch(of: /skipped (\d+) line/).flatMap { Int($0.1) } ?? 0
        #expect(skipped <= kills, "at most the record in flight of each kill is lost: \(read.standardError)")
        #expect(records.count + skipped == lines() - 1, "every line but the header is a record or counted as skipped")
        let sessions = records.of("session").compactMap { $0["event"] as? String }
        #expect(sessions.filter { $0 == "start" }.count == kills + 1, "\(sessions)")
        #expect(sessions.last == "stop")
        let serials = Set(
            records.of("device").filter { $0["event"] as? String == "connected" }.compactMap { $0["sensor"] as? String })
        #expect(serials == ["LT-SIM-0001", "LT-SIM-0002"], "both sensors were claimed: \(serials)")
    }

    /// The journal's records, read as JSON objects (every file, in order).
    private func journalRecords(_ journal: String) throws -> [[String: Any]] {
        let files = try FileManager.default.contentsOfDirectory(atPath: journal).filter { $0.hasSuffix(".jsonl") }.sorted()
        let text = try files.map { try String(contentsOfFile: journal + "/" + $0, encoding: .utf8) }.joined()
        return jsonObjects(text)
    }

    @Test func theDefaultSocketIsPrivateAndASecondDaemonIsTurnedAway() throws {
        let directory = try TemporaryDirectory()
        let runtime = directory.path + "/run"
        try FileManager.default.createDirectory(
            atPath: runtime, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let environment = ["XDG_RUNTIME_DIR": runtime, "XDG_CONFIG_HOME": directory.path + "/config"]
        let journal = ["--journal", directory.path + "/journal"]
        let daemon = try BackgroundLiptwitch(
            DaemonArguments.with(journal), in: directory, name: "daemon", environment: environment, keepStandardError: true)
        let socket = runtime + "/liptwitch/live.sock"
        try daemon.waitForError(containing: "ready")
        let files = FileManager.default
        #expect(try files.attributesOfItem(atPath: runtime + "/liptwitch")[.posixPermissions] as? Int == 0o700)
        #expect(try files.attributesOfItem(atPath: socket)[.posixPermissions] as? Int == 0o600)

        let second = try BackgroundLiptwitch(
            DaemonArguments.with(journal), in: directory, name: "second", environment: environment, keepStandardError: true)
        #expect(second.finish() == 1)
        #expect(
            second.errorOutput.contains(
                "another liptwitch daemon (pid \(daemon.process.processIdentifier)) is already serving \(socket)"),
            "\(second.errorOutput)")
        #expect(daemon.process.isRunning, "the first one goes on")
        #expect(daemon.finish(with: SIGINT) == 0, "Ctrl-C stops it as SIGTERM does")
        #expect(!files.fileExists(atPath: socket) && !files.fileExists(atPath: socket + ".lock"))
    }

    @Test func aClientThatStopsReadingIsDroppedAndCountedWhileTheOthersGoOn() throws {
        let run = try DaemonRun(daemonArguments: ["--client-queue", "1"])
        let watch = try run.watch()
        let stuck = try StuckClient(socket: run.socket)
        try run.daemon.waitForError(containing: "dropped a watch client", seconds: 60)
        try watch.waitForOutput(containing: #""clients_dropped":1"#, seconds: 30)
        let levels = jsonObjects(watch.output).of("level").count
        try eventually(within: 30) {
            guard jsonObjects(watch.output).of("level").count > levels + 4 else { throw DaemonRun.Missing(what: "levels") }
        }
        #expect(stuck.isClosedByTheDaemon)
        #expect(run.daemon.finish() == 0)
    }

    @Test(arguments: [false, true])
    func systemdHearsReadyWatchdogAndStopping(abstract: Bool) throws {
        let directory = try TemporaryDirectory()
        let listener = try NotifyListener(path: abstract ? "@liptwitch-test-\(UUID().uuidString)" : directory.path + "/notify")
        let daemon = try BackgroundLiptwitch(
            DaemonArguments.with(["--journal", directory.path + "/journal", "--socket", directory.path + "/live.sock"]),
            in: directory, name: "daemon",
            environment: [
                "NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "1000000", "XDG_CONFIG_HOME": directory.path + "/c",
            ], keepStandardError: true)
        #expect(listener.wait(seconds: 30) { $0.first?.contains("READY=1") == true })
        #expect(listener.messages.first?.contains("STATUS=0 sensors; 0 watch clients") == true, "\(listener.messages)")
        #expect(listener.wait(seconds: 30) { $0.filter { $0 == "WATCHDOG=1" }.count >= 3 }, "\(listener.messages)")
        #expect(daemon.finish() == 0)
        #expect(listener.wait(seconds: 10) { $0.last?.hasPrefix("STOPPING=1") == true }, "\(listener.messages)")
    }

    @Test func aJournalThatCannotBeWrittenIsSaidOnceTheLiveStreamGoesOnAndWritingResumes() throws {
        // A file size limit of one byte: every write to the journal fails with EFBIG, as
        // on a full disk, until the limit is lifted from outside.
        let run = try DaemonRun(wrapper: ["prlimit", "--fsize=1:unlimited"])
        try run.daemon.waitForError(containing: "the file reached the largest size this process may write")
        let watch = try run.watch()
        try eventually(within: 30) {
            guard jsonObjects(watch.output).of("level").count > 4 else { throw DaemonRun.Missing(what: "levels") }
        }
        try watch.waitForOutput(containing: #""journal_error":"cannot"#)
        let lift = try LiptwitchProcess.run(
            ["--pid", "\(run.daemon.process.processIdentifier)", "--fsize=unlimited:unlimited"],
            program: URL(fileURLWithPath: "/usr/bin/prlimit"))
        #expect(lift.status == 0, "\(lift.standardError)")
        try run.daemon.waitForError(containing: "the journal is written again")
        #expect(run.daemon.finish() == 0)
        #expect(watch.finish() == 0)
        #expect(run.daemon.errorOutput.components(separatedBy: "error: cannot write the journal").count == 2,
                "the failure is said once: \(run.daemon.errorOutput)")
        let records = try run.journalRecords()
        #expect(records.of("session").compactMap { $0["event"] as? String } == ["start", "stop"])
        #expect(records.of("device").first?["event"] as? String == "connected", "what waited is written, in order")
    }
}
