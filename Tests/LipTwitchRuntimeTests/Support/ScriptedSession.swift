import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSimulator

/// A simulated sensor and a scripted host in virtual time: what the port of a link would
/// see (opened, then reads every `readInterval` with a seeded transport delay), without a
/// port or a thread.
struct ScriptedSession {
    var sensor: SimulatedSensor
    var host = FrameEncoder()
    /// Host time of device time 0.
    let offset = HostTime(nanoseconds: 5_000_000_000)
    var readIntervalMicros: UInt64 = 4_000
    private var random: SeededGenerator

    init(configuration: SimulatorConfiguration) {
        sensor = SimulatedSensor(configuration: configuration)
        random = SeededGenerator(seed: configuration.seed &+ 99)
    }

    /// Host time of the sensor's clock now, plus up to 2 ms of transport delay.
    mutating func hostNow() -> HostTime {
        offset + .microseconds(Int64(sensor.clockMicros) + Int64(random.next() % 2_000))
    }

    /// The link's handshake from the host's side (STOP, IDENTIFY, START) and the sensor's
    /// answers, as one read.
    mutating func handshake() -> [(PortActivity, HostTime)] {
        var bytes: [UInt8] = []
        sensor.powerOn(output: &bytes)
        var commands: [UInt8] = [ProtocolConstants.delimiter]
        host.encode(HostCommand.stop, into: &commands)
        host.encode(HostCommand.identify(hostMaxVersion: ProtocolConstants.version), into: &commands)
        host.encode(HostCommand.start, into: &commands)
        sensor.receive(commands[...], output: &bytes)
        return [(.opened(path: "/dev/scripted"), hostNow()), (.read(bytes), hostNow())]
    }

    /// `seconds` of streaming: a read every `readIntervalMicros` that has bytes, a PING
    /// every second.
    mutating func stream(seconds: Double) -> [(PortActivity, HostTime)] {
        var activity: [(PortActivity, HostTime)] = []
        let end = sensor.clockMicros + UInt64(seconds * 1_000_000)
        var nextPing = sensor.clockMicros + 1_000_000
        while sensor.clockMicros < end {
            var bytes: [UInt8] = []
            sensor.advance(to: min(end, sensor.clockMicros + readIntervalMicros), output: &bytes)
            if sensor.clockMicros >= nextPing {
                var ping: [UInt8] = []
                host.encode(HostCommand.ping(nonce: UInt32(nextPing / 1_000_000)), into: &ping)
                sensor.receive(ping[...], output: &bytes)
                nextPing += 1_000_000
            }
            if !bytes.isEmpty { activity.append((.read(bytes), hostNow())) }
        }
        return activity
    }
}
