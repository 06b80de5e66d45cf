import LipTwitchSimulator
import LipTwitchSystem

/// `liptwitch simulate` without `--dump`: serves a virtual sensor (LipTwitch's own, or a
/// board of another family) on a pseudo-terminal, says where to open it and where the
/// ground truth goes, and tells what happens to it (a host starts or stops it, a stall, an
/// unplug) until Ctrl-C, SIGTERM or the duration.
public struct VirtualSensorSession {
    /// The ground-truth file; nil: one in the temporary directory, named after the process.
    public var groundTruthPath: String?
    public var duration: Double?
    /// What the first line says the sensor is, and how to open it.
    private let description: String
    private let openCommand: String
    /// How a stream ends on this board, for the line that says it did.
    private let streamEnds: String
    private let groundTruth: (String) throws -> GroundTruthLog
    private let serve: (sending GroundTruthLog, @escaping @Sendable (VirtualSensorEvent) -> Void) throws -> VirtualSensor

    /// A sensor that speaks LipTwitch's protocol.
    public init(
        configuration: SimulatorConfiguration, options: VirtualSensorOptions, groundTruthPath: String?, duration: Double?
    ) {
        self.groundTruthPath = groundTruthPath
        self.duration = duration
        description = "sensor \(configuration.serialNumber), \(configuration.channels.count) "
            + "\(configuration.sensorKind.label) channels at \(configuration.sampleRateHz) Hz, scenario "
            + "\(configuration.scenario.rawValue) (seed \(configuration.seed))"
        openCommand = "liptwitch link --device"
        streamEnds = "STOP, or no heartbeat for 5 s"
        groundTruth = { try GroundTruthLog(path: $0, configuration: configuration) }
        serve = { truth, events in
            try VirtualSensor(configuration: configuration, options: options, groundTruth: truth, events: events)
        }
    }

    /// An OpenBCI Cyton behind its dongle.
    public init(cyton simulation: CytonSimulation, options: VirtualSensorOptions, groundTruthPath: String?, duration: Double?) {
        self.init(
            board: SimulatedCyton(simulation: simulation), family: "openbci-cyton",
            description: "OpenBCI Cyton (firmware \(simulation.firmware)), the lip's EMG on channel \(simulation.lipChannel) "
                + "at \(SimulatedCyton.sampleRateHz) Hz, scenario \(simulation.scenario.rawValue) (seed \(simulation.seed))"
                + (simulation.faults.boardOff ? ", the board switched off" : ""),
            streamEnds: "s, v, or the board reset",
            groundTruth: {
                try GroundTruthLog(
                    path: $0, board: "openbci-cyton", scenario: simulation.scenario, seed: simulation.seed,
                    rateHz: SimulatedCyton.sampleRateHz, channel: simulation.lipChannel, placement: simulation.placement)
            },
            options: options, groundTruthPath: groundTruthPath, duration: duration)
    }

    /// A BITalino (r)evolution, at the rate the host asks for (the driver asks 1000 Hz).
    public init(
        bitalino simulation: BITalinoSimulation, options: VirtualSensorOptions, groundTruthPath: String?, duration: Double?
    ) {
        self.init(
            board: SimulatedBITalino(simulation: simulation), family: "bitalino",
            description: "BITalino (r)evolution (\(simulation.version)), the lip's EMG sensor on A\(simulation.lipChannel), "
                + "scenario \(simulation.scenario.rawValue) (seed \(simulation.seed))",
            streamEnds: "0x00, or the board reset",
            groundTruth: {
                try GroundTruthLog(
                    path: $0, board: "bitalino", scenario: simulation.scenario, seed: simulation.seed,
                    rateHz: SimulatedBITalino.defaultRateHz, channel: simulation.lipChannel,
                    placement: simulation.placement)
            },
            options: options, groundTruthPath: groundTruthPath, duration: duration)
    }

    /// A board of another family (`family`, as `--driver` names it).
    private init(
        board: some SimulatedDevice, family: String, description: String, streamEnds: String,
        groundTruth: @escaping (String) throws -> GroundTruthLog, options: VirtualSensorOptions, groundTruthPath: String?,
        duration: Double?
    ) {
        self.groundTruthPath = groundTruthPath
        self.duration = duration
        self.description = description
        openCommand = "liptwitch link --driver \(family) --device"
        self.streamEnds = streamEnds
        self.groundTruth = groundTruth
        serve = { truth, events in
            try VirtualSensor(device: board, options: options, groundTruth: truth, events: events)
        }
    }

    public func run() throws {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        let start = MonotonicClock.nanoseconds()
        let path = groundTruthPath
            ?? "\(SystemEnvironment.temporaryDirectory)/liptwitch-simulate-\(SystemEnvironment.processID).truth.jsonl"
        let truth = try groundTruth(path)
        let bannerShown = Locked(false)
        let streamEnds = streamEnds
        let sensor = try serve(truth) { event in
            // The banner below names the first port.
            if case .plugged = event, !bannerShown.withLock({ $0 }) { return }
            let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
            printer.print(ElapsedTime.stamp(seconds) + Self.sentence(for: event, streamEnds: streamEnds))
        }
        let port = sensor.devicePath ?? "?"
        printer.print("""
            liptwitch simulate: \(description), on \(port)
              open it with:   \(openCommand) \(port)
              ground truth:   \(path)
              stop with Ctrl-C
            """)
        bannerShown.withLock { $0 = true }
        let end = duration.map { start + Int64($0 * 1e9) }
        while true {
            let left = (end ?? .max) - MonotonicClock.nanoseconds()
            if left <= 0 || signals.wait(timeoutNanoseconds: min(left, 1_000_000_000)) != nil { break }
        }
        sensor.stop()
    }

    private static func sentence(for event: VirtualSensorEvent, streamEnds: String) -> String {
        switch event {
        case .plugged(let path): "plugged in at \(path)"
        case .streamingStarted: "a host started the stream"
        case .streamingStopped: "the stream stopped (\(streamEnds))"
        case .stallBegan: "stall: the sensor goes silent"
        case .stallEnded: "stall over: the sensor carries on"
        case .unplugged(let path, let midFrame): "unplugged from \(path)\(midFrame ? " in the middle of a frame" : "")"
        }
    }
}
