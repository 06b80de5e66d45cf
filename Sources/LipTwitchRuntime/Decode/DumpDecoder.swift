import LipTwitchProtocol
import LipTwitchSystem

/// Decodes a raw byte dump of what a sensor sent, as `liptwitch decode` does: the events
/// the filter lets through as JSON lines, then the summary.
///
/// Any input, however broken, yields a summary: bad bytes are counted, never fatal.
/// Only failing to read the input or to write the output is an error.
public struct DumpDecoder {
    /// Which events get a line of their own.
    public var filter: EventFilter

    public init(filter: EventFilter) {
        self.filter = filter
    }

    /// Reads `source` to its end, writing event lines to `output`, and returns the tally.
    public func run(_ source: inout ByteSource, output: BufferedOutput) throws -> DumpSummary {
        var decoder = DeviceStreamDecoder()
        var tally = MessageTally()
        var offset = 0
        while try source.readChunk({ chunk in
            var input = chunk
            while let event = decoder.decode(&input) {
                tally.count(event)
                if filter.admits(ProtocolEventJSON.className(of: event)) {
                    let end = offset + (chunk.count - input.count)
                    try output.write(line: ProtocolEventJSON.line(for: event, endOffset: end))
                }
            }
            offset += chunk.count
        }) {}
        let summary = DumpSummary(counters: decoder.counters, messages: tally, partialBytes: decoder.bufferedByteCount)
        try output.write(line: summary.jsonLine)
        try output.flush()
        return summary
    }
}
