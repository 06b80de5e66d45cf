import LipTwitchCapture
import LipTwitchJournal
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSignals
import LipTwitchSimulator
import Testing

@Suite("Capture codec")
struct CaptureCodecTests {
    static let header = CaptureHeader(
        tool: "liptwitch 0.1.0", description: "two channels, clean — über alles", devicePath: "/dev/ttyACM0",
        lineRates: [921_600, 500_000], startMonotonic: HostTime(nanoseconds: 81_234_567_890),
        startWall: LocalTime(epochMilliseconds: 1_795_273_548_250, utcOffsetMinutes: 60),
        identity: SimulatedSensor(configuration: SimulatorConfiguration()).identity)

    /// A seeded session: opened, reads of random sizes at random intervals (some longer
    /// than one record's delta spans), a hang-up, a close, and the end.
    static func session(seed: UInt64) -> [CaptureEvent] {
        var random = SignalRandom(seed: seed)
        var time = header.startMonotonic + .milliseconds(3)
        var events: [CaptureEvent] = [.header(header), .activity(.opened(path: "/dev/ttyACM0"), at: time)]
        for index in 0..<200 {
            time = time + .nanoseconds(Int64(random.next() % (index == 100 ? 20_000_000_000 : 9_000_000)))
            let bytes = (0..<(1 + Int(random.next() % 300))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            events.append(.activity(.read(bytes), at: time))
        }
        events.append(.activity(.hungUp("EIO: input/output error"), at: time + .milliseconds(1)))
        events.append(.stopRequested(at: time + .milliseconds(1)))
        events.append(.activity(.closed, at: time + .milliseconds(1)))
        events.append(.end(at: time + .seconds(2)))
        return events
    }

    static func encode(_ events: [CaptureEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        var encoder: CaptureEncoder?
        for event in events {
            switch event {
            case .header(let header):
                bytes += header.encoded
                encoder = CaptureEncoder(header: header)
            case .activity(let activity, let at): encoder?.encode(activity, at: at, into: &bytes)
            case .stopRequested(let at): encoder?.encodeStop(at: at, into: &bytes)
            case .end(let at): encoder?.encodeEnd(at: at, into: &bytes)
            }
        }
        return bytes
    }

    /// Decodes `bytes` fed in chunks of `chunk` bytes.
    static func decode(_ bytes: [UInt8], chunk: Int) throws(CaptureError) -> ([CaptureEvent], CaptureEnding) {
        var decoder = CaptureDecoder()
        var events: [CaptureEvent] = []
        var offset = 0
        while offset < bytes.count {
            var input = bytes[offset..<min(bytes.count, offset + chunk)]
            offset += input.count
            while let event = try decoder.decode(&input) { events.append(event) }
        }
        return (events, try decoder.finish())
    }

    @Test("what was encoded decodes the same, in chunks of any size", arguments: [1, 7, 64, 4096, 1 << 20])
    func roundTrip(chunk: Int) throws {
        let events = Self.session(seed: 7)
        let (decoded, ending) = try Self.decode(Self.encode(events), chunk: chunk)
        #expect(decoded == events)
        #expect(ending == .complete(at: events.last.flatMap { if case .end(let at) = $0 { at } else { nil } }!))
    }

    @Test("a read longer than a record holds is split into records of the same time")
    func longRead() throws {
        let read = (0..<70_000).map { UInt8(truncatingIfNeeded: $0) }
        let at = Self.header.startMonotonic + .seconds(1)
        let (decoded, _) = try Self.decode(Self.encode([.header(Self.header), .activity(.read(read), at: at)]), chunk: 999)
        #expect(decoded.count == 3)
        let reads: [[UInt8]] = decoded.compactMap { if case .activity(.read(let bytes), _) = $0 { bytes } else { nil } }
        #expect(reads.map(\.count) == [65_535, 4_465])
        #expect(Array(reads.joined()) == read)
        #expect(decoded.dropFirst().allSatisfy { if case .activity(_, let time) = $0 { time == at } else { false } })
    }

    @Test("a capture cut anywhere gives the records before the cut and says where")
    func cutAnywhere() throws {
        let events = Array(Self.session(seed: 3).prefix(12))
        let bytes = Self.encode(events)
        for length in 0..<bytes.count {
            let (decoded, ending) = try Self.decode(Array(bytes[0..<length]), chunk: 13)
            #expect(Array(events.prefix(decoded.count)) == decoded)
            guard case .cut(let cut) = ending else {
                Issue.record("a capture cut at \(length) of \(bytes.count) bytes is not complete")
                return
            }
            #expect(cut.inHeader == decoded.isEmpty)
            // One record per activity here: short reads, short intervals, no wait records.
            #expect(cut.records == max(0, decoded.count - 1))
        }
    }

    @Test("a file that is not a capture, or a newer one, is refused with a reason")
    func refusals() throws {
        #expect(throws: CaptureError.notACapture) { try Self.decode(Array("time,emg\n0,1\n".utf8), chunk: 4) }
        #expect(throws: CaptureError.notACapture) { try Self.decode([0x89, 0x4C, 0x00], chunk: 4) }
        var newer = Self.header.encoded
        newer[8] = 2
        #expect(throws: CaptureError.newerFormat(major: 2, minor: CaptureFormat.minor)) {
            try Self.decode(newer, chunk: 100)
        }
        var damaged = Self.header.encoded
        damaged[18] = 0xFF
        damaged[19] = 0xFF
        #expect(throws: CaptureError.self) { try Self.decode(damaged, chunk: 100) }
        #expect(CaptureError.notACapture.sentence(for: "x.bin").contains("liptwitch capture"))
    }

    @Test("records of an unknown kind are skipped and counted; bytes after the end are ignored")
    func unknownKindsAndTrailingBytes() throws {
        let at = Self.header.startMonotonic + .milliseconds(5)
        var bytes = Self.encode([.header(Self.header), .activity(.read([1, 2, 3]), at: at)])
        bytes += [0x42, 0, 2, 0, 0, 0, 0, 0, 0xAA, 0xBB]
        var encoder = CaptureEncoder(header: Self.header)
        var tail: [UInt8] = []
        encoder.encode(.read([1, 2, 3]), at: at, into: &tail)
        encoder.encodeEnd(at: at + .milliseconds(1), into: &tail)
        bytes += tail.suffix(8) + [9, 9, 9]  // the end record: 8 bytes of record header
        var decoder = CaptureDecoder()
        var input = bytes[...]
        var events: [CaptureEvent] = []
        while let event = try decoder.decode(&input) { events.append(event) }
        #expect(events.count == 3)
        #expect(decoder.skippedRecords == 1)
        #expect(decoder.bytesAfterEnd == 3)
        #expect(try decoder.finish() == .complete(at: at + .milliseconds(1)))
    }

    @Test("the calibration profile rides in the header as its JSON text, or is absent", arguments: [
        nil, #"{"format":"liptwitch-profile","version":1,"channels":[{"label":"emg","unit":"uV","rest_floor":1.5}]}"#,
    ])
    func profileField(profile: String?) throws {
        var header = Self.header
        header.profileJSON = profile
        let (decoded, _) = try Self.decode(header.encoded, chunk: 5)
        #expect(decoded == [.header(header)])
        #expect(header.formatMinor == CaptureFormat.minor)
    }

    @Test("a header of minor 0 (no profile field) reads, and tags this reader does not know are skipped")
    func olderAndNewerMinors() throws {
        var old = Self.header
        old.formatMinor = 0
        #expect(try Self.decode(old.encoded, chunk: 64).0 == [.header(old)])
        // A field of a tag from the future, between the known ones: skipped.
        var bytes = Self.header.encoded
        let unknown: [UInt8] = [0xE9, 0x03, 3, 0, 1, 2, 3]
        bytes.insert(contentsOf: unknown, at: 16)
        let length = UInt32(bytes.count - 16)
        bytes.replaceSubrange(12..<16, with: (0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) })
        #expect(try Self.decode(bytes, chunk: 64).0 == [.header(Self.header)])
    }
}
