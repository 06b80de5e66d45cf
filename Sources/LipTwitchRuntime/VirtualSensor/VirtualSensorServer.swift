import LipTwitchLink
import LipTwitchSimulator
import LipTwitchSystem

/// The serving thread of a `VirtualSensor`: maps the host's monotonic clock to the device
/// clock, feeds the simulated firmware what the host writes, writes what it sends, and
/// performs unplugs and plug-ins.
final class VirtualSensorServer<Device: SimulatedDevice> {
    private var sensor: Device
    private let options: VirtualSensorOptions
    private let groundTruth: GroundTruthLog?
    private let shared: Locked<VirtualSensor.Shared>
    private let notifier: EventNotifier
    private let events: @Sendable (VirtualSensorEvent) -> Void
    private var pty: PseudoTerminal?
    /// Host time (ns) at which the device clock read `configuration.clockStartMicros`.
    private let hostStart: Int64
    private var replugAt: Int64?
    private var unplugRequested = false
    private var plugInRequested = false
    /// An unplug under way: half a frame is on the wire; the cable goes once the host has
    /// read it (or at the deadline, host ns).
    private var cut: UnplugInProgress?
    private var wasStreaming = false
    private var wasStalled = false
    private var output: [UInt8] = []
    private var input = [UInt8](repeating: 0, count: 4096)

    init(
        device: Device, pseudoTerminal: sending PseudoTerminal, options: VirtualSensorOptions,
        groundTruth: sending GroundTruthLog?, shared: Locked<VirtualSensor.Shared>, notifier: EventNotifier,
        events: @escaping @Sendable (VirtualSensorEvent) -> Void
    ) throws {
        sensor = device
        self.options = options
        self.groundTruth = groundTruth
        self.shared = shared
        self.notifier = notifier
        self.events = events
        hostStart = MonotonicClock.nanoseconds()
        try plugIn(pseudoTerminal)
    }

    /// Serves until asked to stop.
    func run() {
        var poll = PollSet()
        while true {
            notifier.drain()
            for request in shared.withLock({ state in defer { state.requests.removeAll() }; return state.requests }) {
                switch request {
                case .stop:
                    unplug(midFrame: false)
                    return
                case .unplug:
                    unplugRequested = pty != nil && cut == nil
                case .plugIn:
                    if pty == nil { try? plugIn() } else { plugInRequested = unplugRequested || cut != nil }
                }
            }
            let now = MonotonicClock.nanoseconds()
            if let replugAt, now >= replugAt {
                self.replugAt = nil
                try? plugIn()
            }
            serve(now: now)
            poll.removeAll()
            poll.add(notifier.descriptor)
            if let pty { poll.add(pty.masterDescriptor) }
            _ = try? poll.wait(timeoutNanoseconds: nextWake(after: now).map { $0 - now })
        }
    }

    /// One round: take the host's bytes, run the firmware to now, send what it sent.
    private func serve(now: Int64) {
        guard let pty else { return }
        if var cut {
            if cut.isDone(unread: pty.unreadByHost, now: now) { finishUnplug(midFrame: cut.midFrame) } else { self.cut = cut }
            return
        }
        output.removeAll(keepingCapacity: true)
        sensor.advance(to: deviceMicros(at: now), output: &output)
        while true {
            let count = input.withUnsafeMutableBytes { pty.read(into: $0) }
            guard count > 0 else { break }
            sensor.receive(input[0..<count], output: &output)
        }
        let wantsUnplug = unplugRequested || sensor.isUnplugDue
        if wantsUnplug, !output.isEmpty || !sensor.isStreaming {
            _ = pty.write(output.prefix(output.count / 2))
            if sensor.isUnplugDue {
                sensor.unplugged()
                replugAt = options.replugAfter.map { now + $0.nanoseconds }
            }
            unplugRequested = false
            cut = UnplugInProgress(start: now, midFrame: !output.isEmpty)
        } else {
            _ = pty.write(output[...])
        }
        try? groundTruth?.write(sensor.takeGroundTruth(), hostNanoseconds: hostNanoseconds(atDevice:))
        report(sensor.isStreaming, was: &wasStreaming, on: .streamingStarted, off: .streamingStopped)
        report(sensor.isStalled, was: &wasStalled, on: .stallBegan, off: .stallEnded)
    }

    /// When the next round is due: the firmware's next event, or a replug; soon, while the
    /// host reads the last half frame of an unplug.
    private func nextWake(after now: Int64) -> Int64? {
        if cut != nil { return now + 1_000_000 }
        let device = sensor.nextEventMicros.map { hostNanoseconds(atDevice: $0) }
        return [device, replugAt].compactMap { $0 }.min()
    }

    /// Plugs the sensor in on a new pseudo-terminal.
    private func plugIn() throws {
        try plugIn(PseudoTerminal())
    }

    private func plugIn(_ pty: PseudoTerminal) throws {
        if let symlink = options.symlink { try SymbolicLink.point(symlink, to: pty.slavePath) }
        self.pty = pty
        output.removeAll(keepingCapacity: true)
        sensor.advance(to: deviceMicros(at: MonotonicClock.nanoseconds()), output: &output)
        output.removeAll(keepingCapacity: true)
        sensor.powerOn(output: &output)
        _ = pty.write(output[...])
        let path = options.symlink ?? pty.slavePath
        shared.withLock { $0.devicePath = path }
        events(.plugged(path: path))
    }

    /// Ends an unplug, and plugs in again if that was asked for meanwhile.
    private func finishUnplug(midFrame: Bool) {
        unplug(midFrame: midFrame)
        if plugInRequested {
            plugInRequested = false
            try? plugIn()
        }
    }

    private func unplug(midFrame: Bool) {
        unplugRequested = false
        cut = nil
        guard let pty else { return }
        pty.unplug()
        if let symlink = options.symlink { SymbolicLink.remove(symlink, ifPointingTo: pty.slavePath) }
        self.pty = nil
        wasStreaming = false
        wasStalled = false
        shared.withLock { $0.devicePath = nil }
        events(.unplugged(path: options.symlink ?? pty.slavePath, midFrame: midFrame))
    }

    private func report(_ now: Bool, was: inout Bool, on: VirtualSensorEvent, off: VirtualSensorEvent) {
        guard now != was else { return }
        was = now
        events(now ? on : off)
    }

    private var rate: Double { 1 + options.driftPartsPerMillion * 1e-6 }

    private func deviceMicros(at host: Int64) -> UInt64 {
        sensor.clockStartMicros + UInt64(max(0, Double(host - hostStart) / 1000 * rate))
    }

    private func hostNanoseconds(atDevice micros: UInt64) -> Int64 {
        let elapsed = Double(micros) - Double(sensor.clockStartMicros)
        return hostStart + Int64((elapsed * 1000 / rate).rounded(.up))
    }
}
