import Foundation
import LipTwitchJournal
import LipTwitchLive
import Testing

@Suite struct WatchConsoleTests {
    private static let time = LocalTime(rfc3339: "2026-11-21T14:05:03.250+01:00")!

    private static func journalLine(_ body: RecordBody) -> String {
        JournalRecord(
            id: UUID(), time: time, source: RecordSource(tool: "liptwitch daemon", version: "0.1.0"), body: body
        ).jsonLine
    }

    private static let connected = journalLine(
        .device(
            DeviceRecord(
                sensor: "LT-0001", event: .connected, path: "/dev/ttyACM0", sensorKind: "emg", sampleRateHz: 2000,
                channels: [
                    .init(index: 0, placement: "upper-left", unit: "uV"),
                    .init(index: 1, placement: "upper-right", unit: "uV"),
                ])))
    private static let episode = journalLine(
        .episode(
            EpisodeRecord(
                kind: .twitch, sensor: "LT-0001", channel: 0, placement: "upper-left", start: time,
                end: time.adding(milliseconds: 450), durationSeconds: 0.45, twitchCount: 2, peak: 86, rms: 30,
                unit: "uV", dominantFrequencyHz: 80, confidence: 0.9,
                detector: .init(version: "1", configHash: "x"), twitches: [], envelopeStepSeconds: 0.05, envelope: [])))
    private static let level =
        #"{"class":"level","t":1.5,"time":"2026-11-21T14:05:04.000+01:00","unit":"uV","rms":[12.4,3.2],"sensor":"LT-0001"}"#
    private static let onset =
        #"{"class":"onset","t":2.078923,"time":"2026-11-21T14:05:03.900+01:00","kind":"twitch","sensor":"LT-0001","channel":0,"placement":"upper-left","confirmed_t":4.869208,"confirmed_time":"2026-11-21T14:05:06.690+01:00","duration_s":0.7905,"peak":42.42,"rms":6.888,"confidence":0.49}"#
    private static let candidate =
        #"{"class":"candidate","t":2.078923,"time":"2026-11-21T14:05:03.900+01:00","event":"announced","sensor":"LT-0001","channel":0,"placement":"upper-left","end_t":2.869493,"end_time":"2026-11-21T14:05:04.691+01:00","known_t":3.044273,"known_time":"2026-11-21T14:05:04.865+01:00","rms":6.888}"#
    private static let dismissed =
        #"{"class":"candidate","t":2.078923,"time":"2026-11-21T14:05:03.900+01:00","event":"dismissed","reason":"voluntary","sensor":"LT-0001","channel":0,"placement":"upper-left","end_t":2.869493,"end_time":"2026-11-21T14:05:04.691+01:00","known_t":5.1,"known_time":"2026-11-21T14:05:06.921+01:00","rms":6.888}"#
    private static let link =
        #"{"class":"link","t":0.1,"time":"2026-11-21T14:05:01.000+01:00","event":"streaming","phase":"streaming","message":"streaming 2 × 2000 Hz from LT-0001","sensor":"LT-0001"}"#

    private func lines(_ outputs: [WatchConsole.Output]) -> [String] {
        outputs.compactMap { if case .line(let text) = $0 { text } else { nil } }
    }

