import Foundation
import LipTwitchProtocol
import Testing

/// One block of `Firmware-Protocol/vectors/vectors.txt`: a wire frame and what it decodes
/// to, or why it must be rejected.
struct TestVector: Sendable, CustomTestStringConvertible {
    enum Direction: String, Sendable {
        case deviceToHost = "device-to-host"
        case hostToDevice = "host-to-device"
    }

    enum Expectation: Sendable, Equatable {
        /// The canonical text of the message the frame holds.
        case message(String)
        /// The README's reason word: crc, encoding, runt, oversize, unsupported-version,
        /// unknown-type, malformed.
        case invalid(String)
    }

    let name: String
    let direction: Direction
    let expectation: Expectation
    /// The wire bytes, delimiter included.
    let frame: [UInt8]

    var testDescription: String { name }
}

extension TestVector {
    /// The repository root, found from this file's place in it:
    /// `<root>/Tests/LipTwitchProtocolTests/Support/TestVector.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let fileURL = repositoryRoot.appendingPathComponent("Firmware-Protocol/vectors/vectors.txt")

    /// Every vector of the file, or the reason the file could not be read.
    static let loaded: Result<[TestVector], CanonicalTextError> = Result {
        () throws(CanonicalTextError) -> [TestVector] in
        guard let text = try? String(contentsOf: fileURL, encoding: .utf8) else {
            throw CanonicalTextError(description: "cannot read \(fileURL.path)")
        }
        return try parse(text)
    }

    /// Every vector, or none when the file is unreadable (a test reports that).
    static var all: [TestVector] { (try? loaded.get()) ?? [] }

    static func all(_ direction: Direction) -> [TestVector] {
        all.filter { $0.direction == direction }
    }

    /// The vectors of the file's text.
    static func parse(_ text: String) throws(CanonicalTextError) -> [TestVector] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("#") }
        let blocks = lines.split(whereSeparator: { $0.isEmpty })
        var vectors: [TestVector] = []
        for block in blocks {
            var values: [Substring: Substring] = [:]
            var keys: [Substring] = []
            for line in block {
                guard let separator = line.firstRange(of: ": ") else {
                    throw CanonicalTextError(description: "not a key: value line: \(line)")
                }
                keys.append(line[..<separator.lowerBound])
                values[line[..<separator.lowerBound]] = line[separator.upperBound...]
            }
            let expectationKey: Substring = values["message"] != nil ? "message" : "invalid"
            guard keys == ["name", "direction", expectationKey, "frame"],
                  let name = values["name"], let directionText = values["direction"],
                  let direction = Direction(rawValue: String(directionText)),
                  let expectationText = values[expectationKey], let frameText = values["frame"],
                  let frame = Hex.parse(frameText)
            else { throw CanonicalTextError(description: "malformed vector block: \(block.joined(separator: " | "))") }
            let expectation: Expectation =
                expectationKey == "message" ? .message(String(expectationText)) : .invalid(String(expectationText))
            vectors.append(TestVector(name: String(name), direction: direction, expectation: expectation, frame: frame))
        }
        return vectors
    }
}
