import LipTwitchCapture
import LipTwitchJournal
import LipTwitchLink
import LipTwitchSimulator
import LipTwitchSystem

/// A capture file of a simulated sensor made in virtual time (`SimulatedSession`): what
/// `liptwitch capture` would have recorded from `liptwitch simulate` over `durationSeconds`,
/// written as fast as the disk takes it (`liptwitch simulate --capture`).
public struct SimulatedCapture {
    public var configuration: SimulatorConfiguration
    public var durationSeconds: Double
    public var description: String
    /// The program, for the header.
    public var tool: String
    /// The wall-clock time the capture says it started at.
    public var startWall: LocalTime

    public init(
        configuration: SimulatorConfiguration, durationSeconds: Double, description: String, tool: String,
        startWall: LocalTime
    ) {
        self.startWall = startWall
        self.configuration = configuration
        self.durationSeconds = durationSeconds
        self.description = description
        self.tool = tool
    }

    /// Writes the capture to `output`; returns the bytes of its reads.
    @discardableResult
    public func write(to output: BufferedOutput) throws(SystemError) -> Int {
        var session = SimulatedSession(configuration: configuration)
        let header = CaptureHeader(
            tool: tool, description: description, devicePath: "/dev/simulated", lineRates: [SerialPort.protocolBaudRate],
            startMonotonic: session.offset, startWall: startWall, identity: session.sensor.identity)
        var file = EncodedFile(header: header, output: output)
        session.connect { file.record($0, at: $1) }
        session.stream(seconds: durationSeconds) { file.record($0, at: $1) }
        file.stop(at: session.hostNow())
        session.stop { file.record($0, at: $1) }
        return try file.end(at: session.hostNow())
    }

    /// The encoder and the output, flushed every 64 KiB; the first write error is kept.
    private struct EncodedFile {
        var encoder: CaptureEncoder
        var buffer: [UInt8]
        let output: BufferedOutput
        var bytes = 0
        var failure: SystemError?

        init(header: CaptureHeader, output: BufferedOutput) {
            encoder = CaptureEncoder(header: header)
            buffer = header.encoded
            self.output = output
        }

        mutating func record(_ activity: PortActivity, at time: HostTime) {
            if case .read(let read) = activity { bytes += read.count }
            encoder.encode(activity, at: time, into: &buffer)
            if buffer.count >= 1 << 16 { write() }
        }

        mutating func stop(at time: HostTime) {
            encoder.encodeStop(at: time, into: &buffer)
        }

        mutating func end(at time: HostTime) throws(SystemError) -> Int {
            encoder.encodeEnd(at: time, into: &buffer)
            write()
            if let failure { throw failure }
            try output.flush()
            return bytes
        }

        private mutating func write() {
            guard failure == nil else { return }
            do {
                try output.write(bytes: buffer)
            } catch {
                failure = error
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
