import LipTwitchSimulator
import LipTwitchSystem

/// Writes the raw bytes a simulated sensor sends during a session of a given length, as
/// a serial capture would hold them: the input `liptwitch decode` reads.
public struct SimulatedDump {
    public var configuration: SimulatorConfiguration
    public var durationSeconds: Double

    public init(configuration: SimulatorConfiguration, durationSeconds: Double) {
        self.configuration = configuration
        self.durationSeconds = durationSeconds
    }

    /// Writes the session to `output` and returns how many bytes it took.
    @discardableResult
    public func run(output: BufferedOutput) throws -> Int {
        var sensor = SimulatedSensor(configuration: configuration)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        sensor.appendSessionStart(to: &bytes)
        var total = 0
        let end = UInt64(durationSeconds * 1_000_000)
        while sensor.deviceTimeMicros < end, !output.isClosed {
            sensor.appendStreamingPeriod(to: &bytes)
            try output.write(bytes: bytes)
            total += bytes.count
            bytes.removeAll(keepingCapacity: true)
        }
        try output.flush()
        return total
    }
}
