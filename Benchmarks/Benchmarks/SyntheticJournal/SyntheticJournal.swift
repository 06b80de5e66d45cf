import Foundation
import LipTwitchJournal
import LipTwitchSignals

/// A seeded, realistic year of journal for the benchmarks: a heavy twitcher who wears the
/// sensor ten hours a day. Per day: a daemon session (start, stop), the sensor connecting
/// and disconnecting, a status and a counters record every ten minutes, about 700
/// episodes (envelope of 32 points, 1 to 5 twitches), 20 gaps, 10 notes; a retraction a
/// week. About 311 000 records, 285 MB.
public struct SyntheticJournal {
    private var random: SignalRandom
    private let source = RecordSource(tool: "liptwitch daemon", version: "0.1.0")
    private let detector = EpisodeRecord.Detector(version: "1.0.0", configHash: "fnv1a64:3f9a0c6e2b7d4151")

    public init(seed: UInt64) {
        random = SignalRandom(seed: seed)
    }

    /// The records of day `day` (0 = 2025-01-01) in the order the daemon writes them.
    public mutating func day(_ day: Int) -> [JournalRecord] {
        let offset = (day > 88 && day < 298) ? 120 : 60
        let morning = CivilDate(year: 2025, month: 1, day: 1)!.adding(days: day).daysSinceEpoch * 86_400_000
            + 8 * 3_600_000 - Int64(offset) * 60_000
        func at(_ milliseconds: Int64) -> LocalTime {
            LocalTime(epochMilliseconds: morning + milliseconds, utcOffsetMinutes: offset)
        }
        let session = uuid()
        var records: [JournalRecord] = []
        func add(_ time: LocalTime, _ body: RecordBody) {
            records.append(
                JournalRecord(
                    id: uuid(), time: time, source: source, session: session,
                    clock: MonotonicStamp(bootID: session, nanoseconds: Int(time.epochMilliseconds % 1_000_000_000) * 1_000_000),
                    body: body))
        }
        let wear: Int64 = 10 * 3_600_000
        add(at(0), .session(SessionRecord(event: .start, mode: "daemon")))
        add(at(1000), .device(DeviceRecord(
            sensor: "LT-0042", event: .connected, path: "/dev/ttyACM0", sensorKind: "emg", sampleRateHz: 2000,
            firmware: "1.2.3", channels: [.init(index: 0, placement: "upper-left", unit: "uV"),
                                          .init(index: 1, placement: "lower-right", unit: "uV")])))
        var events: [(Int64, RecordBody)] = []
        for tick in 1...60 {
            let time = Int64(tick) * 600_000
            events.append((time, .device(DeviceRecord(
                sensor: "LT-0042", event: .status, batteryPercent: 100 - tick, leadOff: [], saturated: [], overruns: 0))))
            events.append((time + 1, .device(DeviceRecord(
                sensor: "LT-0042", event: .counters,
                counters: [.init(name: "bytes_received", value: tick * 1_728_000), .init(name: "frames_decoded", value: tick * 7500),
                           .init(name: "crc_failures", value: next(3)), .init(name: "resyncs", value: next(2)),
                           .init(name: "lost_frames", value: next(4))]))))
        }
        for _ in 0..<(650 + next(100)) {
            events.append((Int64(next(Int(wear))), .episode(episode(at: at(0)))))
        }
        for _ in 0..<20 {
            let start = Int64(next(Int(wear)))
            events.append((start + 5000, .gap(GapRecord(
                reason: .linkStall, start: at(start), end: at(start + 4000), sensor: "LT-0042", lostSamples: 8000))))
        }
        let tags = ["caffeine", "sleep", "stress", "meal", "alcohol", "screen"]
        for index in 0..<10 {
            let time = Int64(next(Int(wear)))
            events.append((time, .note(NoteRecord(
                text: "note \(index) of the day", tags: [tags[next(tags.count)]], at: at(time - 600_000),
                amount: index % 3 == 0 ? .init(value: 80, unit: "mg") : nil))))
        }
        events.sort { $0.0 < $1.0 }
        for (time, body) in events {
            var body = body
            if case .episode(var episode) = body {
                episode.start = at(time - 3000)
                episode.end = episode.start.adding(milliseconds: Int64(episode.durationSeconds * 1000))
                body = .episode(episode)
            }
            add(at(time), body)
        }
        if day % 7 == 6, let retracted = records.last(where: { $0.kind == .note }) {
            add(at(wear - 1000), .retraction(RetractionRecord(retracts: retracted.id, reason: "wrong time")))
        }
        add(at(wear), .device(DeviceRecord(sensor: "LT-0042", event: .disconnected, reason: "unplugged")))
        add(at(wear + 1000), .session(SessionRecord(event: .stop, mode: "daemon", reason: "signal")))
        return records
    }

    /// The header line of a month file whose first record is `first`.
    public mutating func header(before first: JournalRecord) -> JournalRecord {
        JournalRecord(
            id: uuid(), time: first.time, source: first.source, session: first.session, clock: first.clock,
            body: .header(HeaderRecord(month: JournalMonth(of: first.time))))
    }

    /// An episode with values at the full precision a detector computes them (the record
    /// keeps them at the journal's precision).
    private mutating func episode(at time: LocalTime) -> EpisodeRecord {
        let count = 1 + next(5)
        return EpisodeRecord(
            kind: next(50) == 0 ? .tremor : .twitch, sensor: "LT-0042", channel: next(2),
            placement: next(2) == 0 ? "upper-left" : "lower-right", start: time, end: time,
            startDeviceMicros: next(1 << 40), endDeviceMicros: next(1 << 40), durationSeconds: 0.2 + fraction() * 1.3,
            twitchCount: count, peak: 20 + fraction() * 2000, rms: 5 + fraction() * 500, unit: "uV",
            dominantFrequencyHz: 20 + fraction() * 300, confidence: fraction(), detector: detector,
            twitches: (0..<count).map { index in
                .init(onsetSeconds: Double(index) * 0.25 + fraction() * 0.1, durationSeconds: 0.1 + fraction() * 0.4)
            },
            envelopeStepSeconds: 0.05, envelope: (0..<32).map { _ in Float(fraction() * 1000) })
    }

    /// Uniform in 0..<1, at full double precision.
    private mutating func fraction() -> Double {
        Double(random.next() >> 11) / Double(1 << 53)
    }

    private mutating func next(_ bound: Int) -> Int {
        Int(random.next() % UInt64(bound))
    }

    private mutating func uuid() -> UUID {
        let high = random.next()
        let low = random.next()
        return withUnsafeBytes(of: (high, low)) { bytes in
            UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6] & 0x0F | 0x40, bytes[7],
                        bytes[8] & 0x3F | 0x80, bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
        }
    }
}
