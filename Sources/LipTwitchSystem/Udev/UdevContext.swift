import CUdev

/// A libudev handle: lists devices now, and is what a `UdevMonitor` listens through.
///
/// libudev is not thread-safe, so neither is this class (it is not `Sendable`): create
/// it, its monitor and its enumerations on one thread or actor, or hand it over whole
/// (`sending`). What it returns (`UdevDevice`) is plain data that goes anywhere.
public final class UdevContext {
    let handle: OpaquePointer

    public init() throws(SystemError) {
        guard let handle = udev_new() else { throw UdevStatus.failure("start libudev") }
        self.handle = handle
    }

    deinit {
        udev_unref(handle)
    }

    /// Every device of `subsystem` (e.g. `tty`) that sysfs lists now. A device that goes
    /// away while it is being read is left out.
    public func devices(subsystem: String) throws(SystemError) -> [UdevDevice] {
        let operation = "list the \(subsystem) devices through libudev"
        guard let enumeration = udev_enumerate_new(handle) else { throw UdevStatus.failure(operation) }
        defer { udev_enumerate_unref(enumeration) }
        try UdevStatus.check(udev_enumerate_add_match_subsystem(enumeration, subsystem), operation)
        try UdevStatus.check(udev_enumerate_scan_devices(enumeration), operation)
        return UdevListEntries.read(udev_enumerate_get_list_entry(enumeration)).compactMap { entry in
            guard let device = udev_device_new_from_syspath(handle, entry.name) else { return nil }
            defer { udev_device_unref(device) }
            return UdevDevice(device)
        }
    }
}
