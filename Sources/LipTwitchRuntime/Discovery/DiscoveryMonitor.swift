import LipTwitchDiscovery
import LipTwitchSystem

/// Sensors as they come and go: the udev monitor and the ports present at start, fed
/// through the acceptance policy and the `DiscoveryTracker`.
///
/// Use from one thread or actor (libudev is not thread-safe): `start()` once, then
/// `receive()` whenever `fileDescriptor` is readable in the caller's poll loop, or
/// `waitForEvents(timeoutMilliseconds:)` to block. The monitor listens before the
/// enumeration runs, so a sensor plugged in meanwhile is not missed (and not reported twice).
public final class DiscoveryMonitor {
    private let context: UdevContext
    private let monitor: UdevMonitor
    private var tracker: DiscoveryTracker

    public init(configuration: DiscoveryConfiguration) throws(SystemError) {
        context = try UdevContext()
        monitor = try UdevMonitor(context: context, subsystem: DeviceSurvey.subsystem)
        tracker = DiscoveryTracker(policy: AcceptancePolicy(configuration: configuration))
    }

    /// The ports present now: an `appeared` for each sensor, an `ignored` for each other port.
    public func start() throws(SystemError) -> [DiscoveryEvent] {
        let candidates = try context.devices(subsystem: DeviceSurvey.subsystem).map(DeviceCandidate.init)
        return tracker.policy.withExplicitDevices(candidates).flatMap { tracker.handle(.added($0)) }
    }

    /// The udev socket, to poll for readability.
    public var fileDescriptor: Int32 { monitor.fileDescriptor }

    /// What the pending udev events mean for the sensors; empty when nothing changed.
    public func receive() -> [DiscoveryEvent] {
        monitor.receive().flatMap { event in
            DeviceChange(action: event.action, candidate: DeviceCandidate(event.device)).map { tracker.handle($0) } ?? []
        }
    }

    /// Waits up to `timeoutMilliseconds` (-1: no limit) for udev events, then returns
    /// what they mean (possibly nothing, for events that change no sensor).
    public func waitForEvents(timeoutMilliseconds: Int32) throws(SystemError) -> [DiscoveryEvent] {
        try monitor.wait(timeoutMilliseconds: timeoutMilliseconds) ? receive() : []
    }

    /// The sensors present now.
    public var sensors: [DeviceCandidate] { tracker.sensors }
}
