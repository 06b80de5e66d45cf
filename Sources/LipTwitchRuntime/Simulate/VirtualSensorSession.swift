import LipTwitchSimulator
import LipTwitchSystem

/// `liptwitch simulate` without `--dump`: serves a virtual sensor on a pseudo-terminal,
/// says where to open it and where the ground truth goes, and tells what happens to it
/// (a host starts or stops it, a stall, an unplug) until Ctrl-C, SIGTERM or the duration.
public struct VirtualSensorSession {
    public var configuration: SimulatorConfiguration
    public var options: VirtualSensorOptions
    /// The ground-truth file; nil: one in the temporary directory, named after the process.
    public var groundTruthPath: String?
    public var duration: Double?

    public init(
        configuration: SimulatorConfiguration, options: VirtualSensorOptions, groundTruthPath: String?,
        duration: Double?
    ) {
        self.configuration = configuration
        self.options = options
        self.groundTruthPath = groundTruthPath
        self.duration = duration
    }

    public func run() throws {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        let start = MonotonicClock.nanoseconds()
        let path = groundTruthPath
            ?? "\(SystemEnvironment.temporaryDirectory)/liptwitch-simulate-\(SystemEnvironment.processID).truth.jsonl"
        let groundTruth = try GroundTruthLog(path: path, configuration: configuration)
        let bannerShown = Locked(false)
        let sensor = try VirtualSensor(configuration: configuration, options: options, groundTruth: groundTruth) { event in
            // The banner below names the first port.
            if case .plugged = event, !bannerShown.withLock({ $0 }) { return }
            let seconds = Double(MonotonicClock.nanoseconds() - start) / 1e9
            printer.print(ElapsedTime.stamp(seconds) + Self.sentence(for: event))
        }
        let port = sensor.devicePath ?? "?"
        printer.print("""
            liptwitch simulate: sensor \(configuration.serialNumber), \(configuration.channels.count) \
            \(configuration.sensorKind.label) channels at \(configuration.sampleRateHz) Hz, scenario \
            \(configuration.scenario.rawValue) (seed \(configuration.seed)), on \(port)
              open it with:   liptwitch link --device \(port)
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

    private static func sentence(for event: VirtualSensorEvent) -> String {
        switch event {
        case .plugged(let path): "plugged in at \(path)"
        case .streamingStarted: "a host started the stream"
        case .streamingStopped: "the stream stopped (STOP, or no heartbeat for 5 s)"
        case .stallBegan: "stall: the sensor goes silent"
        case .stallEnded: "stall over: the sensor carries on"
        case .unplugged(let path, let midFrame): "unplugged from \(path)\(midFrame ? " in the middle of a frame" : "")"
        }
    }
}
