import Foundation
import LipTwitchRecordings

/// EDF and EDF+ files written by pyedflib (a third-party EDF library) through
/// `Tests/Fixtures/write_edf.py`, run once per test process with the Python of the tests'
/// virtual environment (`scripts/python-env` makes it), each with the CSV of the same
/// samples and the truth the script wrote.
struct EDFFixtures: Sendable {
    /// One recording the script wrote.
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let edf: [UInt8]
        let csv: [UInt8]
        let truth: Truth
        var description: String { name }
    }

    /// What the script says it wrote (`NAME.json`).
    struct Truth: Decodable, Sendable {
        struct Channel: Decodable, Sendable {
            let label: String
            /// `emg`, or the acceleration axis `x`, `y`, `z`.
            let quantity: String
            let unit: String
            /// One quantization step in `unit`.
            let step: Double
        }

        struct Annotation: Decodable, Sendable {
            let onsetSeconds: Double
            let durationSeconds: Double?
            let text: String
        }

        let sampleRateHz: Double
        let sampleCount: Int
        let channels: [Channel]
        let startTime: [Int]
        let annotations: [Annotation]
    }

    static let names = ["emg_accel_plus", "plain_mv_ms2", "short_records", "with_temperature"]

    let cases: [String: Case]

    subscript(name: String) -> Case {
        get throws {
            guard let found = cases[name] else { throw Failure("write_edf.py wrote no case \(name)") }
            return found
        }
    }

    /// The files, written once; a missing virtual environment is a failure, not a skip.
    static func load() throws -> EDFFixtures {
        try shared.get()
    }

    private static let shared: Result<EDFFixtures, Failure> = Result { () throws(Failure) in try generate() }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs `Tests/Fixtures/SCRIPT` with the virtual environment's Python and returns what
    /// it printed; a missing environment or a failed run is a `Failure` saying what to do.
    static func runPython(script: String, _ arguments: [String]) throws(Failure) -> String {
        let python = repositoryRoot.appendingPathComponent(".build-venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure("the tests' Python environment is missing (\(python.path)): run scripts/python-env, then the tests again")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [repositoryRoot.appendingPathComponent("Tests/Fixtures/\(script)").path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure("cannot run \(python.path): \(error)")
        }
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure("\(script) failed (run scripts/python-env if pyedflib is missing): \(String(decoding: message, as: UTF8.self))")
        }
        return String(decoding: printed, as: UTF8.self)
    }

    /// A fresh temporary directory for `body`, removed afterwards.
    static func inTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("liptwitch-recordings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    private static func generate() throws(Failure) -> EDFFixtures {
        do {
            return try inTemporaryDirectory { directory in
                _ = try runPython(script: "write_edf.py", [directory.path])
                var cases: [String: Case] = [:]
                for name in names {
                    func bytes(_ suffix: String) throws -> [UInt8] {
                        Array(try Data(contentsOf: directory.appendingPathComponent(name + suffix)))
                    }
                    let truth = try JSONDecoder().decode(Truth.self, from: Data(try bytes(".json")))
                    cases[name] = Case(name: name, edf: try bytes(".edf"), csv: try bytes(".csv"), truth: truth)
                }
                return EDFFixtures(cases: cases)
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("cannot write the EDF fixtures: \(error)")
        }
    }
}

/// Overwrites fields of an EDF header, as a broken writer would have written them.
struct EDFHeaderPatch {
    var bytes: [UInt8]

    /// Widths of the per-signal fields, in header order.
    static let signalFieldWidths: [String: (order: Int, width: Int)] = [
        "label": (0, 16), "transducer": (1, 80), "dimension": (2, 8), "physicalMinimum": (3, 8),
        "physicalMaximum": (4, 8), "digitalMinimum": (5, 8), "digitalMaximum": (6, 8), "prefilter": (7, 80),
        "samplesPerRecord": (8, 8), "reserved": (9, 32),
    ]
    static let widthsInOrder = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32]

    var signalCount: Int { Int(String(decoding: bytes[252..<256], as: UTF8.self).trimmingCharacters(in: .whitespaces))! }

    /// Sets the fixed-header field at `offset` (width `width`) to `text`, space padded.
    mutating func set(offset: Int, width: Int, _ text: String) {
        let padded = Array(text.utf8) + [UInt8](repeating: 0x20, count: max(0, width - text.utf8.count))
        bytes.replaceSubrange(offset..<(offset + width), with: padded.prefix(width))
    }

    /// Sets per-signal field `name` of signal `signal` (from 0) to `text`.
    mutating func set(signal: Int, _ name: String, _ text: String) {
        let field = Self.signalFieldWidths[name]!
        let before = Self.widthsInOrder[..<field.order].reduce(0, +) * signalCount
        set(offset: 256 + before + signal * field.width, width: field.width, text)
    }
}
