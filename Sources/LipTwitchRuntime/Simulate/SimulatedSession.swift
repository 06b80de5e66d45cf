import LipTwitchSignals
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSimulator

/// A simulated sensor and a host that talks to it as the link does, in virtual time: what
/// the link's port would see (`PortActivity` with host times), without a port, a thread or
/// a wait. An hour of it takes seconds: long captures for the replay benchmark
/// (`liptwitch simulate --capture`), and sessions for tests.
///
/// The host opens the port, shakes hands one command at a time (STOP, IDENTIFY, START, as
/// `LinkStateMachine` numbers them), reads every `readInterval` what the sensor sent (with
/// a seeded transport delay of up to 2 ms), sends a PING every second, and stops.
public struct SimulatedSession: Sendable {
    public private(set) var sensor: SimulatedSensor
    /// Host time of device time 0.
    public let offset: HostTime
    public var readIntervalMicros: UInt64 = 4_000
    private var host = FrameEncoder()
    private var random: SignalRandom
    private var output: [UInt8] = []
    private var nextPingMicros: UInt64 = 0

    public init(configuration: SimulatorConfiguration, offset: HostTime = HostTime(nanoseconds: 5_000_000_000)) {
        sensor = SimulatedSensor(configuration: configuration)
        random = SignalRandom(seed: configuration.seed &+ 99)
        self.offset = offset
    }

    /// Host time of the sensor's clock now, plus the transport delay.
    public mutating func hostNow() -> HostTime {
        offset + .microseconds(Int64(sensor.clockMicros) + Int64(random.next() % 2_000))
    }

    /// The port opens (the sensor powers up) and the handshake runs: a read per answer.
    public mutating func connect(_ body: (PortActivity, HostTime) -> Void) {
        sensor.powerOn(output: &output)
        body(.opened(path: "/dev/simulated"), hostNow())
        send([ProtocolConstants.delimiter], .stop, body)
        send([], .identify(hostMaxVersion: ProtocolConstants.version), body)
        send([], .start, body)
        nextPingMicros = sensor.clockMicros + 1_000_000
    }

    /// `seconds` of streaming: a read every `readIntervalMicros` that has bytes, a PING
    /// every second.
    public mutating func stream(seconds: Double, _ body: (PortActivity, HostTime) -> Void) {
        let end = sensor.clockMicros + UInt64(seconds * 1_000_000)
        while sensor.clockMicros < end {
            sensor.advance(to: min(end, sensor.clockMicros + readIntervalMicros), output: &output)
            if sensor.clockMicros >= nextPingMicros {
                var ping: [UInt8] = []
                host.encode(HostCommand.ping(nonce: UInt32(truncatingIfNeeded: nextPingMicros / 1_000_000)), into: &ping)
                sensor.receive(ping[...], output: &output)
                nextPingMicros += 1_000_000
            }
            read(body)
        }
    }

    /// The host stops the sensor and closes the port.
    public mutating func stop(_ body: (PortActivity, HostTime) -> Void) {
        send([ProtocolConstants.delimiter], .stop, body)
        body(.closed, hostNow())
    }

    /// The twitches put into the samples so far (since the last call), oldest first.
    public mutating func takeGroundTruth() -> [GroundTruthEvent] {
        sensor.takeGroundTruth()
    }

    /// Sends `command` (after `prefix`), and reads the answer 1 ms later.
    private mutating func send(_ prefix: [UInt8], _ command: HostCommand, _ body: (PortActivity, HostTime) -> Void) {
        var bytes = prefix
        host.encode(command, into: &bytes)
        sensor.receive(bytes[...], output: &output)
        sensor.advance(to: sensor.clockMicros + 1_000, output: &output)
        read(body)
    }

    private mutating func read(_ body: (PortActivity, HostTime) -> Void) {
        guard !output.isEmpty else { return }
        body(.read(output), hostNow())
        output.removeAll(keepingCapacity: true)
    }
}
