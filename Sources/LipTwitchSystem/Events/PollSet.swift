import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A set of descriptors to wait on with `poll(2)`, reused from one wait to the next so that
/// a loop allocates nothing.
///
/// ```swift
/// poll.removeAll()
/// let port = poll.add(fd)
/// try poll.wait(timeoutNanoseconds: 500_000_000)
/// if poll.events(at: port).contains(.readable) { ... }
/// ```
public struct PollSet: Sendable {
    /// What `poll` reported for one descriptor.
    public struct Events: OptionSet, Sendable {
        public let rawValue: Int16
        public init(rawValue: Int16) { self.rawValue = rawValue }

        public static let readable = Events(rawValue: Int16(POLLIN))
        public static let writable = Events(rawValue: Int16(POLLOUT))
        /// The other end hung up (a pty master closed, a USB device unplugged).
        public static let hangUp = Events(rawValue: Int16(POLLHUP))
        public static let error = Events(rawValue: Int16(POLLERR))
        /// The descriptor is not open.
        public static let invalid = Events(rawValue: Int16(POLLNVAL))
    }

    private var descriptors: [pollfd] = []

    public init() {}

    public mutating func removeAll() {
        descriptors.removeAll(keepingCapacity: true)
    }

    /// Adds `descriptor`, waiting for it to become readable (and writable, if asked); returns
    /// its index for `events(at:)`.
    @discardableResult
    public mutating func add(_ descriptor: Int32, writable: Bool = false) -> Int {
        let events = Int16(POLLIN) | (writable ? Int16(POLLOUT) : 0)
        descriptors.append(pollfd(fd: descriptor, events: events, revents: 0))
        return descriptors.count - 1
    }

    /// What happened to the descriptor at `index` in the last wait.
    public func events(at index: Int) -> Events {
        Events(rawValue: descriptors[index].revents)
    }

    /// Waits until a descriptor is ready or the timeout passes (nil: no timeout); returns
    /// how many are ready. A signal that interrupts the wait is retried with the time left.
    /// The timeout is rounded up to whole milliseconds, so a wait never ends early.
    @discardableResult
    public mutating func wait(timeoutNanoseconds: Int64?) throws(SystemError) -> Int {
        let deadline = timeoutNanoseconds.map { MonotonicClock.nanoseconds() + max(0, $0) }
        while true {
            var milliseconds: Int32 = -1
            if let deadline {
                let left = max(0, deadline - MonotonicClock.nanoseconds())
                milliseconds = Int32(min(Int64(Int32.max), (left + 999_999) / 1_000_000))
            }
            let ready = descriptors.withUnsafeMutableBufferPointer {
                poll($0.baseAddress, nfds_t($0.count), milliseconds)
            }
            if ready >= 0 { return Int(ready) }
            guard errno == EINTR else { throw SystemError("wait for input", .init(rawValue: errno)) }
        }
    }
}
