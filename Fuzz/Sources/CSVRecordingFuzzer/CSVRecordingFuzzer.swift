import FuzzSupport
import LipTwitchRecordings

/// libFuzzer's entry point: the input is a CSV recording (docs/RECORDINGS.md) anyone could
/// hand `liptwitch analyze` or `calibrate`. An odd first byte reads it at a given rate
/// (`--rate`), an even one at the rate its time column gives.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    let rate: Double? = (bytes.first ?? 0) % 2 == 1 ? 2000 : nil
    var decoder = CSVRecordingDecoder(sampleRateHz: rate)
    RecordingDecoderCheck.run(&decoder, on: bytes)
    return 0
}
