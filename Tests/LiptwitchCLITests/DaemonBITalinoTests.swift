import Testing

/// `liptwitch daemon --driver bitalino` end to end: the simulated BITalino on a
/// pseudo-terminal, the daemon as a real process, its journal, `watch`, and a replay of
/// its capture.
@Suite struct DaemonBITalinoTests {
    @Test func aBITalinoStreamsIntoTheJournalRidesOutAnUnplugAndReplaysTheSame() throws {
        try checkBoardStreamsRidesOutAnUnplugAndReplays(
            board: ["--board", "bitalino", "--lip-channel", "3"],
            driver: ["--driver", "bitalino", "--lip-channel", "3"], rateHz: 1000)
    }
}
