import Foundation
import LipTwitchRecordings
import Testing

/// A long recording streams through with memory staying flat: the input is made on the
/// fly, one 64 KiB chunk at a time, and never held whole.
@Suite("Constant memory")
struct ConstantMemoryTests {
    /// The process's resident memory now, in bytes (Linux `/proc/self/statm`).
    static func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8).split(separator: " ")
        return Int(statm[1])! * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

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
        let rows = 1_000_000  // 1000 s at 1 kHz, about 14 MB of CSV: debug builds parse it in seconds
        var decoder = CSVRecordingDecoder()
        var header = Array("time_ms,emg_uv,other_uv\n".utf8)[...]
        let nothingYet = try decoder.decode(&header)
        #expect(nothingYet == nil)
        var chunk: [UInt8] = []
        chunk.reserveCapacity(64 * 1024)
        var row = 0
        var samples = 0
        var bytes = 0
        var baseline = 0
        var peak = 0
        while row < rows {
            Self.fill(&chunk, from: &row, until: rows)
            bytes += chunk.count
            var input = chunk[...]
            while let event = try decoder.decode(&input) {
                if case .samples(let block) = event {
                    #expect(block.firstSampleIndex == samples)
                    samples += block.sampleCount
                }
            }
            if row > 100_000 {
                if baseline == 0 { baseline = try Self.residentBytes() }
                peak = max(peak, try Self.residentBytes())
            }
        }
        while let event = try decoder.finish() {
            if case .samples(let block) = event { samples += block.sampleCount }
        }
        #expect(samples == rows)
        #expect(bytes > 13_000_000)
        // Other tests run beside this one; their allocations stay well below this bound,
        // and a decoder that kept its input (14 MB) or its samples (8 MB) would exceed it.
        #expect(peak - baseline < 6 << 20, "resident memory grew by \(peak - baseline) bytes while \(bytes) bytes streamed through")
    }
}
