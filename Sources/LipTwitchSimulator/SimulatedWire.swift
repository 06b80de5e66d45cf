import LipTwitchProtocol
import LipTwitchSignals

/// The sensor's side of the wire: encodes each message in a frame of the sensor's protocol
/// major, numbers it, and injects the configured per-frame faults.
struct SimulatedWire: Sendable {
    let version: UInt8
    let faults: FaultInjection
    private var random: SignalRandom
    /// The sensor's frame counter (PROTOCOL.md section 3.1).
    private var sequence: UInt16 = 0
    private var payload: [UInt8] = []
    private var frame: [UInt8] = []

    init(version: UInt8, faults: FaultInjection, seed: UInt64) {
        self.version = version
        self.faults = faults
        random = SignalRandom(seed: ~seed)
    }

    /// Encodes `message` and puts it on the wire, faults included.
    mutating func send(_ message: DeviceMessage, to output: inout [UInt8]) {
        payload.removeAll(keepingCapacity: true)
        message.encodePayload(into: &payload)
        frame.removeAll(keepingCapacity: true)
        FrameEncoder.encodeFrame(
            version: version, typeCode: message.typeCode, sequence: sequence, payload: payload, into: &frame)
        sequence &+= 1
        guard !faults.damagesNoFrame else {
            output.append(contentsOf: frame)
            return
        }
        if chance(faults.garbage) {
            let count = Int.random(in: 1...32, using: &random)
            for _ in 0..<count { output.append(UInt8.random(in: 0...255, using: &random)) }
        }
        if chance(faults.drop) { return }
        if chance(faults.bitFlip) {
            let index = Int.random(in: frame.indices, using: &random)
            frame[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        }
        output.append(contentsOf: frame)
    }

    /// The sensor restarted: its frame counter starts at 0 again.
    mutating func restart() {
        sequence = 0
    }

    private mutating func chance(_ probability: Double) -> Bool {
        probability > 0 && Double.random(in: 0..<1, using: &random) < probability
    }
}
