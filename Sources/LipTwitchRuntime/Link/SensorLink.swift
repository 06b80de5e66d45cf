import LipTwitchLink
import LipTwitchSystem

/// The link to one sensor, running: a thread of its own runs a poll loop over the serial
/// port, decodes every read once (`PortDecoder`), drives a `LinkCore` with it, and hands
/// everything to `consumer` in order (on that thread: a consumer that takes long holds the
/// link up): what happened at the port, what each read said, the link's events and the
/// running stream's timed batches.
///
/// ```swift
/// let link = try SensorLink { output in ... }
/// link.deliver(.appeared(SensorLocation(devicePath: "/dev/ttyACM0")))   // or discovery's events
/// ...
/// link.stop()   // STOP to the sensor, the port closed, the thread ended
/// ```
///
/// The `.port` outputs are everything that happened at the port, each with its host
/// monotonic time: opens, the raw bytes of every read, hang-ups and closes (a capture's
/// records); each read's `.decoded` output follows it. That is what `SensorPipeline` takes.
public final class SensorLink: Sendable {
    private let shared: Locked<Shared>
    private let notifier: EventNotifier
    private let thread: SystemThread

    /// What other threads hand the link's thread, and what it shows them.
    struct Shared: Sendable {
        var events: [DeviceEvent] = []
        var stopRequested = false
        var statistics = LinkStatistics()
    }

    /// Starts the link's thread; the link waits for a `deliver(.appeared(...))`.
    public init(
        configuration: LinkConfiguration = LinkConfiguration(), consumer: @escaping @Sendable (LinkOutput) -> Void
    ) throws {
        let notifier = try EventNotifier()
        let shared = Locked(Shared())
        let driver = LinkDriver(configuration: configuration, shared: shared, notifier: notifier, consumer: consumer)
        self.notifier = notifier
        self.shared = shared
        thread = try SystemThread(name: "sensor-link") { driver.run() }
    }

    deinit {
        stop()
    }

    /// Tells the link what discovery saw (or, for `--device PATH`, that the sensor is there).
    public func deliver(_ event: DeviceEvent) {
        shared.withLock { $0.events.append(event) }
        notifier.notify()
    }

    /// Tells the sensor to stop (waiting up to 200 ms for its ACK), closes the port and
    /// waits for the link's thread to end. Later calls return at once.
    public func stop() {
        shared.withLock { $0.stopRequested = true }
        notifier.notify()
        thread.join()
    }

    /// The link's phase and counts now.
    public var statistics: LinkStatistics {
        shared.withLock { $0.statistics }
    }
}
