import Foundation
import LipTwitchJournal
import Testing

@Suite struct RecordCodecTests {
    @Test(arguments: RecordKind.allCases)
    func everyKindSurvivesTheRoundTrip(kind: RecordKind) throws {
        let random = RandomRecords(seed: 42)
        var decoder = JournalLineDecoder()
        for _ in 0..<500 {
            let record = random.record(kind)
            let line = record.jsonLine
            #expect(!line.contains("\n"))
            #expect(line.hasPrefix("{\"class\":\"\(kind.rawValue)\",\"format\":\"1.1\",\"id\":\""))
            #expect(decoder.decode(line) == .record(record), "\(line)")
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(parsed?["class"] as? String == kind.rawValue)
        }
    }

    @Test func aNoteLineReadsAsDocumented() throws {
        let line = #"{"class":"note","format":"1.0","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01","#
            + #""time":"2026-11-21T14:07:12.031+01:00","source":{"tool":"liptwitch note","version":"0.1.0"},"#
            + #""boot_id":"5d2a8e3c-1111-4222-8333-944455556666","mono_ns":81234567890,"text":"third coffee","#
            + #""tags":["caffeine"],"at":"2026-11-21T14:05:00.000+01:00","amount":{"value":80,"unit":"mg"}}"#
        var decoder = JournalLineDecoder()
        guard case .record(let record) = decoder.decode(line) else {
            Issue.record("not read: \(decoder.decode(line))")
            return
        }
        #expect(record.jsonLine == line)
        #expect(record.eventTime == LocalTime(rfc3339: "2026-11-21T14:05:00+01:00"))
        guard case .note(let note) = record.body else { Issue.record("not a note"); return }
        #expect(note.text == "third coffee" && note.tags == ["caffeine"])
        #expect(note.amount == NoteRecord.Amount(value: 80, unit: "mg"))
        #expect(record.clock?.nanoseconds == 81_234_567_890)
    }

    @Test func unknownFieldsAnywhereAreIgnoredAndKeyOrderDoesNotMatter() {
        let random = RandomRecords(seed: 7)
        var decoder = JournalLineDecoder()
        for kind in RecordKind.allCases {
            let record = random.record(kind)
            let object = try! JSONSerialization.jsonObject(with: Data(record.jsonLine.utf8)) as! [String: Any]
            var extended = object
            extended["zz_future_field"] = ["nested": [1, 2, ["deep": true]]]
            extended["another"] = NSNull()
            let reordered = try! JSONSerialization.data(withJSONObject: extended, options: [.sortedKeys])
            let decoded = reordered.withUnsafeBytes { decoder.decode($0) }
            #expect(decoded.withCountersSorted == LineDecoding.record(record).withCountersSorted, "\(kind)")
        }
    }

