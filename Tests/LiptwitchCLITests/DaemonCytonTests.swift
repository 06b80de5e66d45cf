import Testing

/// `liptwitch daemon --driver openbci-cyton` end to end: the simulated Cyton behind its
/// dongle on a pseudo-terminal, the daemon as a real process, its journal, `watch`, and a
/// replay of its capture.
@Suite struct DaemonCytonTests {
    @Test func aCytonStreamsIntoTheJournalRidesOutItsDonglePulledAndReplaysTheSame() throws {
        try checkBoardStreamsRidesOutAnUnplugAndReplays(
            board: ["--board", "openbci-cyton", "--lip-channel", "2"],
            driver: ["--driver", "openbci-cyton", "--lip-channel", "2"], rateHz: 250)
    }
}
