import FuzzSupport
import LipTwitchJournal

/// libFuzzer's entry point: the input is a journal file as another program or a crash could
/// leave it. Each line goes through `JournalLineDecoder` in full and in summary; a record
/// must also read in summary, and must read back unchanged from the line it writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    var decoder = JournalLineDecoder()
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let text = UnsafeRawBufferPointer(rebasing: line)
        let full = decoder.decode(text)
        let summary = decoder.decode(text, detail: .summary)
        keep(summary)
        guard case .record(let record) = full else {
            keep(full)
            continue
        }
        guard case .record(let brief) = summary, brief.kind == record.kind else {
            preconditionFailure("a record that reads in full did not read in summary: \(summary)")
        }
        let written = record.jsonLine
        let again = decoder.decode(written)
        precondition(again == .record(record), "\(written) reads back as \(again), not \(record)")
    }
    return 0
}
