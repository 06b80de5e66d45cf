/// One channel of a sensor, as its IDENTITY describes it (PROTOCOL.md section 6.1):
/// where it sits, which axis it measures and how to turn counts into physical units.
public struct ChannelDescriptor: Sendable, Equatable {
    public var placement: Placement
    public var axis: Axis
    /// Physical units (the sensor kind's unit) per count; finite and greater than 0.
    public var scale: Float

    public init(placement: Placement, axis: Axis, scale: Float) {
        self.placement = placement
        self.axis = axis
        self.scale = scale
    }

    /// Bytes per descriptor on the wire: placement, axis, 2 reserved, scale.
    static let encodedLength = 8

    /// Reads the descriptor at `offset` of an IDENTITY payload.
    init(reading payload: PayloadReader, at offset: Int, channel: Int) throws(PayloadError) {
        let axisCode = payload.uint8(at: offset + 1)
        guard let axis = Axis(rawValue: axisCode) else {
            throw payload.failure("channel \(channel) axis \(axisCode) is outside 0...3")
        }
        let scale = payload.float32(at: offset + 4)
        try payload.require(scale.isFinite && scale > 0, "channel \(channel) scale \(scale) is not finite and > 0")
        self.init(placement: Placement(code: payload.uint8(at: offset)), axis: axis, scale: scale)
    }

    func encode(into buffer: inout [UInt8]) {
        buffer.append(placement.rawValue)
        buffer.append(axis.rawValue)
        buffer.appendLittleEndian(UInt16(0))
        buffer.appendLittleEndian(scale.bitPattern)
    }
}
