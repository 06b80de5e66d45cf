import Foundation
import Testing
import LipTwitchSystem
import TestSupport

/// `liptwitch doctor` end to end with real files, real processes and real ptys: a port
/// another program holds, a port the user may not open, a journal others may read, a
/// sensor that speaks a newer protocol.
@Suite struct DoctorCommandTests {
    /// Runs `liptwitch doctor --json` on `arguments` with a journal and a socket of its own
    /// in `directory`; the exit status and the findings, by check.
    private func doctor(
        _ arguments: [String], in directory: TemporaryDirectory, program: [String] = []
    ) throws -> (status: Int32, findings: [[String: Any]]) {
        let own = ["doctor", "--json", "--journal", directory.path + "/journal", "--socket", directory.path + "/live.sock"]
        let result = program.isEmpty
            ? try LiptwitchProcess.run(own + arguments)
            : try LiptwitchProcess.run(program + [LiptwitchProcess.executable.path] + own + arguments,
                                       program: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.outputLines.count == 1, "\(result.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data((result.outputLines.first ?? "").utf8)) as? [String: Any])
        #expect(object["class"] as? String == "doctor")
        #expect(object["ok"] as? Bool == (result.status == 0))
        return (result.status, object["findings"] as? [[String: Any]] ?? [])
    }

    private func finding(_ check: String, in findings: [[String: Any]]) throws -> [String: Any] {
        try #require(findings.first { $0["check"] as? String == check }, "no \(check) finding in \(findings)")
    }

    @Test func aPortHeldByAnotherProcessIsNamedWithItsPid() throws {
        let directory = try TemporaryDirectory()
        let terminal = try PseudoTerminal()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/cat")
        let slave = try #require(FileHandle(forReadingAtPath: terminal.slavePath))
        holder.standardInput = slave
        holder.standardOutput = FileHandle.nullDevice
        try holder.run()
        try slave.close()
        // SIGKILL: a child started from a test thread inherits its blocked SIGTERM.
        defer { kill(holder.processIdentifier, SIGKILL); holder.waitUntilExit() }

        let (status, findings) = try doctor(["--device", terminal.slavePath], in: directory)
        #expect(status == 1)
        let held = try finding("port_holder", in: findings)
        #expect(held["status"] as? String == "problem")
        #expect((held["message"] as? String)?.contains("cat (pid \(holder.processIdentifier))") == true, "\(held)")
        #expect((held["fix"] as? String)?.contains("kill ") == true && (held["fix"] as? String)?.contains("\(holder.processIdentifier)") == true)
        let firmware = try finding("firmware", in: findings)
        #expect(firmware["status"] as? String == "skipped", "a held port is not probed")
    }

    /// Root may open anything, so the command runs as nobody (setpriv), as the link's
    /// permission test does; skipped where the tests do not run as root.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aPortTheUserCannotOpenSaysWhichGroupToJoin() throws {
        let directory = try TemporaryDirectory()
        chmod(directory.path, 0o777)
        let terminal = try PseudoTerminal()
        chown(terminal.slavePath, 0, 20)  // dialout, as a serial port's group is
        chmod(terminal.slavePath, 0o660)
        let (status, findings) = try doctor(
            ["--device", terminal.slavePath], in: directory,
            program: ["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
        #expect(status == 1)
        let access = try finding("port_access", in: findings)
        #expect(access["status"] as? String == "problem")
        #expect((access["message"] as? String)?.contains("cannot open it: not its owner, not in dialout") == true, "\(access)")
        #expect((access["fix"] as? String)?.hasPrefix("sudo usermod -aG dialout nobody") == true, "\(access)")
        #expect(try finding("firmware", in: findings)["status"] as? String == "skipped")
    }

    @Test func aJournalDirectoryOthersCanReadIsAProblemWithItsChmod() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: directory.path + "/journal", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        let (status, findings) = try doctor([], in: directory)
        #expect(status == 1)
        let journal = try finding("journal_private", in: findings)
        #expect(journal["status"] as? String == "problem")
        #expect((journal["message"] as? String)?.contains("has mode 0755: other users may look into it") == true)
        #expect(journal["fix"] as? String == "chmod 0700 '\(directory.path)/journal'")

        chmod(directory.path + "/journal", 0o700)
        _ = FileManager.default.createFile(
            atPath: directory.path + "/journal/2026-11.jsonl", contents: Data(), attributes: [.posixPermissions: 0o644])
        let file = try finding("journal_private", in: try doctor([], in: directory).findings)
        #expect((file["message"] as? String)?.contains("2026-11.jsonl (mode 0644)") == true, "\(file)")
        #expect(file["fix"] as? String == "chmod 0600 '\(directory.path)/journal'/*")
    }

    @Test func aSensorWithANewerProtocolIsIncompatible() throws {
        let sensor = try SimulatedSensorProcess(["--protocol-major", "2"])
        let (status, findings) = try doctor(["--device", sensor.port], in: sensor.directory)
        #expect(status == 1)
        let firmware = try finding("firmware", in: findings)
        #expect(firmware["status"] as? String == "problem")
        #expect((firmware["message"] as? String)?.contains("the sensor speaks protocol 2") == true, "\(firmware)")
        #expect((firmware["fix"] as? String)?.contains("apt install --only-upgrade liptwitch") == true)
    }

    @Test func aCompatibleSensorSaysItsFirmwareAndTheTextSaysWhatToFix() throws {
        let sensor = try SimulatedSensorProcess()
        let firmware = try finding("firmware", in: try doctor(["--device", sensor.port], in: sensor.directory).findings)
        #expect(firmware["status"] as? String == "ok", "\(firmware)")
        #expect(firmware["message"] as? String == "sensor LT-SIM-0001: firmware 1.0.0, protocol 1.0, compatible")

        let text = try LiptwitchProcess.run([
            "doctor", "--no-handshake", "--device", sensor.port, "--journal", sensor.directory.path + "/journal",
            "--socket", sensor.directory.path + "/live.sock",
        ])
        #expect(text.outputLines.contains("skipped the sensor was not asked: --no-handshake"), "\(text.outputLines)")
        #expect(text.outputLines.contains("warning no daemon is running: `liptwitch watch` has nothing to show"))
        #expect(text.outputLines.contains("        fix: systemctl --user start liptwitch.service  (or: liptwitch daemon)"))
        #expect(text.status == 0 || text.outputLines.last?.hasSuffix("then `liptwitch doctor` again.") == true)
    }

    @Test func aSocketNoDaemonAnswersOnIsStale() throws {
        let directory = try TemporaryDirectory()
        _ = FileManager.default.createFile(atPath: directory.path + "/live.sock", contents: Data())
        let socket = try finding("live_socket", in: try doctor(["--no-handshake"], in: directory).findings)
        #expect(socket["status"] as? String == "problem")
        #expect((socket["message"] as? String)?.contains("no daemon answers on it") == true)
    }
}
