import LipTwitchDiscovery
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSystem
import Testing
import TestSupport

/// Discovery feeding a link, as the daemon will run them: a thread of its own owns a
/// `DiscoveryMonitor` (libudev stays on one thread), waits on its udev socket, and hands
/// each sensor that appears or disappears to a `SensorLink` through `DeviceEvent(_:)`.
/// Every discovery event, `ignored` ones too, is recorded for the test to look at.
final class DiscoveryFeed {
    /// What discovery reported, in order: the ports present at start, then each hotplug.
    let events: Recorder<DiscoveryEvent>
    private let stopRequest: EventNotifier
    private let thread: SystemThread

    /// Starts discovery: the ports present now are reported (their sensors delivered to
    /// `link`) before this returns; hotplug events follow on the feed's thread.
    init(into link: SensorLink, configuration: DiscoveryConfiguration = DiscoveryConfiguration()) throws {
        let events = try Recorder<DiscoveryEvent>()
        let stopRequest = try EventNotifier()
        let monitor = try DiscoveryMonitor(configuration: configuration)
        let forward = { @Sendable (reported: [DiscoveryEvent]) in
            for event in reported {
                events.record(event)
                if let deviceEvent = DeviceEvent(event) { link.deliver(deviceEvent) }
            }
        }
        forward(try monitor.start())
        thread = try SystemThread(name: "discovery") {
            var poll = PollSet()
            poll.add(monitor.fileDescriptor)
            let stop = poll.add(stopRequest.descriptor)
            while poll.events(at: stop).isEmpty {
                do {
                    try poll.wait(timeoutNanoseconds: nil)
                } catch {
                    Issue.record("discovery stopped: \(error)")
                    return
                }
                forward(monitor.receive())
            }
        }
        self.events = events
        self.stopRequest = stopRequest
    }

    deinit {
        stop()
    }

    /// Ends the feed's thread and waits for it (the link is the caller's to stop).
    func stop() {
        stopRequest.notify()
        thread.join()
    }
}
