import Foundation
import LipTwitchCapture
import LipTwitchDetector
import LipTwitchProfile
import LipTwitchRuntime
import LipTwitchSignals
import Testing
import TestSupport

/// The calibration profile in a capture's header (format 1.1, tag 8): `ProfileFile`'s JSON
/// text, used by a replay unless told otherwise, and absent from older captures.
@Suite("Replay with the recorded calibration profile")
struct CaptureProfileReplayTests {
    static let clean = CaptureCorpusTests.directory + "/clean.ltcap"

    /// Calls the clean capture's twitch on the second channel voluntary (press RMS 20 µV:
    /// voluntary above 12 µV, and that twitch has about 38 µV RMS) and keeps the first one's.
    static let profile = DetectorProfile(channels: [
        DetectorProfile.Channel(
            label: "upper-left", placement: "upper-left", unit: "uV", restFloor: 1.5, pressRMS: 400, pressCount: 5),
        DetectorProfile.Channel(
            label: "upper-right", placement: "upper-right", unit: "uV", restFloor: 1.5, pressRMS: 20, pressCount: 5),
    ])

    /// `clean.ltcap` written again at `path` with `profileJSON` in its header, as the daemon
    /// writes it (the records unchanged).
    static func clean(withProfile profileJSON: String?, at path: String) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: clean)))
        var decoder = CaptureDecoder()
        var records = bytes[...]
        let event = try decoder.decode(&records)
        guard case .header(var header)? = event else { throw CaptureError.notACapture }
        #expect(header.formatMinor == 0 && header.profileJSON == nil, "the corpus is of format 1.0")
        header.formatMinor = CaptureFormat.minor
        header.profileJSON = profileJSON
        try Data(header.encoded + records).write(to: URL(fileURLWithPath: path))
    }

    @Test("a profile's JSON text parses back to the very same profile, whatever its numbers")
    func profileTextRoundTrip() throws {
        var random = SignalRandom(seed: 11)
        for _ in 0..<200 {
            let profile = DetectorProfile(channels: (0..<(1 + Int(random.next() % 4))).map { index in
                DetectorProfile.Channel(
                    label: "ch \(index) \"ü\"", placement: "lower-left", unit: index % 2 == 0 ? "uV" : "g",
                    restFloor: Double(random.next() % 1_000_000 + 1) / 7_919 * 1e-3,
                    pressRMS: Double(random.next() % 1_000_000 + 1) / 3.0, pressCount: Int(random.next() % 9))
            })
            let text = ProfileJSON.encode(profile, calibratedFrom: random.next() % 2 == 0 ? nil : "rest.csv")
            #expect(!text.contains("\n"))
            #expect(try ProfileFile.decode(text, source: "test") == profile, "\(text)")
        }
    }

    /// So that the daemon's profile always fits a header field (65535 bytes), a profile
    /// file larger than 32 KiB is refused; one a little smaller is read.
    @Test("a profile file over 32 KiB is refused when read, so a capture header can always hold it")
    func aProfileFitsAHeaderField() throws {
        let temporary = try TemporaryDirectory()
        let path = temporary.path + "/profile.json"
        let text = ProfileJSON.encode(Self.profile, calibratedFrom: nil)
        try Data((text + String(repeating: " ", count: 32 * 1024 - text.utf8.count)).utf8).write(to: URL(fileURLWithPath: path))
        #expect(try ProfileFile.read(path) == Self.profile)
        try Data((text + String(repeating: " ", count: 32 * 1024)).utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try ProfileFile.read(path)
        } throws: { error in
            "\(error)".contains("larger than a profile can be (32 KiB)")
        }
    }

    @Test("a capture of format 1.0 (no profile field) replays with none, and says so")
    func olderCaptureReplaysWithoutAProfile() throws {
        let temporary = try TemporaryDirectory()
        let (json, failure) = try CaptureCorpusTests.replay(Self.clean, in: temporary, profile: .recorded)
        #expect(failure == nil)
        let golden = try String(contentsOfFile: Self.clean + ".golden.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(json == golden.map(String.init))
        let (readable, _) = try CaptureCorpusTests.replay(Self.clean, in: temporary, json: false, profile: .recorded)
        #expect(readable.first?.hasSuffix("; no calibration profile") == true, "\(readable.first ?? "")")
    }

    @Test("the recorded profile is used by default; the same from a file gives the same records; --no-profile none")
    func recordedProfile() throws {
        let temporary = try TemporaryDirectory()
        let capture = temporary.path + "/calibrated.ltcap"
        try Self.clean(withProfile: ProfileJSON.encode(Self.profile, calibratedFrom: nil), at: capture)
        let (recorded, failure) = try CaptureCorpusTests.replay(capture, in: temporary, profile: .recorded)
        #expect(failure == nil)
        let first = try #require(recorded.first)
        #expect(first.contains(#""format":"1.3""#) && first.contains(#""profile":true,"calibration":"capture""#), "\(first)")
        let (fromFile, _) = try CaptureCorpusTests.replay(
            capture, in: temporary, profile: .file(Self.profile, path: "p.json"))
        #expect(fromFile.first?.hasSuffix(#""profile":true,"calibration":"file","calibration_file":"p.json"}"#) == true)
        #expect(fromFile.dropFirst() == recorded.dropFirst())
        // The capture is fixed, so the profile's effect is too: the second channel's twitch is voluntary.
        let episodes = recorded.filter { $0.contains(#""class":"episode""#) }
        #expect(episodes.count == 1 && episodes.allSatisfy { $0.contains(#""channel":0"#) }, "\(episodes)")

        let (none, _) = try CaptureCorpusTests.replay(capture, in: temporary, profile: .disabled)
        let golden = try String(contentsOfFile: Self.clean + ".golden.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(Array(none.dropFirst()) == golden.dropFirst().map(String.init), "without the profile: the corpus's records")
        #expect(none.first?.contains(#""profile":true"#) == true && none.first?.contains("calibration") == false)

        let (readable, _) = try CaptureCorpusTests.replay(capture, in: temporary, json: false, profile: .recorded)
        #expect(readable.first?.hasSuffix("; calibration profile from the capture") == true, "\(readable.first ?? "")")
        let (left, _) = try CaptureCorpusTests.replay(capture, in: temporary, json: false, profile: .disabled)
        #expect(left.first?.hasSuffix("; no calibration profile (the capture's is left out)") == true)
    }

    @Test("a damaged recorded profile stops the replay with a sentence that says how to replay it anyway")
    func damagedProfile() throws {
        let temporary = try TemporaryDirectory()
        let capture = temporary.path + "/damaged.ltcap"
        try Self.clean(withProfile: #"{"format":"liptwitch-profile","#, at: capture)
        let (_, failure) = try CaptureCorpusTests.replay(capture, in: temporary, profile: .recorded)
        #expect(failure?.contains("the calibration profile recorded in \(capture) is damaged") == true, "\(failure ?? "")")
        #expect(failure?.contains("--no-profile") == true)
        let (lines, without) = try CaptureCorpusTests.replay(capture, in: temporary, profile: .disabled)
        #expect(without == nil && lines.count > 2)
    }
}
