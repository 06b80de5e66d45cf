import LipTwitchCapture
import LipTwitchDiscovery
import LipTwitchDrivers
import LipTwitchLink
import LipTwitchProfile
import LipTwitchProtocol
import LipTwitchSystem
import Logging
import ServiceLifecycle

/// Every accepted sensor at once, one `SensorSession` each: the ports named with
/// `--device` from the start, and (with hotplug) the sensors udev shows now and as they
/// are plugged in and out, watched by a thread of its own (`DiscoveryMonitor` wants one).
/// On shutdown every sensor is told to stop and its pipeline finished, before the live
/// stream and the journal close.
final class SensorService: Service, Sendable {
    private let configuration: DiscoveryConfiguration
    private let hotplug: Bool
    private let namedPortDriver: SensorDriver
    private let pipeline: PipelineConfiguration
    private let outlets: DaemonOutlets
    private let captureDirectory: String?
    private let sessions = Locked(Sessions())
    private let notifier: EventNotifier

    private struct Sessions: Sendable {
        var running: [SensorSession] = []
        var nextID = 1
        var stopped = false
    }

    /// With `captureDirectory`, each session also writes a capture of its port there.
    init(
        configuration: DiscoveryConfiguration, hotplug: Bool, namedPortDriver: SensorDriver, pipeline: PipelineConfiguration,
        captureDirectory: String?, outlets: DaemonOutlets
    ) throws {
        self.captureDirectory = captureDirectory
        self.configuration = configuration
        self.hotplug = hotplug
        self.namedPortDriver = namedPortDriver
        self.pipeline = pipeline
        self.outlets = outlets
        notifier = try EventNotifier()
    }

    /// Every sensor now, as `LT-0001 streaming`.
    var summaries: [String] {
        sessions.withLock { $0.running }.map(\.summary)
    }

    func run() async throws {
        let watcher = hotplug ? startDiscovery() : nil
        if watcher == nil {
            for path in configuration.explicitDevices.map(\.path) { handle(.appeared(SensorLocation(devicePath: path))) }
        }
        try? await gracefulShutdown()
        notifier.notify()
        watcher?.join()
        let running = sessions.withLock { state in
            state.stopped = true
            defer { state.running.removeAll() }
            return state.running
        }
        // Stopped side by side: each waits up to 200 ms for its sensor's acknowledgement.
        await withTaskGroup(of: Void.self) { group in
            for session in running { group.addTask { session.stop() } }
        }
    }

    /// A sensor appeared or went: a new session, or news for the one it belongs to.
    private func handle(_ event: DeviceEvent) {
        switch event {
        case .appeared(let location):
            let existing = sessions.withLock { $0.running.first { $0.location.isAt(location.devicePath) } }
            if let existing {
                existing.deliver(event)
                return
            }
            let id = sessions.withLock { state in
                defer { state.nextID += 1 }
                return state.nextID
            }
            let link = LinkConfiguration(driver: driver(for: location))
            do {
                let session = try SensorSession(
                    id: id, location: location, link: link, pipeline: pipeline, capture: capture(id, location, link),
                    outlets: outlets)
                let kept = sessions.withLock { state in
                    guard !state.stopped else { return false }
                    state.running.append(session)
                    return true
                }
                if !kept { session.stop() }
            } catch {
                outlets.logger.error("cannot start the link to \(location.devicePath): \(error)")
            }
        case .disappeared(let path):
            let gone = sessions.withLock { state in
                let index = state.running.firstIndex { $0.location.isAt(path) }
                return index.map { state.running.remove(at: $0) }
            }
            gone?.deliver(event)
            gone?.stop()
        }
    }

    /// The capture of session `id`, when captures are asked for: `DIR/sensor-ID-NAME.ltcap`,
    /// starting at the daemon's anchor and carrying the calibration profile the detector
    /// uses, so that its replay gives the same wall times and the same episodes.
    private func capture(_ id: Int, _ location: SensorLocation, _ link: LinkConfiguration) -> CaptureWriter? {
        guard let captureDirectory else { return nil }
        let name = location.devicePath.split(separator: "/").last.map(String.init) ?? "port"
        return CaptureWriter(
            path: "\(captureDirectory)/sensor-\(id)-\(name).ltcap",
            header: CaptureHeader(
                tool: "liptwitch daemon", description: "captured by liptwitch daemon --capture",
                devicePath: location.devicePath, lineRates: link.lineRates, driver: link.driver,
                startMonotonic: outlets.anchor.monotonic, startWall: outlets.anchor.wall,
                profileJSON: pipeline.profile.map { ProfileJSON.encode($0, calibratedFrom: nil) }))
    }

    /// The driver of the port at `location`: the one discovery chose by its USB id, or for a
    /// port named with `--device`, the one `--driver` names.
    private func driver(for location: SensorLocation) -> SensorDriver {
        location.driverFamily.map { SensorDriver(family: $0) } ?? namedPortDriver
    }

    /// Starts the thread that watches udev; nil when udev cannot be used (then only the
    /// `--device` ports are).
    private func startDiscovery() -> SystemThread? {
        let monitor: DiscoveryMonitor
        let present: [DiscoveryEvent]
        do {
            monitor = try DiscoveryMonitor(configuration: configuration)
            present = try monitor.start()
        } catch {
            outlets.logger.warning(
                "cannot watch for sensors being plugged in (\(error)); only the ports given with --device are used")
            return nil
        }
        var named = Set<String>()
        for event in present {
            if case .appeared(let candidate, _) = event { named.insert(candidate.devicePath) }
            DeviceEvent(event).map(handle)
        }
        // A port named with --device that is not there yet: its link waits for it.
        for explicit in configuration.explicitDevices
        where !named.contains(explicit.path) && !named.contains(explicit.resolvedPath ?? explicit.path) {
            handle(.appeared(SensorLocation(devicePath: explicit.path)))
        }
        let notifier = notifier
        return try? SystemThread(name: "discovery") { [self] in
            var poll = PollSet()
            while true {
                poll.removeAll()
                let udev = poll.add(monitor.fileDescriptor)
                let stop = poll.add(notifier.descriptor)
                _ = try? poll.wait(timeoutNanoseconds: nil)
                if !poll.events(at: stop).isEmpty { return }
                if !poll.events(at: udev).isEmpty {
                    for event in monitor.receive() { DeviceEvent(event).map(handle) }
                }
            }
        }
    }
}
