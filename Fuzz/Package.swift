// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target for the protocol decoder. It is its own package because libFuzzer
// supplies `main`: built without `--sanitize=fuzzer` it would not link. Run it with
// `scripts/fuzz SECONDS` from the repository root.
let package = Package(
    name: "LipTwitchFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "LipTwitch", path: "..")],
    targets: [
        .executableTarget(
            name: "ProtocolFuzzer",
            dependencies: [.product(name: "LipTwitchProtocol", package: "LipTwitch")]
        )
    ]
)
