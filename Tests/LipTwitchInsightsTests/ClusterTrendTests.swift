import Foundation
import JournalSynthesis
import LipTwitchInsights
import LipTwitchJournal
import Testing

/// The growing-clusters red flag follows the size of each episode's largest cluster when
/// the journal says it (format 1.1), and all of an episode's twitches when it does not.
@Suite struct ClusterTrendTests {
    /// Four weeks, ten episodes a day of six twitches each; the largest cluster of each
    /// episode grows from two twitches to six when `growing`, and the journal says it only
    /// when `saysClusters`.
    static func report(growing: Bool, saysClusters: Bool) -> Report {
        let journal = Journals.plain(days: 28)
        let source = RecordSource(tool: "liptwitch daemon", version: "0.1.0")
        var records: [JournalRecord] = []
        for day in 0..<28 {
            let size = growing ? 2 + day * 4 / 27 : 2
            let connected = journal.time(day: day, hours: 8)
            records.append(JournalRecord(
                id: UUID(), time: connected, source: source,
                body: .device(DeviceRecord(
                    sensor: "LT-1", event: .connected, channels: [.init(index: 0, placement: "upper-left", unit: "uV")]))))
            for index in 0..<10 {
                let at = connected.adding(milliseconds: Int64(index + 1) * 1_800_000)
                let episode = EpisodeRecord(
                    kind: .twitch, sensor: "LT-1", channel: 0, placement: "upper-left", start: at,
                    end: at.adding(milliseconds: 8000), durationSeconds: 8, twitchCount: 6, peak: 90, rms: 30, unit: "uV",
                    dominantFrequencyHz: 200, confidence: 0.8, detector: .init(version: "1", configHash: "x"),
                    twitches: [], clusters: saysClusters ? 1 : nil,
                    largestCluster: saysClusters ? .init(twitchCount: size, onsetSeconds: 0, durationSeconds: 3) : nil,
                    envelopeStepSeconds: 0, envelope: [])
                records.append(JournalRecord(
                    id: UUID(), time: at.adding(milliseconds: 9000), source: source, body: .episode(episode)))
            }
            records.append(JournalRecord(
                id: UUID(), time: journal.time(day: day, hours: 18), source: source,
                body: .device(DeviceRecord(sensor: "LT-1", event: .disconnected, reason: "stopped"))))
        }
        let period = ReportPeriod(since: journal.time(day: 0, hours: 0), until: journal.time(day: 28, hours: 0))
        var accumulator = InsightsAccumulator(period: period)
        for record in records { accumulator.add(record) }
        return Report(summary: accumulator.finish(), generated: journal.time(day: 28, hours: 0), source: "test")
    }

    @Test func growingClustersInsideSteadyEpisodesRaiseTheFlag() throws {
        let flag = try #require(Self.report(growing: true, saysClusters: true).redFlags.flag(.growingClusters))
        #expect(flag.facts.first?.contains("twitches in an episode's largest cluster rose") == true, "\(flag.facts)")
        #expect(Self.report(growing: false, saysClusters: true).redFlags.flag(.growingClusters) == nil)
    }

    @Test func episodesThatSayNoClustersCountAllTheirTwitches() {
        let report = Self.report(growing: true, saysClusters: false)
        #expect(report.redFlags.flag(.growingClusters) == nil)
        #expect(report.summary.days.allSatisfy { $0.clusterTwitches == $0.twitches })
        let steady = Self.report(growing: false, saysClusters: true)
        #expect(steady.summary.days.allSatisfy { $0.clusterTwitches == 2 * $0.episodes })
    }
}
