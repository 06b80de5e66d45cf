import JSONLines
import LipTwitchProtocol

/// What a decoded dump held and what was wrong with it: the last line `decode` prints.
public struct DumpSummary: Sendable {
    public let counters: DecoderCounters
    public let messages: MessageTally
    /// Bytes after the last delimiter: a frame the dump cut off.
    public let partialBytes: Int

    /// The summary as a `{"class":"summary",...}` JSON line.
    public var jsonLine: String {
        var object = JSONObject(class: "summary")
        object.add("bytes", counters.bytesReceived)
        object.add("frames", counters.framesDecoded)
        var messageCounts = JSONObject()
        for (key, count) in messages.fields { messageCounts.add(key, count) }
        object.add("messages", messageCounts)
        object.add("samples_per_channel", messages.samplesPerChannel)
        for (key, count) in problemFields { object.add(key, count) }
        object.add("unterminated_bytes", partialBytes)
        return object.serialized
    }

    /// One sentence for a person: totals, then only the problems that occurred.
    public var sentence: String {
        var text = "\(counters.bytesReceived) bytes, \(counters.framesDecoded) frames"
        let kinds = messages.fields.filter { $0.1 > 0 }.map { "\($0.1) \($0.0)" }
        if !kinds.isEmpty { text += " (" + kinds.joined(separator: ", ") + ")" }
        let problems = problemFields.filter { $0.1 > 0 }.map { "\($0.0.replacingUnderscores) \($0.1)" }
        text += problems.isEmpty ? "; no errors" : "; " + problems.joined(separator: ", ")
        if partialBytes > 0 { text += "; \(partialBytes) bytes of an unfinished frame at the end" }
        return text
    }

    private var problemFields: [(String, Int)] {
        [("bytes_discarded", counters.bytesDiscarded), ("crc_failures", counters.crcFailures),
         ("invalid_encodings", counters.invalidEncodings), ("runts", counters.runts),
         ("oversize_frames", counters.oversizeFrames), ("unsupported_versions", counters.unsupportedVersions),
         ("unknown_types", counters.unknownMessageTypes), ("malformed_payloads", counters.malformedPayloads),
         ("resyncs", counters.resyncs), ("sequence_gaps", counters.sequenceGaps),
         ("lost_frames", counters.lostFrames), ("sequence_resets", counters.sequenceResets)]
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
