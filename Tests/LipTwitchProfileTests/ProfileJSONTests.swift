import LipTwitchDetector
import LipTwitchProfile
import Testing

/// What `ProfileJSON` reads; the refusals are the profile fuzzer's findings (scripts/fuzz profile).
struct ProfileJSONTests {
    static let profile = DetectorProfile(channels: [
        .init(label: "emg", placement: "upper-left", unit: "uV", restFloor: 2.5, pressRMS: 80, pressCount: 5)
    ])

    static func text(pressCount: String = "5") -> String {
        #"{"format":"liptwitch-profile","version":1,"channels":[{"label":"emg","placement":"upper-left","unit":"uV","#
            + #""rest_floor":2.5,"press_rms":80,"press_count":\#(pressCount)}]}"#
    }

    @Test func aProfileReadsBackFromWhatItWrites() throws {
        #expect(try ProfileJSON.decode(ProfileJSON.encode(Self.profile, calibratedFrom: "rest.csv")) == Self.profile)
        #expect(try ProfileJSON.decode(Self.text()) == Self.profile)
    }

    /// A press count an `Int` cannot hold trapped (found by the fuzzer: `1e30`); every
    /// count that is not a whole number of presses is refused with a sentence.
    @Test(arguments: ["1e30", "-1e30", "-1", "1.5", #""five""#, "1000001"])
    func aPressCountThatIsNotACountIsRefused(count: String) {
        #expect {
            try ProfileJSON.decode(Self.text(pressCount: count))
        } throws: { error in
            (error as? ProfileJSONError)?.reason == "a channel's press_count is not a count of presses"
        }
    }
}
