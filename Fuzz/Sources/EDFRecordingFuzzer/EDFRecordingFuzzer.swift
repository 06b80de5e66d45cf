import FuzzSupport
import LipTwitchRecordings

/// libFuzzer's entry point: the input is an EDF or EDF+ recording anyone could hand
/// `liptwitch analyze` or `calibrate`, read in chunks the input chooses.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    var decoder = EDFRecordingDecoder()
    RecordingDecoderCheck.run(&decoder, on: bytes)
    keep(decoder.skippedSignals)
    return 0
}
