#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// libudev's two ways of failing: a negative errno as the result, or NULL with `errno` set.
enum UdevStatus {
    /// Throws when `status` is a negative errno.
    static func check(_ status: Int32, _ operation: String) throws(SystemError) {
        if status < 0 { throw SystemError(operation, Errno(rawValue: -status)) }
    }

    /// The error behind a NULL result (out of memory when libudev left `errno` unset).
    static func failure(_ operation: String) -> SystemError {
        SystemError(operation, errno == 0 ? .noMemory : Errno(rawValue: errno))
    }
}
