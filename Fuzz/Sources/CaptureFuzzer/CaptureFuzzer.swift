import FuzzSupport
import LipTwitchCapture

/// libFuzzer's entry point: the input is a capture file (docs/CAPTURE.md) as a crash, a full
/// disk or anyone could leave it. It goes through `CaptureDecoder` in chunks the input
/// chooses, then `finish()`: never a crash, the header first and once, times that never go
/// back, nothing after the end record but counted bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    var decoder = CaptureDecoder()
    var headers = 0
    var ended = false
    do throws(CaptureError) {
        for chunk in FuzzChunks(bytes) {
            var input = chunk
            while let event = try decoder.decode(&input) {
                precondition(!ended, "an event after the end record")
                if case .header = event { headers += 1 } else { precondition(headers == 1, "an event before the header") }
                if case .end = event { ended = true }
                keep(event)
            }
            precondition(input.isEmpty, "the decoder returned nil before consuming its input")
        }
        precondition(headers <= 1, "more than one header")
        keep(try decoder.finish())
    } catch {
        keep(error)
    }
    keep((decoder.recordCount, decoder.skippedRecords, decoder.bytesAfterEnd))
    return 0
}
