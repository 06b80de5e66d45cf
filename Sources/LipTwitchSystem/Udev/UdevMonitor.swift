#if canImport(Glibc)
import Glibc
#endif
import CUdev
import SystemPackage

/// Hotplug events of one subsystem from the udev daemon, through a netlink socket.
///
/// The socket is non-blocking: put `fileDescriptor` in a poll loop and call `receive()`
/// when it is readable, or call `wait(timeoutMilliseconds:)`. Events arrive only after
/// udevd has run its rules, so they carry the rules' properties and tags. Without a udev
/// daemon the monitor binds but never fires. Like `UdevContext`, confine it to one thread.
public final class UdevMonitor {
    private let context: UdevContext
    private let monitor: OpaquePointer

    /// Starts listening to events of `subsystem` (e.g. `tty`).
    public init(context: UdevContext, subsystem: String) throws(SystemError) {
        let operation = "listen for udev events"
        guard let monitor = udev_monitor_new_from_netlink(context.handle, "udev") else {
            throw UdevStatus.failure(operation)
        }
        self.context = context
        self.monitor = monitor
        try UdevStatus.check(udev_monitor_filter_add_match_subsystem_devtype(monitor, subsystem, nil), operation)
        try UdevStatus.check(udev_monitor_enable_receiving(monitor), operation)
    }

    deinit {
        udev_monitor_unref(monitor)
    }

    /// The socket to poll for readability.
    public var fileDescriptor: Int32 { udev_monitor_get_fd(monitor) }

    /// Every event that has arrived, oldest first; empty when none is pending.
    public func receive() -> [UdevEvent] {
        var events: [UdevEvent] = []
        while let device = udev_monitor_receive_device(monitor) {
            defer { udev_device_unref(device) }
            guard let action = udev_device_get_action(device) else { continue }
            events.append(UdevEvent(action: String(cString: action), device: UdevDevice(device)))
        }
        return events
    }

    /// Waits until an event is pending or `timeoutMilliseconds` pass (-1: no limit);
    /// returns true when one is pending.
    public func wait(timeoutMilliseconds: Int32) throws(SystemError) -> Bool {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&descriptor, 1, timeoutMilliseconds)
            if ready >= 0 { return ready > 0 }
            if errno != EINTR { throw SystemError("wait for udev events", Errno(rawValue: errno)) }
        }
    }
}
