import CLinuxShims
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A wake-up call across threads (an `eventfd`): one thread polls `descriptor` among its
/// others, any thread calls `notify()` to wake it. Notifications before the wake-up
/// coalesce into one.
public final class EventNotifier: Sendable {
    /// The descriptor to poll for readability.
    public let descriptor: Int32

    public init() throws(SystemError) {
        let result = lt_eventfd()
        guard result >= 0 else { throw SystemError("create an event descriptor", .init(rawValue: -result)) }
        descriptor = result
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// Wakes the thread polling `descriptor`.
    public func notify() {
        var one: UInt64 = 1
        _ = withUnsafeBytes(of: &one) { Glibc.write(descriptor, $0.baseAddress, 8) }
    }

    /// Clears pending notifications; call it after a wake-up, before looking for work.
    public func drain() {
        var count: UInt64 = 0
        _ = withUnsafeMutableBytes(of: &count) { Glibc.read(descriptor, $0.baseAddress, 8) }
    }
}
