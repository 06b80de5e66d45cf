import LipTwitchSimulator
import LipTwitchSystem

/// A simulated sensor served on a pseudo-terminal in real time: what `liptwitch simulate`
/// runs and what the serial tests talk to. Its own thread answers commands as they come
/// and sends each batch when the device clock says it is complete.
///
/// ```swift
/// let sensor = try VirtualSensor(configuration: SimulatorConfiguration())
/// // open sensor.devicePath as a serial port ...
/// sensor.unplug()   // cut in the middle of the next frame
/// sensor.plugIn()   // a new pseudo-terminal
/// sensor.stop()
/// ```
public final class VirtualSensor: Sendable {
    private let shared: Locked<Shared>
    private let notifier: EventNotifier
    private let thread: SystemThread

    /// What other threads ask of the serving thread, and what it tells them.
    struct Shared: Sendable {
        var requests: [Request] = []
        var devicePath: String?
    }

    enum Request: Sendable {
        case unplug
        case plugIn
        case stop
    }

    /// Plugs the sensor in on a new pseudo-terminal and starts serving it. `events` is
    /// called on the serving thread; `groundTruth` receives every twitch.
    public convenience init(
        configuration: SimulatorConfiguration, options: VirtualSensorOptions = VirtualSensorOptions(),
        groundTruth: sending GroundTruthLog? = nil,
        events: @escaping @Sendable (VirtualSensorEvent) -> Void = { _ in }
    ) throws {
        try self.init(
            configuration: configuration, pseudoTerminal: PseudoTerminal(), options: options, groundTruth: groundTruth,
            events: events)
    }

    /// Plugs the sensor in on a pseudo-terminal made elsewhere and starts serving it:
    /// `master` is that pair's device side, such as umockdev's for a fake `/dev/ttyACM0`
    /// (`umockdev_testbed_get_dev_fd`). The sensor works on its own duplicate of `master`,
    /// which stays its maker's; `devicePath` is the pair's `/dev/pts` path, whatever name
    /// the maker gave it. `unplug()` and `stop()` close only the sensor's descriptors: the
    /// host sees no hang-up while the maker keeps the pair (umockdev removes the device with
    /// a udev `remove` event). A later `plugIn()` is on a new pseudo-terminal of its own.
    public convenience init(
        configuration: SimulatorConfiguration, master: Int32, options: VirtualSensorOptions = VirtualSensorOptions(),
        groundTruth: sending GroundTruthLog? = nil,
        events: @escaping @Sendable (VirtualSensorEvent) -> Void = { _ in }
    ) throws {
        try self.init(
            configuration: configuration, pseudoTerminal: PseudoTerminal(adoptingMaster: master), options: options,
            groundTruth: groundTruth, events: events)
    }

    /// Plugs a simulated board of another family (an OpenBCI Cyton, say) in on a new
    /// pseudo-terminal and starts serving it.
    public convenience init(
        device: some SimulatedDevice, options: VirtualSensorOptions = VirtualSensorOptions(),
        groundTruth: sending GroundTruthLog? = nil,
        events: @escaping @Sendable (VirtualSensorEvent) -> Void = { _ in }
    ) throws {
        try self.init(device: device, pseudoTerminal: PseudoTerminal(), options: options, groundTruth: groundTruth, events: events)
    }

    private convenience init(
        configuration: SimulatorConfiguration, pseudoTerminal: sending PseudoTerminal, options: VirtualSensorOptions,
        groundTruth: sending GroundTruthLog?, events: @escaping @Sendable (VirtualSensorEvent) -> Void
    ) throws {
        try self.init(
            device: SimulatedSensor(configuration: configuration), pseudoTerminal: pseudoTerminal, options: options,
            groundTruth: groundTruth, events: events)
    }

    private init(
        device: some SimulatedDevice, pseudoTerminal: sending PseudoTerminal, options: VirtualSensorOptions,
        groundTruth: sending GroundTruthLog?, events: @escaping @Sendable (VirtualSensorEvent) -> Void
    ) throws {
        let notifier = try EventNotifier()
        let shared = Locked(Shared())
        let server = try VirtualSensorServer(
            device: device, pseudoTerminal: pseudoTerminal, options: options, groundTruth: groundTruth,
            shared: shared, notifier: notifier, events: events)
        self.notifier = notifier
        self.shared = shared
        thread = try SystemThread(name: "virtual-sensor") { server.run() }
    }

    deinit {
        stop()
    }

    /// The serial port to open now (the symbolic link, if there is one); nil while
    /// unplugged.
    public var devicePath: String? {
        shared.withLock { $0.devicePath }
    }

    /// Unplugs the sensor: while it streams, in the middle of its next frame; otherwise at
    /// once.
    public func unplug() {
        request(.unplug)
    }

    /// Plugs the sensor in again, on a new pseudo-terminal.
    public func plugIn() {
        request(.plugIn)
    }

    /// Unplugs the sensor for good and waits for its thread to end.
    public func stop() {
        request(.stop)
        thread.join()
    }

    private func request(_ request: Request) {
        shared.withLock { $0.requests.append(request) }
        notifier.notify()
    }
}
