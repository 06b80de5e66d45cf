import ArgumentParser
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch doctor`: everything between a person and a working sensor, checked, with the
/// command that fixes each problem.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check everything between you and a working sensor, and say how to fix what is wrong.",
        discussion: """
            Checks the udev rule (installed where udev looks, and applied), each sensor's port \
            (who may open it: owner, group, ACL, uaccess; whether ModemManager or brltty would take \
            it; whether another program holds it open), the sensor's firmware and protocol (a short \
            handshake; --no-handshake leaves the sensor alone), the systemd user service, the journal \
            directory (private, writable, free space) and the live socket. For every problem it \
            prints the exact command that fixes it.

            Exit status: 0 when all is well (warnings, such as no sensor plugged in, allowed), \
            1 when a problem was found, 64 for bad arguments.

            Examples:
              liptwitch doctor
              liptwitch doctor --json | jq '.findings[] | select(.status == "problem")'
              liptwitch doctor --device /dev/ttyUSB0 --no-handshake
            """
    )

    @OptionGroup var discovery: DiscoveryOptions
    @OptionGroup var journal: JournalDirectoryOption
    @OptionGroup var socket: LiveSocketOption

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Flag(name: .customLong("no-handshake"), help: "Do not open the sensor to ask its firmware and protocol version.")
    var noHandshake = false

    func run() throws {
        var survey = DoctorSurvey()
        survey.probeFirmware = !noHandshake
        let facts = survey.facts(
            discovery: discovery.configuration, journalDirectory: try journal.resolved(), socket: socket.location)
        let report = DoctorReport(findings: DoctorChecker(facts: facts).findings)
        let output = BufferedOutput()
        for line in json ? [report.json] : report.text { try output.write(line: line) }
        try output.flush()
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
