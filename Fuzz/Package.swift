// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer targets: one executable per decoder of what a user or a device hands
// LipTwitch. It is its own package because libFuzzer supplies `main`: built without
// `--sanitize=fuzzer` they would not link. Run one with `scripts/fuzz NAME SECONDS` from
// the repository root (`scripts/fuzz --list` names them).

/// Each fuzzer and the LipTwitch libraries whose decoders it fuzzes.
let fuzzers: [(name: String, libraries: [String])] = [
    ("JournalLineFuzzer", ["LipTwitchJournal"]),
    ("CaptureFuzzer", ["LipTwitchCapture"]),
    ("CSVRecordingFuzzer", ["LipTwitchRecordings"]),
    ("EDFRecordingFuzzer", ["LipTwitchRecordings"]),
    ("ProfileFuzzer", ["LipTwitchProfile"]),
    ("ConsoleFuzzer", ["LipTwitchLive"]),
    ("CytonFuzzer", ["LipTwitchDrivers", "LipTwitchProtocol"]),
    ("BITalinoFuzzer", ["LipTwitchDrivers", "LipTwitchProtocol"]),
]

let package = Package(
    name: "LipTwitchFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "LipTwitch", path: "..")],
    targets: [
        // What the fuzzers share: input cut into chunks the input chooses, a recording
        // decoder driven to its end with its promises checked, values kept from the optimizer.
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "LipTwitchRecordings", package: "LipTwitch")]
        ),
        .executableTarget(
            name: "ProtocolFuzzer",
            dependencies: [.product(name: "LipTwitchProtocol", package: "LipTwitch")]
        ),
    ] + fuzzers.map { fuzzer in
        .executableTarget(
            name: fuzzer.name,
            dependencies: ["FuzzSupport"] + fuzzer.libraries.map { .product(name: $0, package: "LipTwitch") }
        )
    }
)
