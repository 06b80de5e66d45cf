import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

extension Errno {
    /// The error of the last failed libc call on this thread (`errno`).
    static var latest: Errno { Errno(rawValue: errno) }
}