    @Test func aTerminalGetsLinesAndAStatusLineWithMeters() {
        var console = WatchConsole(statusWidth: 200)
        #expect(lines(console.take(#"{"class":"version","protocol":"1.0","daemon":"0.1.0"}"#)) == [
            "connected to liptwitch daemon 0.1.0; Ctrl-C to stop"
        ])
        #expect(lines(console.take(Self.connected)).first?.hasPrefix("14:05:03  LT-0001 connected: emg, 2 channels") == true)
        #expect(lines(console.take(Self.link)) == ["14:05:01  LT-0001  streaming 2 × 2000 Hz from LT-0001"])
        let afterLevel = console.take(Self.level)
        #expect(lines(afterLevel).isEmpty)
        #expect(afterLevel.last == .status("LT-0001 streaming  UL ▕██▏   ▏ 12 µV  UR ▕█     ▏ 3.2 µV"))
        #expect(console.take(Self.onset).last == .status(
            "LT-0001 streaming  UL ▕██▏   ▏ 12 µV  UR ▕█     ▏ 3.2 µV  ● twitch UL"))
        let episode = lines(console.take(Self.episode))
        #expect(episode == ["14:05:03  twitch ×2 over 0.45 s, upper-left (LT-0001 ch 0), peak 86.0 µV, 80 Hz, confidence 0.90"])
    }

    @Test func aSensorKnownByItsPortIsRenamedWhenItSaysWhoItIs() {
        var console = WatchConsole(statusWidth: 200)
        let opening =
            #"{"class":"link","time":"2026-11-21T14:05:01.000+01:00","event":"opening","phase":"opening","message":"opening /dev/ttyACM0","sensor":"/dev/ttyACM0"}"#
        #expect(console.take(opening).last == .status("/dev/ttyACM0 opening"))
        #expect(console.take(Self.connected).last == .status("LT-0001 opening"))
        #expect(console.take(Self.link).last == .status("LT-0001 streaming"))
    }

    @Test func plainOutputHasNoStatusLine() {
        var console = WatchConsole(statusWidth: nil)
        let outputs = [Self.link, Self.connected, Self.level, Self.onset, Self.episode].flatMap { console.take($0) }
        #expect(!outputs.contains { if case .status = $0 { true } else { false } })
        #expect(lines(outputs).count == 3)
        #expect(console.take(#"{"class":"version","protocol":"1.4","daemon":"0.1.0"}"#).isEmpty)
    }

    @Test func onlyWhatThePersonAskedForIsPrintedButTheStatusLineStaysComplete() {
        var console = WatchConsole(statusWidth: 200, filter: LiveFilter(classes: [.episode]))
        #expect(lines(console.take(Self.connected)).isEmpty)
        #expect(lines(console.take(Self.link)).isEmpty)
        #expect(console.take(Self.level).last == .status("LT-0001 streaming  UL ▕██▏   ▏ 12 µV  UR ▕█     ▏ 3.2 µV"))
        #expect(lines(console.take(Self.episode)).count == 1)
        var other = WatchConsole(statusWidth: 200, filter: LiveFilter(devices: ["LT-0002"]))
        #expect([Self.connected, Self.level, Self.episode].flatMap { other.take($0) }.isEmpty)
    }

    @Test func onsetsAndLevelsAreLinesWhenAskedForByName() {
        var console = WatchConsole(statusWidth: nil, filter: LiveFilter(classes: [.onset, .level]))
        let outputs = [Self.connected, Self.level, Self.onset, Self.episode].flatMap { console.take($0) }
        #expect(lines(outputs) == [
            "14:05:04  LT-0001  level UL 12 µV, UR 3.2 µV",
            "14:05:03  LT-0001  a twitch began, upper-left (LT-0001 ch 0)",
        ])
    }

    /// A possible twitch shows at once; the onset that confirms it lights up in its place,
    /// and a dismissal takes it away.
    @Test func aCandidateShowsAtOnceUntilTheDetectorDecides() {
        let meters = "LT-0001 streaming  UL ▕██▏   ▏ 12 µV  UR ▕█     ▏ 3.2 µV"
        var console = WatchConsole(statusWidth: 200)
        _ = [Self.connected, Self.link, Self.level].flatMap { console.take($0) }
        #expect(console.take(Self.candidate).last == .status(meters + "  ○ twitch? UL"))
        #expect(console.take(Self.onset).last == .status(meters + "  ● twitch UL"))
        var dismissing = WatchConsole(statusWidth: 200)
        _ = [Self.connected, Self.link, Self.level, Self.candidate].flatMap { dismissing.take($0) }
        #expect(dismissing.take(Self.dismissed).last == .status(meters))
    }

    @Test func candidatesAreLinesWhenAskedForByName() {
        var console = WatchConsole(statusWidth: nil, filter: LiveFilter(classes: [.candidate]))
        let outputs = [Self.connected, Self.candidate, Self.dismissed, Self.onset].flatMap { console.take($0) }
        #expect(lines(outputs) == [
            "14:05:03  LT-0001  a twitch?, upper-left (LT-0001 ch 0): waiting to see what follows",
            "14:05:03  LT-0001  not a twitch after all, upper-left (LT-0001 ch 0): voluntary",
        ])
    }

    @Test func theStatusLineFitsTheTerminal() {
        var console = WatchConsole(statusWidth: 20)
        let status = [Self.link, Self.level].flatMap { console.take($0) }.last
        #expect(status == .status("LT-0001 streaming  …"))
    }

    @Test func aNewerStreamOrARefusalEndsTheConsole() {
        var console = WatchConsole(statusWidth: nil)
        #expect(console.take(#"{"class":"version","protocol":"2.0","daemon":"9.0.0"}"#) == [
            .failure(
                "the daemon speaks version 2.0 of the live stream and this liptwitch reads 1.0: use the liptwitch that came with the daemon")
        ])
        #expect(console.take(#"{"class":"error","message":"no such class"}"#) == [.failure("the daemon says: no such class")])
    }

    @Test func garbageAndUnknownClassesAreLeftOut() {
        var console = WatchConsole(statusWidth: nil)
        #expect(console.take("not json").isEmpty)
        #expect(console.take(#"{"class":"weather","sensor":"LT-0001"}"#).isEmpty)
    }
}
