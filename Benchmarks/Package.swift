// swift-tools-version: 6.1
import PackageDescription

// Benchmarks, kept out of the main package so that building and testing LipTwitch does not
// build the benchmark framework. Run them with `scripts/bench`; results go to BENCHMARKS.md.
// ordo-one/benchmark measures wall time, CPU time and, through its malloc interposer,
// allocations per iteration: the numbers a streaming decoder is judged by.
let package = Package(
    name: "LipTwitchBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "LipTwitch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ProtocolDecoding",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LipTwitchProtocol", package: "LipTwitch"),
            ],
            path: "Benchmarks/ProtocolDecoding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The serial link's soak run (scripts/soak): unplug/replug cycles through real ptys,
        // open descriptors and threads counted before and after.
        .executableTarget(
            name: "LinkSoak",
            dependencies: [
                .product(name: "LipTwitchRuntime", package: "LipTwitch"),
                .product(name: "LipTwitchLink", package: "LipTwitch"),
                .product(name: "LipTwitchSimulator", package: "LipTwitch"),
                .product(name: "LipTwitchSystem", package: "LipTwitch"),
            ],
            path: "Benchmarks/LinkSoak"
        ),
        // A seeded synthetic journal on disk (JournalSynthesis), for the journal and report
        // benchmarks (scripts/bench) and scripts/check-report.
        .executableTarget(
            name: "SyntheticJournalWriter",
            dependencies: [
                .product(name: "JournalSynthesis", package: "LipTwitch"),
                .product(name: "LipTwitchJournal", package: "LipTwitch"),
            ],
            path: "Benchmarks/SyntheticJournalWriter"
        ),
        // The twitch detector: samples per second on one core, and allocations in steady state.
        .executableTarget(
            name: "Detector",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LipTwitchDetector", package: "LipTwitch"),
                .product(name: "LipTwitchSignals", package: "LipTwitch"),
            ],
            path: "Benchmarks/Detector",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "JournalDecoding",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "LipTwitchJournal", package: "LipTwitch"),
                .product(name: "JournalSynthesis", package: "LipTwitch"),
            ],
            path: "Benchmarks/JournalDecoding",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
