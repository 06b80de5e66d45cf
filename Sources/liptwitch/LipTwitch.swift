import ArgumentParser

/// The `liptwitch` command: the root that lists the subcommands.
@main
struct LipTwitch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liptwitch",
        abstract: "Find lip twitches in the signal of a wearable EMG or accelerometer sensor.",
        discussion: """
            LipTwitch reads a small USB-serial sensor worn on the lip, detects twitches as they \
            happen and keeps a private journal of them. The sensor speaks the protocol in \
            Firmware-Protocol/PROTOCOL.md.

            Try it without hardware:
              liptwitch simulate --dump - --duration 5 | liptwitch decode --only identity,marker,status -
            """,
        version: version,
        subcommands: [
            DevicesCommand.self, LinkCommand.self, SimulateCommand.self, DecodeCommand.self,
            GenerateCommand.self, AnalyzeCommand.self, CalibrateCommand.self,
            NoteCommand.self, JournalCommand.self, CaptureCommand.self, ReplayCommand.self,
            DaemonCommand.self, WatchCommand.self, DemoCommand.self,
            ReportCommand.self, ExportCommand.self, DoctorCommand.self,
        ]
    )
}
