#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ArraySlice where Element == UInt8 {
    /// The index of the first `0x00` (the frame delimiter), found with `memchr`, which
    /// looks at many bytes a step; nil when there is none.
    func firstIndexOfZero() -> Index? {
        withUnsafeBufferPointer { bytes -> Index? in
            guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
            return startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }
}
