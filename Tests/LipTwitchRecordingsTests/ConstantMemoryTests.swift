@testable import LipTwitchRecordings
import Testing

/// A long recording streams through in constant memory: the input is made on the fly, one
/// chunk at a time, and never held whole; what the decoder holds stops growing once the
/// first rows (used to estimate the sample rate) are past.
///
/// The check is on the decoder's own buffers, not on the process's resident memory, which
/// the suites running beside this one would disturb.
@Suite("Constant memory")
struct ConstantMemoryTests {
    /// Writes CSV rows of a 1 kHz, 2-channel recording into `chunk`, continuing at `row`:
    /// the time in milliseconds (`time_ms`), then two values that vary with the row.
    static func fill(_ chunk: inout [UInt8], from row: inout Int, until lastRow: Int) {
        chunk.removeAll(keepingCapacity: true)
        while chunk.count < 60_000, row < lastRow {
            appendDigits(of: row, to: &chunk)
            chunk.append(UInt8(ascii: ","))
            appendDigits(of: row % 1000, to: &chunk)
            chunk.append(contentsOf: [UInt8(ascii: "."), UInt8(ascii: "5"), UInt8(ascii: ","), UInt8(ascii: "-")])
            appendDigits(of: row % 77, to: &chunk)
            chunk.append(UInt8(ascii: "\n"))
            row += 1
        }
    }

    private static func appendDigits(of value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDigits(of: value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    @Test func aLongCSVStreamsInConstantMemory() throws {
        let rows = 300_000  // 300 s at 1 kHz, about 4 MB of CSV
        var decoder = CSVRecordingDecoder()
        var header = Array("time_ms,emg_uv,other_uv\n".utf8)[...]
        let nothingYet = try decoder.decode(&header)
        #expect(nothingYet == nil)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(64 * 1024)
        var row = 0
        var samples = 0
        var retainedAfterWarmUp: Int?
        var retainedPeak = 0
        while row < rows {
            Self.fill(&chunk, from: &row, until: rows)
            var input = chunk[...]
            while let event = try decoder.decode(&input) {
                if case .samples(let block) = event {
                    #expect(block.firstSampleIndex == samples)
                    samples += block.sampleCount
                }
            }
            if row > 10_000 {
                if retainedAfterWarmUp == nil { retainedAfterWarmUp = decoder.retainedCapacity }
                retainedPeak = max(retainedPeak, decoder.retainedCapacity)
            }
        }
        while let event = try decoder.finish() {
            if case .samples(let block) = event { samples += block.sampleCount }
        }
        #expect(samples == rows)
        let warmUp = try #require(retainedAfterWarmUp)
        // Flat, not equal: the buffer for a line cut between two chunks may still grow by a few
        // bytes when a longer cut line comes (8232 to 8248 was seen), and the allocator rounds
        // capacities its own way; a buffer that grew with the file would be megabytes here.
        #expect(retainedPeak - warmUp < 1024, "the decoder's buffers grew from \(warmUp) to \(retainedPeak) bytes")
        #expect(retainedPeak < 256 * 1024, "the decoder holds \(retainedPeak) bytes")
    }
}
