import FuzzSupport
import LipTwitchProfile

/// libFuzzer's entry point: the input is a calibration profile file (or the profile text in
/// a capture's header). A profile that reads must read back unchanged from the text it
/// writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    do throws(ProfileJSONError) {
        let profile = try ProfileJSON.decode(text)
        let written = ProfileJSON.encode(profile, calibratedFrom: nil)
        let again = try ProfileJSON.decode(written)
        precondition(again == profile, "\(written) reads back as \(again), not \(profile)")
    } catch {
        keep(error.reason)
    }
    return 0
}
