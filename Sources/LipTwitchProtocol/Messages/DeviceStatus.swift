/// STATUS (`0x03`, PROTOCOL.md section 6.3): the sensor's health, once a second while
/// streaming and whenever lead-off or saturation changes.
public struct DeviceStatus: Sendable, Equatable {
    /// Device time, µs.
    public var timestampMicros: UInt32
    /// Battery charge 0 to 100 %, or nil: no battery, or unknown (255 on the wire).
    public var batteryPercent: UInt8?
    public var power: PowerFlags
    /// Bit `i`: channel `i`'s electrode is off the skin now.
    public var leadOffMask: UInt8
    /// Bit `i`: channel `i` hit the converter's limit since the last STATUS.
    public var saturationMask: UInt8
    /// Samples per channel dropped for lack of buffer since START, cumulative.
    public var overrunCount: UInt32

    public init(
        timestampMicros: UInt32, batteryPercent: UInt8?, power: PowerFlags, leadOffMask: UInt8,
        saturationMask: UInt8, overrunCount: UInt32
    ) {
        self.timestampMicros = timestampMicros
        self.batteryPercent = batteryPercent
        self.power = power
        self.leadOffMask = leadOffMask
        self.saturationMask = saturationMask
        self.overrunCount = overrunCount
    }

    /// `battery_percent` when there is no battery or its charge is unknown.
    static let batteryUnknown: UInt8 = 255
}

extension DeviceStatus: MessagePayload {
    static var messageType: MessageType { .status }
    static var minimumPayloadLength: Int { 12 }

    init(reading payload: PayloadReader) throws(PayloadError) {
        let battery = payload.uint8(at: 4)
        try payload.require(
            battery <= 100 || battery == Self.batteryUnknown, "battery_percent \(battery) is outside 0...100 and not 255")
        self.init(
            timestampMicros: payload.uint32(at: 0), batteryPercent: battery == Self.batteryUnknown ? nil : battery,
            power: PowerFlags(rawValue: payload.uint8(at: 5)), leadOffMask: payload.uint8(at: 6),
            saturationMask: payload.uint8(at: 7), overrunCount: payload.uint32(at: 8))
    }

    /// Writes the fields as they are; nil battery is written as 255.
    func encodePayload(into buffer: inout [UInt8]) {
        buffer.appendLittleEndian(timestampMicros)
        buffer.append(contentsOf: [batteryPercent ?? Self.batteryUnknown, power.rawValue, leadOffMask, saturationMask])
        buffer.appendLittleEndian(overrunCount)
    }
}
