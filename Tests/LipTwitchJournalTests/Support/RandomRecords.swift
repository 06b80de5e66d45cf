import Foundation
import LipTwitchJournal
import LipTwitchSignals
import LipTwitchSimulator

/// Seeded records of every kind, with every optional field sometimes present and awkward
/// text (quotes, control characters, non-ASCII) sometimes in the strings.
final class RandomRecords {
    private var random: SignalRandom

    init(seed: UInt64) {
        random = SignalRandom(seed: seed)
    }

    func record(_ kind: RecordKind) -> JournalRecord {
        let time = self.time()
        let body: RecordBody
        switch kind {
        case .header: body = .header(HeaderRecord(month: JournalMonth(of: time)))
        case .episode: body = .episode(episode(around: time))
        case .note: body = .note(note(around: time))
        case .device: body = .device(device())
        case .gap: body = .gap(gap(around: time))
        case .session: body = .session(SessionRecord(event: maybe(.stop) ?? .start, mode: maybe("daemon"), reason: maybe(text())))
        case .retraction: body = .retraction(RetractionRecord(retracts: uuid(), reason: text()))
        }
        return JournalRecord(
            id: uuid(), time: time, source: RecordSource(tool: "liptwitch \(text())", version: "0.1.0"),
            session: kind == .session ? uuid() : maybe(uuid()), clock: maybe(MonotonicStamp(bootID: uuid(), nanoseconds: Int.random(in: 0...Int.max, using: &random))),
            body: body)
    }

    /// A moment between 1970 and 2100 at a whole-quarter-hour offset.
    func time() -> LocalTime {
        LocalTime(
            epochMilliseconds: Int64.random(in: 0...4_102_444_800_000, using: &random),
            utcOffsetMinutes: Int.random(in: -48...56, using: &random) * 15)
    }

    func number() -> Double {
        switch Int.random(in: 0..<4, using: &random) {
        case 0: Double(Int.random(in: -1000...1000, using: &random))
        case 1: Double.random(in: 0..<1, using: &random)
        case 2: (Double.random(in: 0..<5000, using: &random) * 10).rounded() / 10
        default: Double.random(in: -1e-6...1e300, using: &random)
        }
    }

    func text() -> String {
        let pieces = ["coffee", "\"quoted\"", "back\\slash", "tab\tnew\nline", "µV", "😀", "\u{1}", "café", " ", "/"]
        return (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
    }

    private func uuid() -> UUID {
        var bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &random) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8],
                           bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    private func maybe<Value>(_ value: @autoclosure () -> Value) -> Value? {
        Bool.random(using: &random) ? value() : nil
    }

    private func episode(around time: LocalTime) -> EpisodeRecord {
        let twitches = (0..<Int.random(in: 0...5, using: &random)).map { _ in
            EpisodeRecord.Twitch(onsetSeconds: number(), durationSeconds: number())
        }
        return EpisodeRecord(
            kind: maybe(.tremor) ?? .twitch, sensor: maybe("LT-\(Int.random(in: 0...9999, using: &random))"),
            channel: Int.random(in: 0...7, using: &random), placement: maybe("left-cheek") ?? "upper-left",
            start: time, end: time.adding(milliseconds: Int64.random(in: 0...90_000, using: &random)),
            startDeviceMicros: maybe(Int.random(in: 0...Int(Int64.max), using: &random)),
            endDeviceMicros: maybe(Int.random(in: 0...1 << 40, using: &random)), durationSeconds: number(),
            twitchCount: Int.random(in: 0...100, using: &random), peak: number(), rms: number(),
            unit: maybe("g") ?? "uV", dominantFrequencyHz: number(), confidence: Double.random(in: 0...1, using: &random),
            truncated: Bool.random(using: &random), offsetSeconds: maybe(number()), recording: maybe(text()),
            detector: EpisodeRecord.Detector(version: "1.0.0", configHash: "fnv1a64:0123456789abcdef"),
            twitches: twitches, envelopeStepSeconds: number(),
            envelope: (0..<Int.random(in: 0...40, using: &random)).map { _ in
                Float(bitPattern: UInt32.random(in: 0...0x7F7F_FFFF, using: &random))
            })
    }

    private func note(around time: LocalTime) -> NoteRecord {
        NoteRecord(
            text: text(), tags: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
            at: time.adding(milliseconds: -Int64.random(in: 0...86_400_000, using: &random)),
            amount: maybe(NoteRecord.Amount(value: number(), unit: maybe("mg"))))
    }

    private func device() -> DeviceRecord {
        DeviceRecord(
            sensor: text(), event: [.connected, .disconnected, .status, .counters].randomElement(using: &random)!,
            path: maybe("/dev/ttyACM0"), sensorKind: maybe("emg"), sampleRateHz: maybe(2000), firmware: maybe("1.2.3"),
            channels: maybe([DeviceRecord.Channel(index: 0, placement: "upper-left", unit: "uV")]),
            reason: maybe(text()), batteryPercent: maybe(Int.random(in: 0...100, using: &random)),
            leadOff: maybe([1, 3]), saturated: maybe([]), overruns: maybe(Int.random(in: 0...1000, using: &random)),
            counters: maybe([DeviceRecord.Counter(name: "crc_failures", value: 3), DeviceRecord.Counter(name: text(), value: -1)]))
    }

    private func gap(around time: LocalTime) -> GapRecord {
        GapRecord(
            reason: maybe(.journalUnwritable) ?? .linkStall, start: time,
            end: time.adding(milliseconds: Int64.random(in: 0...3_600_000, using: &random)), sensor: maybe(text()),
            channel: maybe(2), startDeviceMicros: maybe(5), endDeviceMicros: maybe(6), lostSamples: maybe(100),
            lostRecords: maybe(7))
    }
}
