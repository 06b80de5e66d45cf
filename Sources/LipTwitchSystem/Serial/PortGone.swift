#if canImport(Glibc)
import Glibc
#endif

/// The serial port stopped working: the device was unplugged (EIO, ENODEV), the other end
/// of a pty closed (end of file, POLLHUP), or a write could not get through. `detail`
/// says which, in words.
public struct PortGone: Error, Sendable, Equatable, CustomStringConvertible {
    public var detail: String

    public init(_ detail: String) {
        self.detail = detail
    }

    /// An error number in words, with its symbolic name where it is one a vanishing
    /// device gives: `input/output error (EIO)`.
    init(errno number: Int32) {
        let names: [Int32: String] = [EIO: "EIO", ENODEV: "ENODEV", ENXIO: "ENXIO", EPIPE: "EPIPE", EBADF: "EBADF"]
        let words = String(cString: strerror(number)).lowercased()
        detail = names[number].map { "\(words) (\($0))" } ?? words
    }

    public var description: String { detail }
}
