// swift-tools-version: 6.0
import PackageDescription

// Layout: pure cores (no I/O, no clock) → one system layer (libc) → one runtime loop → the CLI.
// docs/ARCHITECTURE.md draws the picture; each target below says which layer it is.
let package = Package(
    name: "LipTwitch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "liptwitch", targets: ["liptwitch"]),
        .library(name: "LipTwitchProtocol", targets: ["LipTwitchProtocol"]),
        .library(name: "LipTwitchRuntime", targets: ["LipTwitchRuntime"]),
        .library(name: "LipTwitchJournal", targets: ["LipTwitchJournal"]),
        .library(name: "LipTwitchSimulator", targets: ["LipTwitchSimulator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        // Pure core: the wire protocol (COBS framing, CRC-32C, messages, stream decoder).
        .target(name: "LipTwitchProtocol"),
        // Pure core: a simulated sensor, the firmware side of the protocol with seeded signal and faults.
        .target(name: "LipTwitchSimulator", dependencies: ["LipTwitchProtocol"]),
        // Pure core: ordered JSON-lines writing shared by every machine-readable output.
        .target(name: "JSONLines"),
        // Pure core: the journal's records, their JSON lines (both ways), local time, tolerant reading.
        .target(
            name: "LipTwitchJournal",
            dependencies: ["JSONLines", .product(name: "DequeModule", package: "swift-collections")]
        ),
        // System layer: the one place that calls libc.
        .target(
            name: "LipTwitchSystem",
            dependencies: [.product(name: "SystemPackage", package: "swift-system")]
        ),
        // Runtime: feeds the cores from the system layer and performs their outputs.
        .target(
            name: "LipTwitchRuntime",
            dependencies: ["LipTwitchProtocol", "LipTwitchSimulator", "LipTwitchSystem", "JSONLines", "LipTwitchJournal"]
        ),
        // CLI: parses arguments, nothing else.
        .executableTarget(
            name: "liptwitch",
            dependencies: [
                "LipTwitchRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LipTwitchProtocolTests", dependencies: ["LipTwitchProtocol"]),
        .testTarget(name: "JSONLinesTests", dependencies: ["JSONLines"]),
        .testTarget(name: "LipTwitchJournalTests", dependencies: ["LipTwitchJournal", "LipTwitchSimulator"]),
        .testTarget(name: "JournalStoreTests", dependencies: ["LipTwitchRuntime", "LipTwitchJournal", "LipTwitchSystem", "LipTwitchSimulator"]),
        // Tests only: writes the journal as fast as it can, for the crash, concurrency and full-disk tests.
        .executableTarget(
            name: "journal-hammer",
            dependencies: ["LipTwitchRuntime", "LipTwitchJournal", "LipTwitchSimulator", "LipTwitchSystem"],
            path: "Tests/Helpers/journal-hammer"
        ),
        .testTarget(
            name: "LiptwitchCLITests",
            dependencies: ["liptwitch", "journal-hammer", "LipTwitchJournal", "LipTwitchRuntime", "LipTwitchSimulator"]
        ),
    ]
)
