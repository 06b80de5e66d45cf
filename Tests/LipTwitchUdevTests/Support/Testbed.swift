import CUmockdev
import Foundation

/// A umockdev test bed: fake sysfs devices, uevents and pty-backed device nodes that
/// libudev in this process (and in child processes) sees instead of the real ones.
///
/// Works only when umockdev's preload library is loaded (`umockdev-wrapper swift test`,
/// as `scripts/test` runs it). The test bed is process-global (`UMOCKDEV_DIR`), so the
/// suites that use it are serialized.
final class Testbed {
    /// True under `umockdev-wrapper` (its preload library is in `LD_PRELOAD`); plain
    /// `swift test` skips the umockdev suites. (`umockdev_in_mock_environment()` answers
    /// true only once a test bed exists, too late for a test trait.)
    static let isAvailable = ProcessInfo.processInfo.environment["LD_PRELOAD"]?.contains("libumockdev-preload") == true

    private let testbed: UnsafeMutablePointer<UMockdevTestbed>

    init() {
        testbed = umockdev_testbed_new()
    }

    deinit {
        g_object_unref(testbed)
    }

    /// Adds the devices of a `.umockdev` description (which sends their `add` uevents).
    func add(_ description: String) throws {
        var error: UnsafeMutablePointer<GError>?
        if umockdev_testbed_add_from_string(testbed, description, &error) == 0 {
            defer { g_error_free(error) }
            throw TestbedError(message: error.map { String(cString: $0.pointee.message) } ?? "unknown error")
        }
    }

    /// Unplugs the device at `sysPath` (`/sys/devices/...`): a `remove` uevent, then its
    /// sysfs directory and everything below it go.
    func unplug(_ sysPath: String) {
        umockdev_testbed_uevent(testbed, sysPath, "remove")
        umockdev_testbed_remove_device(testbed, sysPath)
    }

    /// The device side of the pty behind a fake node such as `/dev/ttyACM0`.
    func deviceSide(of node: String) -> Int32 {
        umockdev_testbed_get_dev_fd(testbed, node)
    }

    /// True when a program wrote to the fake node `node` and its device side has not read
    /// it: bytes are waiting on the master (which the test bed keeps, so this holds after
    /// the writer closed the node too).
    func hasBytesWaiting(at node: String) -> Bool {
        var ready = pollfd(fd: deviceSide(of: node), events: Int16(POLLIN), revents: 0)
        return poll(&ready, 1, 0) == 1 && ready.revents & Int16(POLLIN) != 0
    }
}

/// umockdev refused a device description.
struct TestbedError: Error, CustomStringConvertible {
    let message: String
    var description: String { "umockdev: \(message)" }
}
