import LipTwitchRecordings
import LipTwitchSystem

/// Reads a recording file (CSV or EDF/EDF+, or `-` for standard input) from start to end
/// through the matching `RecordingDecoder`, in chunks, with constant memory, handing every
/// event to a closure and reporting progress to another.
///
/// ```swift
/// let reader = RecordingReader(path: "night.edf")
/// let summary = try reader.read(
///     events: { event in if case .samples(let block) = event { detector.feed(block) } },
///     progress: { progress in bar.update(progress.fraction) })
/// ```
///
/// The kind comes from the name (`.csv`, `.txt`, `.edf`) or else from the first bytes, so
/// standard input may hold either. Errors: `SystemError` (missing or unreadable file),
/// `RecordingFileError` (unknown kind, or broken content: after every event that came
/// before the break was handed out), or whatever the `events` closure throws.
public struct RecordingReader: Sendable {
    public let path: String
    /// Overrides a CSV file's time column (`--rate`); not used for EDF.
    public let sampleRateHz: Double?

    public init(path: String, sampleRateHz: Double? = nil) {
        self.path = path
        self.sampleRateHz = sampleRateHz
    }

    /// How the file is named in messages.
    public var displayName: String { path == "-" ? "standard input" : "'\(path)'" }

    public func read(
        events: (RecordingEvent) throws -> Void,
        progress: (RecordingProgress) -> Void = { _ in }
    ) throws -> RecordingReadSummary {
        var source = try ByteSource(path: path)
        let total = source.remainingByteCount()
        var head: [UInt8] = []
        var ended = false
        while head.count < RecordingFileKind.detectionByteCount, !ended {
            ended = try !source.readChunk { head += $0 }
        }
        guard let kind = RecordingFileKind.detect(fileName: path, firstBytes: head[...]) else {
            throw RecordingFileError.unknownKind(name: displayName)
        }
        var bytesRead = 0
        func feed<Decoder: RecordingDecoder>(_ decoder: inout Decoder) throws {
            func consume(_ chunk: ArraySlice<UInt8>) throws {
                var input = chunk
                while let event = try decoded({ () throws(RecordingError) in try decoder.decode(&input) }) {
                    try events(event)
                }
                bytesRead += chunk.count
                progress(RecordingProgress(bytesRead: bytesRead, totalBytes: total))
            }
            try consume(head[...])
            if !ended {
                while try source.readChunk(consume) {}
            }
            while let event = try decoded({ () throws(RecordingError) in try decoder.finish() }) {
                try events(event)
            }
        }
        switch kind {
        case .csv:
            var decoder = CSVRecordingDecoder(sampleRateHz: sampleRateHz)
            try feed(&decoder)
            return RecordingReadSummary(kind: kind, bytesRead: bytesRead, skippedSignals: [])
        case .edf:
            var decoder = EDFRecordingDecoder()
            try feed(&decoder)
            return RecordingReadSummary(kind: kind, bytesRead: bytesRead, skippedSignals: decoder.skippedSignals)
        }
    }

    /// Runs one decoder step, naming the file in the error it throws.
    private func decoded(_ step: () throws(RecordingError) -> RecordingEvent?) throws(RecordingFileError) -> RecordingEvent? {
        do {
            return try step()
        } catch {
            throw RecordingFileError.malformed(name: displayName, error)
        }
    }
}
