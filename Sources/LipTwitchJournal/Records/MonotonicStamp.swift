#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// When a record was made by the host's monotonic clock, which never jumps when the wall
/// clock is set: with the boot it counts from, it orders records of one boot even across
/// clock changes, and says which records belong to the same boot.
public struct MonotonicStamp: Sendable, Hashable {
    /// `/proc/sys/kernel/random/boot_id`.
    public var bootID: UUID
    /// `CLOCK_MONOTONIC`, nanoseconds since boot.
    public var nanoseconds: Int

    public init(bootID: UUID, nanoseconds: Int) {
        self.bootID = bootID
        self.nanoseconds = nanoseconds
    }
}
