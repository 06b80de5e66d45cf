#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal
import LipTwitchSignals
import RealModule

/// Makes the records of a synthetic journal from one seeded generator: ids, episodes with
/// plausible fields, notes, and the draws the generator needs.
struct RecordMaker {
    var random: SignalRandom

    static let daemon = RecordSource(tool: "liptwitch daemon", version: "0.1.0")
    static let noteTool = RecordSource(tool: "liptwitch note", version: "0.1.0")
    static let detector = EpisodeRecord.Detector(version: "1.0.0", configHash: "fnv1a64:5e1ec7ed0123abcd")

    /// The daemon session the records being made belong to (notes belong to none).
    var session: UUID?

    mutating func record(_ body: RecordBody, at time: LocalTime, source: RecordSource = daemon) -> JournalRecord {
        JournalRecord(id: uuid(), time: time, source: source, session: source == Self.daemon ? session : nil, body: body)
    }

    mutating func note(_ note: NoteRecord) -> JournalRecord {
        record(.note(note), at: note.at, source: Self.noteTool)
    }

    mutating func episode(
        start: LocalTime, site: String, channel: Int, twitches count: Int, envelopePoints: Int, tremor: Bool = false
    ) -> JournalRecord {
        var offset = 0.0
        var twitches: [EpisodeRecord.Twitch] = []
        for _ in 0..<min(count, 32) {
            let duration = Double.random(in: 0.2...0.9, using: &random)
            twitches.append(EpisodeRecord.Twitch(onsetSeconds: offset, durationSeconds: duration))
            offset += duration + Double.random(in: 0.1...1.5, using: &random)
        }
        let duration = tremor ? Double(count) / 5 : max(0.2, offset - 0.1)
        let end = start.adding(milliseconds: Int64(duration * 1000))
        let peak = Double.random(in: 40...220, using: &random)
        let envelope = (0..<envelopePoints).map { index in
            Float(peak * (0.2 + 0.8 * Double.random(in: 0...1, using: &random)) * (index % 7 == 3 ? 1 : 0.5))
        }
        let episode = EpisodeRecord(
            kind: tremor ? .tremor : .twitch, sensor: SyntheticJournal.sensor, channel: channel, placement: site,
            start: start, end: end, durationSeconds: duration, twitchCount: count, peak: peak, rms: peak / 3,
            unit: "uV", dominantFrequencyHz: tremor ? 5 : Double.random(in: 60...140, using: &random),
            confidence: Double.random(in: 0.6...0.99, using: &random), detector: Self.detector, twitches: twitches,
            envelopeStepSeconds: duration / Double(max(1, envelopePoints)), envelope: envelope)
        return record(.episode(episode), at: end.adding(milliseconds: 250))
    }

    /// A Poisson count with mean `mean` (Knuth's method; means here are small).
    mutating func poisson(_ mean: Double) -> Int {
        guard mean > 0 else { return 0 }
        if mean > 30 { return max(0, Int((mean + mean.squareRoot() * random.gaussian()).rounded())) }
        let limit = Double.exp(-mean)
        var product = Double.random(in: 0..<1, using: &random)
        var count = 0
        while product > limit {
            product *= Double.random(in: 0..<1, using: &random)
            count += 1
        }
        return count
    }

    /// An exponential wait with rate `rate` (per hour), in hours.
    mutating func exponential(_ rate: Double) -> Double {
        -Double.log(Double.random(in: Double.ulpOfOne..<1, using: &random)) / rate
    }

    mutating func uuid() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                           bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
