import LipTwitchLive
import Testing

@Suite struct LiveFilterTests {
    @Test func everythingByDefault() {
        for liveClass in LiveClass.allCases {
            #expect(LiveFilter.all.admits(liveClass, sensor: "LT-0001"))
            #expect(LiveFilter.all.admits(liveClass, sensor: nil))
        }
    }

    @Test func requestSelectsClassesAndDevices() throws {
        let filter = try LiveFilter(
            request: Array(#"{"class":"watch","classes":["episode","onset"],"devices":["LT-0001"]}"#.utf8))
        #expect(filter.classes == [.episode, .onset])
        #expect(filter.devices == ["LT-0001"])
        #expect(filter.admits(.episode, sensor: "LT-0001"))
        #expect(!filter.admits(.episode, sensor: "LT-0002"))
        #expect(!filter.admits(.level, sensor: "LT-0001"))
        // The daemon's own lines have no sensor; version and error always pass.
        #expect(filter.admits(.onset, sensor: nil))
        #expect(filter.admits(.version, sensor: "LT-0002"))
        #expect(filter.admits(.error, sensor: nil))
    }

    @Test func requestLineRoundTrips() throws {
        let filter = LiveFilter(classes: [.gap, .episode], devices: ["LT-\"odd\""])
        #expect(filter.requestLine == #"{"class":"watch","classes":["episode","gap"],"devices":["LT-\"odd\""]}"# + "\n")
        #expect(try LiveFilter(request: Array(filter.requestLine.utf8)) == filter)
        #expect(try LiveFilter(request: Array(LiveFilter.all.requestLine.utf8)) == .all)
    }

    @Test(arguments: [
        ("not json", "is not a JSON object"),
        (#"{"class":"subscribe"}"#, #"must be "watch""#),
        (#"{"class":"watch","classes":["episodes"]}"#, #"there is no class "episodes""#),
        (#"{"class":"watch","classes":["version"]}"#, #"there is no class "version""#),
        (#"{"class":"watch","classes":"episode"}"#, "is not a JSON object"),
        (#"{"class":"watch","devices":["LT-0001",7]}"#, "is not a JSON object"),
        (#"["watch"]"#, "is not a JSON object"),
    ])
    func badRequestsSaySo(request: String, expected: String) {
        #expect {
            try LiveFilter(request: Array(request.utf8))
        } throws: { error in
            "\(error)".contains(expected)
        }
    }
}
