// swift-tools-version: 6.0
import PackageDescription

/// Signal processing is a hundred times slower unoptimized; the tests push minutes of
/// generated signal through the detector, so these two modules are optimized in debug too.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

// Layout: pure cores (no I/O, no clock) → one system layer (libc) → one runtime loop → the CLI.
// docs/ARCHITECTURE.md draws the picture; each target below says which layer it is.
let package = Package(
    name: "LipTwitch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liptwitch", targets: ["liptwitch"]),
        .library(name: "LipTwitchProtocol", targets: ["LipTwitchProtocol"]),
        .library(name: "LipTwitchRuntime", targets: ["LipTwitchRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
    ],
    targets: [
        // Pure core: the wire protocol (COBS framing, CRC-32C, messages, stream decoder).
        .target(name: "LipTwitchProtocol"),
        // Pure core: a simulated sensor, the firmware side of the protocol with seeded signal and faults.
        .target(name: "LipTwitchSimulator", dependencies: ["LipTwitchProtocol"]),
        // Pure core: the streaming twitch detector (filters, envelope, bursts, episodes).
        // Optimized even in debug builds: the tests run minutes of signal through it.
        .target(name: "LipTwitchDetector", swiftSettings: optimizedInDebug),
        // Pure core: the seeded, labelled scenario generator (signals with ground truth).
        .target(name: "LipTwitchSignals", dependencies: ["LipTwitchDetector"], swiftSettings: optimizedInDebug),
        // Pure core: ordered JSON-lines writing shared by every machine-readable output.
        .target(name: "JSONLines"),
        // System layer: the one place that calls libc.
        .target(
            name: "LipTwitchSystem",
            dependencies: [.product(name: "SystemPackage", package: "swift-system")]
        ),
        // Runtime: feeds the cores from the system layer and performs their outputs.
        .target(
            name: "LipTwitchRuntime",
            dependencies: [
                "LipTwitchProtocol", "LipTwitchSimulator", "LipTwitchSystem", "JSONLines", "LipTwitchDetector",
                "LipTwitchSignals",
            ]
        ),
        // CLI: parses arguments, nothing else.
        .executableTarget(
            name: "liptwitch",
            dependencies: [
                "LipTwitchRuntime",
                "LipTwitchSignals",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LipTwitchProtocolTests", dependencies: ["LipTwitchProtocol"]),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines"]),
        .testTarget(name: "LipTwitchSignalsTests", dependencies: ["LipTwitchSignals"]),
        .testTarget(name: "LipTwitchDetectorTests", dependencies: ["LipTwitchDetector", "LipTwitchSignals"]),
        .testTarget(
            name: "LiptwitchCLITests",
            dependencies: ["liptwitch"]
        ),
    ]
)