    @Test func newerMinorVersionsAreReadAndNewerMajorVersionsSkipped() {
        let random = RandomRecords(seed: 8)
        var decoder = JournalLineDecoder()
        let line = random.record(.note).jsonLine
        let minor = line.replacingOccurrences(of: #""format":"1.1""#, with: #""format":"1.17""#)
        guard case .record(let record) = decoder.decode(minor) else { Issue.record("1.17 not read"); return }
        #expect(record.format == FormatVersion(major: 1, minor: 17))
        let major = line.replacingOccurrences(of: #""format":"1.1""#, with: #""format":"2.0""#)
        #expect(decoder.decode(major) == .skipped(.unsupportedFormat("2.0")))
    }

    @Test func unknownRecordTypesAreSkippedByName() {
        var decoder = JournalLineDecoder()
        let line = #"{"class":"mood","format":"1.3","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01","score":4}"#
        #expect(decoder.decode(line) == .skipped(.unknownClass("mood")))
        #expect(SkipReason.unknownClass("mood").category == .unknownType)
    }

    @Test func aClassIsKnownOnlyByItsWholeNameEscapedOrNot() {
        var decoder = JournalLineDecoder()
        let rest = #""format":"1.1","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01","#
            + #""time":"2026-11-21T14:07:12.031+01:00","source":{"tool":"t","version":"1"},"#
            + #""retracts":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e02","reason":"r"}"#
        guard case .record(let escaped) = decoder.decode(#"{"class":"retr\u0061ction","# + rest) else {
            Issue.record("an escaped class not read")
            return
        }
        #expect(escaped.kind == .retraction)
        for name in ["retractio", "retractions", "Retraction", "rETRACTION", "", "r", "x"] {
            #expect(decoder.decode(#"{"class":""# + name + #"","# + rest) == .skipped(.unknownClass(name)))
        }
        #expect(decoder.decode(#"{"class":"mo\u0064","# + rest) == .skipped(.unknownClass("mod")))
    }

    @Test func eachKindHasTheBitOfItsPlaceAmongAllKinds() {
        for (index, kind) in RecordKind.allCases.enumerated() {
            #expect(RecordKinds(kind).rawValue == 1 << index)
        }
    }

    @Test func fieldsAreFoundInAnyOrderAndAbsentOnesAreAbsent() {
        var decoder = JournalLineDecoder()
        let members = [
            #""class":"gap""#, #""format":"1.1""#, #""id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01""#,
            #""time":"2026-11-21T14:07:12.031+01:00""#, #""source":{"version":"1","tool":"t"}"#,
            #""reason":"link-stall""#, #""start":"2026-11-21T14:07:00.000+01:00""#,
            #""end":"2026-11-21T14:07:10.000+01:00""#, #""sensor":"LT-1""#, #""lost_records":3"#,
        ]
        let written = decoder.decode("{" + members.joined(separator: ",") + "}")
        guard case .record(let record) = written, case .gap(let gap) = record.body else {
            Issue.record("not read: \(written)")
            return
        }
        #expect(gap.sensor == "LT-1" && gap.lostRecords == 3 && gap.lostSamples == nil && gap.channel == nil)
        #expect(record.session == nil && record.clock == nil)
        #expect(decoder.decode("{" + members.reversed().joined(separator: ",") + "}") == written)
    }

    @Test(arguments: [
        (#"{"class":"note","format":"1.0"}"#, SkipReason.invalid(.note, "field 'id' is missing")),
        (#"{"format":"1.0"}"#, .invalid(nil, "field 'class' is missing")),
        (#"{"class":"note"}"#, .invalid(nil, "field 'format' is missing")),
        (#"{"class":"note","format":"one"}"#, .invalid(nil, "field 'format' has the wrong type")),
        (#"{"class":7,"format":"1.0"}"#, .invalid(nil, "field 'class' has the wrong type")),
    ])
    func invalidRecordsSayWhatIsWrong(line: String, reason: SkipReason) {
        var decoder = JournalLineDecoder()
        #expect(decoder.decode(line) == .skipped(reason))
    }

    @Test func aWrongFieldDeepInsideIsInvalidNotACrash() {
        let random = RandomRecords(seed: 9)
        var decoder = JournalLineDecoder()
        let line = random.record(.episode).jsonLine
        let broken = line.replacingOccurrences(of: #""twitch_count":"#, with: #""twitch_count":"many","x":"#)
        #expect(decoder.decode(broken) == .skipped(.invalid(.episode, "field 'twitch_count' has the wrong type")))
        let mixed = line.replacingOccurrences(of: #""envelope":["#, with: #""envelope":["x","#)
        #expect(decoder.decode(mixed) == .skipped(.invalid(.episode, "field 'envelope' has the wrong type")))
        let badTime = line.replacingOccurrences(of: #""start":"2"#, with: #""start":"x2"#)
        #expect(decoder.decode(badTime) == .skipped(.invalid(.episode, "field 'start' has the wrong type")))
    }

    /// Found by the journal fuzzer: an envelope value beyond a Float's range read as
    /// infinity, wrote back as `null`, and the line written no longer read. It is refused.
    @Test func anEnvelopeValueBeyondAFloatIsRefusedNotReadAsInfinity() {
        let random = RandomRecords(seed: 9)
        var decoder = JournalLineDecoder()
        let line = random.record(.episode).jsonLine
        let huge = line.replacingOccurrences(of: #""envelope":["#, with: #""envelope":[4e70,"#)
        #expect(huge != line)
        #expect(decoder.decode(huge) == .skipped(.invalid(.episode, "field 'envelope' holds a number out of range")))
    }

    @Test func everyPrefixOfALineIsUnreadableExceptTheWholeLine() {
        let random = RandomRecords(seed: 10)
        var decoder = JournalLineDecoder()
        for kind in RecordKind.allCases {
            let line = Array(random.record(kind).jsonLine.utf8)
            for length in 0..<line.count {
                let decoded = line[0..<length].withUnsafeBytes { decoder.decode($0) }
                #expect(decoded == .skipped(.unreadable), "\(kind) cut at \(length)")
            }
        }
    }

    @Test func randomBytesAreNeverARecordAndNeverACrash() {
        let random = RandomRecords(seed: 11)
        var decoder = JournalLineDecoder()
        let valid = Array(random.record(.episode).jsonLine.utf8)
        var generator = SeededBytes(seed: 12)
        for round in 0..<5_000 {
            var bytes = valid
            if round % 2 == 0 {
                bytes = generator.bytes(Int.random(in: 0...300, using: &generator))
            } else {
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
            }
            let decoded = bytes.withUnsafeBytes { decoder.decode($0) }
            if case .record = decoded, round % 2 == 0 { Issue.record("random bytes read as a record") }
        }
    }

    @Test func kindsNotAskedForAreRecognizedButNotDecoded() {
        let random = RandomRecords(seed: 13)
        var decoder = JournalLineDecoder()
        #expect(decoder.decode(random.record(.episode).jsonLine, kinds: [.note]) == .ignored(.episode))
        guard case .record = decoder.decode(random.record(.note).jsonLine, kinds: [.note]) else {
            Issue.record("note not decoded")
            return
        }
    }

    @Test(arguments: RecordKind.allCases)
    func aSummaryReadIsTheFullReadWithoutAnEpisodesDetail(kind: RecordKind) {
        let random = RandomRecords(seed: 14)
        var decoder = JournalLineDecoder()
        for _ in 0..<300 {
            var record = random.record(kind)
            let line = record.jsonLine
            if case .episode(var episode) = record.body {
                episode.twitches = []
                episode.envelope = []
                record.body = .episode(episode)
            }
            #expect(decoder.decode(line, detail: .summary) == .record(record), "\(line)")
        }
    }

    @Test func aSummaryReadStillRejectsALineCutShortOrBrokenAroundTheDetail() {
        let random = RandomRecords(seed: 15)
        var decoder = JournalLineDecoder()
        let line = Array(random.record(.episode).jsonLine.utf8)
        for length in 0..<line.count {
            let decoded = line[0..<length].withUnsafeBytes { decoder.decode($0, detail: .summary) }
            #expect(decoded == .skipped(.unreadable), "cut at \(length)")
        }
        let text = String(decoding: line, as: UTF8.self)
        for broken in [
            text.replacingOccurrences(of: #""envelope":["#, with: #""envelope":[["#),
            text.replacingOccurrences(of: #""twitches":["#, with: #""twitches":["\u12","#),
            text.replacingOccurrences(of: #""twitches":["#, with: #""twitches":"#),
        ] {
            #expect(decoder.decode(broken, detail: .summary) == .skipped(.unreadable), "\(broken)")
        }
        // Brackets inside strings do not count, and only the outermost object's detail is skipped.
        let tricky = text.replacingOccurrences(of: #""twitches":["#, with: #""twitches":["]}\"{",{"envelope":[1]},"#)
        guard case .record(let record) = decoder.decode(tricky, detail: .summary), case .episode(let episode) = record.body
        else {
            Issue.record("\(tricky) not read")
            return
        }
        #expect(episode.twitches.isEmpty && episode.envelope.isEmpty)
        #expect(decoder.decode(tricky) == .skipped(.invalid(.episode, "field 'twitches' has the wrong type")))
    }

    @Test func stringsWithEscapesAndSurrogatesAreReadBack() {
        var decoder = JournalLineDecoder()
        let line = #"{"class":"retraction","format":"1.0","id":"0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e01","#
            + #""time":"2026-11-21T14:07:12.031+01:00","source":{"tool":"t\u00e9st","version":"1"},"#
            + #""retracts":"0B8C9F52-3F7E-4D7A-9A57-2F1D4C1B6E02","reason":"a\/b \ud83d\ude00 \ud800 \"q\"\b\f"}"#
        guard case .record(let record) = decoder.decode(line), case .retraction(let retraction) = record.body else {
            Issue.record("not read: \(decoder.decode(line))")
            return
        }
        #expect(record.source.tool == "tést")
        #expect(retraction.reason == "a/b 😀 \u{FFFD} \"q\"\u{8}\u{C}")
        #expect(retraction.retracts.uuidString == "0B8C9F52-3F7E-4D7A-9A57-2F1D4C1B6E02")
    }
}

/// Seeded random bytes for the garbage tests.
struct SeededBytes: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}

extension LineDecoding {
    /// The same, with a device record's counters in name order (a JSON object's members
    /// have no order that survives re-serialization).
    var withCountersSorted: LineDecoding {
        guard case .record(var record) = self, case .device(var device) = record.body else { return self }
        device.counters?.sort { $0.name < $1.name }
        record.body = .device(device)
        return .record(record)
    }
}

/// Measured values are kept at the precision they mean, and stay the same through a write
/// and a read.
@Suite struct EpisodePrecisionTests {
    @Test func measuredValuesAreRoundedToWhatTheyMean() {
        let start = LocalTime(epochMilliseconds: 0, utcOffsetMinutes: 60)
        let episode = EpisodeRecord(
            kind: .twitch, sensor: nil, channel: 0, placement: "upper-left", start: start, end: start,
            durationSeconds: 1.234_567_89, twitchCount: 1, peak: 212.539_182, rms: 0.012_345_6, unit: "uV",
            dominantFrequencyHz: 87.549_999, confidence: 0.934_5,
            detector: .init(version: "1", configHash: "x"),
            twitches: [.init(onsetSeconds: 0.000_000_4, durationSeconds: 0.312_500_01)], envelopeStepSeconds: 0.05,
            envelope: [123.456_78, 0.000_123_456, 99_999.5, 0, -4.444_4, .nan])
        #expect(episode.durationSeconds == 1.234_568)
        #expect(episode.peak == 212.5 && episode.rms == 0.012_35 && episode.dominantFrequencyHz == 87.55)
        #expect(episode.confidence == 0.935 || episode.confidence == 0.934)
        #expect(episode.twitches == [.init(onsetSeconds: 0, durationSeconds: 0.3125)])
        #expect(episode.envelope == [123.5, 0.000_123_5, 100_000, 0, -4.444, 0])
        let record = JournalRecord(
            id: UUID(), time: start, source: RecordSource(tool: "t", version: "1"), body: .episode(episode))
        var decoder = JournalLineDecoder()
        #expect(decoder.decode(record.jsonLine) == .record(record))
        #expect(record.jsonLine.contains(#""envelope":[123.5,0.0001235,100000,0,-4.444,0]"#))
    }
}

/// Clusters in episodes (format 1.1): written when said, read back, absent from 1.0 records.
@Suite struct EpisodeClusterTests {
    @Test func clustersAreWrittenAndReadBack() throws {
        let start = LocalTime(epochMilliseconds: 0, utcOffsetMinutes: 60)
        let episode = EpisodeRecord(
            kind: .twitch, sensor: nil, channel: 0, placement: "upper-left", start: start, end: start,
            durationSeconds: 6.5, twitchCount: 7, peak: 40, rms: 12, unit: "uV", dominantFrequencyHz: 200,
            confidence: 0.9, detector: .init(version: "1", configHash: "x"), twitches: [], clusters: 2,
            largestCluster: .init(twitchCount: 4, onsetSeconds: 2.000_000_4, durationSeconds: 3.25),
            envelopeStepSeconds: 0.05, envelope: [])
        #expect(episode.largestCluster?.onsetSeconds == 2)
        let record = JournalRecord(
            id: UUID(), time: start, source: RecordSource(tool: "t", version: "1"), body: .episode(episode))
        let line = record.jsonLine
        #expect(line.contains(#""clusters":2,"largest_cluster":{"twitch_count":4,"onset_s":2,"duration_s":3.25}"#))
        #expect(line.contains(#""format":"1.1""#))
        var decoder = JournalLineDecoder()
        #expect(decoder.decode(line) == .record(record))
        let older = line.replacingOccurrences(of: #""format":"1.1""#, with: #""format":"1.0""#)
            .replacingOccurrences(of: #""clusters":2,"largest_cluster":{"twitch_count":4,"onset_s":2,"duration_s":3.25},"#, with: "")
        guard case .record(let read) = decoder.decode(older), case .episode(let readEpisode) = read.body else {
            Issue.record("a 1.0 episode not read: \(older)")
            return
        }
        #expect(readEpisode.clusters == nil && readEpisode.largestCluster == nil && readEpisode.twitchCount == 7)
    }
}
