import FuzzSupport
import LipTwitchLive

/// libFuzzer's entry point: the input is what the live socket could carry to `liptwitch
/// watch`, a line at a time, through the console with a status line (its width chosen by the
/// first byte) and without one.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: start, count: count)
    var terminal = WatchConsole(statusWidth: Int(bytes.first ?? 0) % 120)
    var plain = WatchConsole(statusWidth: nil)
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let text = String(decoding: line, as: UTF8.self)
        keep(terminal.take(text))
        keep(plain.take(text))
    }
    keep(terminal.statusLine)
    return 0
}
