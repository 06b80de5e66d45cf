// swift-tools-version: 6.0
import PackageDescription

/// Signal processing is a hundred times slower unoptimized, and the tests push minutes of
/// generated signal through the detector: `scripts/test` sets LIPTWITCH_OPTIMIZE_SIGNALS=1,
/// which optimizes these two modules in its debug build. Without it (a plain `swift build`,
/// or LipTwitch as another package's versioned dependency) no target has unsafe flags.
let optimizedInDebug: [SwiftSetting] =
    Context.environment["LIPTWITCH_OPTIMIZE_SIGNALS"] == "1" ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : []

// Layout: pure cores (no I/O, no clock) → one system layer (libc) → one runtime loop → the CLI.
// docs/ARCHITECTURE.md draws the picture; each target below says which layer it is.
let package = Package(
    name: "LipTwitch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liptwitch", targets: ["liptwitch"]),
        .library(name: "LipTwitchProtocol", targets: ["LipTwitchProtocol"]),
        .library(name: "LipTwitchRuntime", targets: ["LipTwitchRuntime"]),
        .library(name: "LipTwitchLink", targets: ["LipTwitchLink"]),
        .library(name: "LipTwitchSimulator", targets: ["LipTwitchSimulator"]),
        .library(name: "LipTwitchSystem", targets: ["LipTwitchSystem"]),
        .library(name: "LipTwitchRecordings", targets: ["LipTwitchRecordings"]),
        .library(name: "LipTwitchJournal", targets: ["LipTwitchJournal"]),
        .library(name: "LipTwitchCapture", targets: ["LipTwitchCapture"]),
        .library(name: "LipTwitchInsights", targets: ["LipTwitchInsights"]),
        .library(name: "JournalSynthesis", targets: ["JournalSynthesis"]),
        .library(name: "LipTwitchDetector", targets: ["LipTwitchDetector"]),
        .library(name: "LipTwitchSignals", targets: ["LipTwitchSignals"]),
        .library(name: "LipTwitchProfile", targets: ["LipTwitchProfile"]),
        .library(name: "LipTwitchLive", targets: ["LipTwitchLive"]),
        .library(name: "LipTwitchDrivers", targets: ["LipTwitchDrivers"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    ],
    targets: [
        // Pure core: the wire protocol (COBS framing, CRC-32C, messages, stream decoder).
        .target(name: "LipTwitchProtocol"),
        // Pure core: a simulated sensor, the firmware side of the protocol with seeded signal and faults.
        .target(name: "LipTwitchSimulator", dependencies: ["LipTwitchProtocol", "LipTwitchSignals"]),
        // Pure core: the streaming twitch detector (filters, envelope, bursts, episodes).
        // Optimized even in debug builds: the tests run minutes of signal through it.
        .target(name: "LipTwitchDetector", swiftSettings: optimizedInDebug),
        // Pure core: the seeded, labelled scenario generator (signals with ground truth).
        .target(name: "LipTwitchSignals", dependencies: ["LipTwitchDetector"], swiftSettings: optimizedInDebug),
        // Pure core: the link to one sensor (handshake, streaming, stalls, reconnects) and device time → host time.
        .target(name: "LipTwitchLink", dependencies: ["LipTwitchProtocol", "LipTwitchDrivers"]),
        // Pure core: the driver seam (a table per board family: traits, encoder, decoder into the
        // link's messages) and one folder per family, the LipTwitch protocol's among them.
        .target(name: "LipTwitchDrivers", dependencies: ["LipTwitchProtocol"]),
        // Pure core: streaming readers of recorded files (CSV, EDF/EDF+) into samples in µV or g.
        .target(name: "LipTwitchRecordings"),
        // Pure core: ordered JSON-lines writing shared by every machine-readable output.
        .target(name: "JSONLines"),
        // Pure core: which serial ports are sensors (acceptance policy, hotplug tracking).
        .target(name: "LipTwitchDiscovery", dependencies: ["LipTwitchDrivers"]),
        // C: libudev, the one C library the product links (device discovery and hotplug).
        .systemLibrary(name: "CUdev", pkgConfig: "libudev", providers: [.apt(["libudev-dev"])]),
        // C, tests only: umockdev's fake devices and uevents (LipTwitchUdevTests, under umockdev-wrapper).
        .systemLibrary(name: "CUmockdev", pkgConfig: "umockdev-1.0", providers: [.apt(["libumockdev-dev"])]),
        // Pure core: the journal's records, their JSON lines (both ways), local time, tolerant reading.
        .target(
            name: "LipTwitchJournal",
            dependencies: ["JSONLines", .product(name: "DequeModule", package: "swift-collections")]
        ),
        // Pure core: the capture file format (a header, then timed port activity), both ways.
        .target(name: "LipTwitchCapture", dependencies: ["LipTwitchProtocol", "LipTwitchLink", "LipTwitchJournal"]),
        // Pure core: the report (per day, per hour, trend, triggers, red flags) in one streaming pass,
        // its statistics, and its renderings (terminal, HTML, CSV, FHIR).
        .target(
            name: "LipTwitchInsights",
            dependencies: ["LipTwitchJournal", "JSONLines", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Pure core: seeded synthetic journals with planted patterns (tests, benchmark, scripts/check-report).
        .target(
            name: "JournalSynthesis",
            dependencies: ["LipTwitchJournal", "LipTwitchSignals", .product(name: "RealModule", package: "swift-numerics")]
        ),
        // Pure core: the calibration profile as JSON text, both ways (the file is the runtime's).
        .target(name: "LipTwitchProfile", dependencies: ["JSONLines", "LipTwitchDetector"]),
        // Pure core: the live stream's lines, clients' filters, and the watch console (docs/LIVE.md).
        .target(name: "LipTwitchLive", dependencies: ["JSONLines", "LipTwitchJournal"]),
        // System layer: the one place that calls libc and libudev.
        .target(
            name: "LipTwitchSystem",
            dependencies: ["CUdev", "CLinuxShims", .product(name: "SystemPackage", package: "swift-system")]
        ),
        // System layer, C part: the Linux calls Swift's Glibc module cannot see (serial_struct, _GNU_SOURCE).
        .target(name: "CLinuxShims"),
        // Runtime: feeds the cores from the system layer and performs their outputs.
        .target(
            name: "LipTwitchRuntime",
            dependencies: [
                "LipTwitchProtocol", "LipTwitchLink", "LipTwitchSimulator", "LipTwitchDiscovery", "LipTwitchSystem",
                "JSONLines", "LipTwitchRecordings", "LipTwitchJournal", "LipTwitchCapture",
                "LipTwitchDetector", "LipTwitchSignals", "LipTwitchInsights", "LipTwitchLive", "LipTwitchProfile",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // CLI: parses arguments, nothing else.
        .executableTarget(
            name: "liptwitch",
            dependencies: [
                "LipTwitchRuntime",
                "LipTwitchLink",
                "LipTwitchDrivers",
                "LipTwitchDiscovery",
                "LipTwitchSignals",
                "LipTwitchLive",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "LipTwitchProtocolTests", dependencies: ["LipTwitchProtocol"]),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines"]),
        // Tests only: writes the journal as fast as it can, for the crash, concurrency and full-disk tests.
        .executableTarget(
            name: "journal-hammer",
            dependencies: [
                "LipTwitchRuntime", "LipTwitchJournal", "LipTwitchSimulator", "LipTwitchSystem", "LipTwitchSignals", "TestSupport",
            ],
            path: "Tests/Helpers/journal-hammer"
        ),
        .testTarget(name: "LipTwitchSignalsTests", dependencies: ["LipTwitchSignals"]),
        .testTarget(name: "LipTwitchDetectorTests", dependencies: ["LipTwitchDetector", "LipTwitchSignals"]),
        .testTarget(name: "LipTwitchLinkTests", dependencies: ["LipTwitchLink", "LipTwitchSimulator", "LipTwitchSignals"]),
        .testTarget(name: "LipTwitchDriversTests", dependencies: ["LipTwitchDrivers", "LipTwitchSimulator", "LipTwitchSignals"]),
        // Test support shared by the test targets: temporary directories, waiting on events, link outputs,
        // synthetic journals.
        .target(
            name: "TestSupport",
            dependencies: [
                "LipTwitchSystem", "LipTwitchRuntime", "LipTwitchLink", "LipTwitchProtocol", "JournalSynthesis", "LipTwitchJournal",
            ],
            path: "Tests/TestSupport"),
        .testTarget(name: "LipTwitchSystemTests", dependencies: ["LipTwitchSystem", "TestSupport"]),
        .testTarget(
            name: "LipTwitchRuntimeTests",
            dependencies: [
                "LipTwitchRuntime", "LipTwitchDiscovery", "LipTwitchSignals", "TestSupport", "LipTwitchLive", "LipTwitchProfile",
                "LipTwitchDrivers",
                .product(name: "Logging", package: "swift-log"),
            ]),
        .testTarget(name: "LipTwitchSimulatorTests", dependencies: ["LipTwitchSimulator", "LipTwitchSignals", "LipTwitchDetector"]),
        .testTarget(name: "LipTwitchDiscoveryTests", dependencies: ["LipTwitchDiscovery", "LipTwitchDrivers"]),
        .testTarget(
            name: "LipTwitchUdevTests",
            dependencies: [
                "CUmockdev", "LipTwitchRuntime", "LipTwitchDiscovery", "liptwitch", "LipTwitchLink", "LipTwitchSimulator",
                "LipTwitchSystem", "TestSupport",
            ]
        ),
        .testTarget(
            name: "LipTwitchRecordingsTests", dependencies: ["LipTwitchRecordings", "LipTwitchRuntime", "LipTwitchSimulator", "LipTwitchSignals"]),
        .testTarget(name: "LipTwitchJournalTests", dependencies: ["LipTwitchJournal", "LipTwitchSimulator", "LipTwitchSignals"]),
        .testTarget(name: "LipTwitchCaptureTests", dependencies: ["LipTwitchCapture", "LipTwitchSimulator", "LipTwitchSignals"]),
        .testTarget(
            name: "JournalStoreTests",
            dependencies: ["LipTwitchRuntime", "LipTwitchJournal", "LipTwitchSystem", "LipTwitchSimulator", "LipTwitchSignals", "TestSupport"]),
        .testTarget(name: "LipTwitchProfileTests", dependencies: ["LipTwitchProfile", "LipTwitchDetector"]),
        .testTarget(name: "LipTwitchLiveTests", dependencies: ["LipTwitchLive", "LipTwitchJournal"]),
        .testTarget(
            name: "LiptwitchCLITests",
            dependencies: [
                "liptwitch", "journal-hammer", "TestSupport", "JournalSynthesis", "LipTwitchJournal", "LipTwitchRuntime",
                "LipTwitchSimulator", "LipTwitchSystem", "LipTwitchSignals",
            ]
        ),
        .testTarget(
            name: "LipTwitchInsightsTests",
            dependencies: ["LipTwitchInsights", "JournalSynthesis", "LipTwitchJournal", "LipTwitchRuntime", "TestSupport"]
        ),
    ]
)
