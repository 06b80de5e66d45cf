import Foundation
import LipTwitchJournal

/// A twitch episode record of five twitches at 10:00 on 5 March 2026 (+01:00), saying
/// `clusters` and the size of its `largest` cluster as journal format 1.1 does (nil: as a
/// 1.0 record, without them).
enum ClusteredEpisode {
    static func record(clusters: Int?, largest: Int?) -> JournalRecord {
        let at = LocalTime(rfc3339: "2026-03-05T10:00:00.000+01:00")!
        let episode = EpisodeRecord(
            kind: .twitch, sensor: "LT-1", channel: 0, placement: "upper-left", start: at,
            end: at.adding(milliseconds: 6000), durationSeconds: 6, twitchCount: 5, peak: 90, rms: 30, unit: "uV",
            dominantFrequencyHz: 200, confidence: 0.8, detector: .init(version: "1", configHash: "x"), twitches: [],
            clusters: clusters, largestCluster: largest.map { .init(twitchCount: $0, onsetSeconds: 0.5, durationSeconds: 2) },
            envelopeStepSeconds: 0, envelope: [])
        return JournalRecord(
            id: UUID(), time: at, source: RecordSource(tool: "liptwitch daemon", version: "0.1.0"), body: .episode(episode))
    }
}
