import Foundation
import JournalSynthesis
import LipTwitchInsights
import LipTwitchJournal
import Testing

/// The terminal report says what a short recording is (minutes, not `0.0 h`) and compares
/// hours of the day only where enough was measured.
@Suite struct TerminalRendererTests {
    /// Five minutes worn at 17:00 with three episodes, as a demo leaves them.
    static func fiveMinutes() -> Report {
        let start = Journals.plain().time(day: 0, hours: 17)
        let source = RecordSource(tool: "liptwitch demo", version: "0.1.0")
        func record(_ body: RecordBody, at seconds: Int64) -> JournalRecord {
            JournalRecord(id: UUID(), time: start.adding(milliseconds: seconds * 1000), source: source, body: body)
        }
        let sensor = "LT-SIM-0001"
        var records = [
            record(.session(SessionRecord(event: .start, mode: "demo")), at: 0),
            record(.device(DeviceRecord(sensor: sensor, event: .connected,
                                        channels: [.init(index: 0, placement: "upper-left", unit: "uV")])), at: 0),
        ]
        for second in [40, 95, 200] as [Int64] {
            let at = start.adding(milliseconds: second * 1000)
            let episode = EpisodeRecord(
                kind: .twitch, sensor: sensor, channel: 0, placement: "upper-left", start: at, end: at.adding(milliseconds: 500),
                durationSeconds: 0.5, twitchCount: 1, peak: 90, rms: 30, unit: "uV", dominantFrequencyHz: 120, confidence: 0.8,
                detector: .init(version: "1", configHash: "x"), twitches: [], envelopeStepSeconds: 0, envelope: [])
            records.append(record(.episode(episode), at: second + 1))
        }
        records.append(record(.device(DeviceRecord(sensor: sensor, event: .disconnected, reason: "stopped")), at: 300))
        let journal = Journals.plain(days: 1)
        let period = ReportPeriod(since: journal.time(day: 0, hours: 0), until: journal.time(day: 1, hours: 0))
        var accumulator = InsightsAccumulator(period: period)
        for record in records { accumulator.add(record) }
        return Report(summary: accumulator.finish(), generated: journal.time(day: 1, hours: 0), source: "test")
    }

    /// Sites with as many episodes as each other are listed by label, the same in every run.
    @Test func sitesWithEqualCountsKeepOneOrder() {
        let journal = Journals.plain(days: 1)
        let start = journal.time(day: 0, hours: 9)
        let source = RecordSource(tool: "liptwitch demo", version: "0.1.0")
        var accumulator = InsightsAccumulator(
            period: ReportPeriod(since: journal.time(day: 0, hours: 0), until: journal.time(day: 1, hours: 0)))
        for (index, placement) in ["upper-right", "left-cheek", "upper-right", "lower-left", "left-cheek"].enumerated() {
            let at = start.adding(milliseconds: Int64(index) * 60_000)
            let episode = EpisodeRecord(
                kind: .twitch, sensor: "LT-SIM-0001", channel: 0, placement: placement, start: at,
                end: at.adding(milliseconds: 500), durationSeconds: 0.5, twitchCount: 1, peak: 90, rms: 30, unit: "uV",
                dominantFrequencyHz: 120, confidence: 0.8, detector: .init(version: "1", configHash: "x"), twitches: [],
                envelopeStepSeconds: 0, envelope: [])
            accumulator.add(JournalRecord(id: UUID(), time: at, source: source, body: .episode(episode)))
        }
        let sites = accumulator.finish().sitesByEpisodes.map(\.site.placement)
        #expect(sites == ["left-cheek", "upper-right", "lower-left"])
    }

    @Test func minutesMeasuredReadAsMinutes() {
        let text = TerminalRenderer.render(Self.fiveMinutes())
        #expect(text.contains("measured   5 min 00 s on 1 of 1 days"), "\(text)")
        #expect(text.contains(" 0.1 h         3"), "\(text)")
        #expect(HTMLRenderer.render(Self.fiveMinutes()).contains("<dd>5 min 00 s on 1 of 1 days</dd>"))
    }

    @Test func hoursAreComparedOnlyWhereEnoughWasMeasured() {
        let short = TerminalRenderer.render(Self.fiveMinutes())
        #expect(short.contains("too little measured yet to compare hours"), "\(short)")
        #expect(!short.contains("most in the hour"))
        let worn = TerminalRenderer.render(Journals.report(Journals.plain(days: 3, seed: 2)))
        #expect(worn.contains("most in the hour from "), "\(worn)")
    }

    @Test(arguments: [
        (0.12, "+12 %"), (-0.3, "-30 %"), (0.002, "+0.2 %"), (-0.003, "-0.3 %"), (0.0001, "0.0 %"), (-0.0004, "0.0 %"),
        (0.0096, "+1 %"),
    ])
    func changesKeepTheirSignAndADecimalBelowOnePerCent(value: Double, text: String) {
        #expect(Numbers.change(value) == text)
    }
}
