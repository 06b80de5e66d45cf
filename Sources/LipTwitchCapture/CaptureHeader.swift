import LipTwitchDrivers
import LipTwitchJournal
import LipTwitchLink
import LipTwitchProtocol

/// What a capture says about itself before its records: who wrote it and what it shows,
/// where and how it was read, when it started on both clocks, the sensor's identity when it
/// was known, and the calibration profile the live detector used, if any.
public struct CaptureHeader: Sendable, Equatable {
    /// The minor version of the format the file was written in.
    public var formatMinor: UInt16
    /// The program that wrote it: `liptwitch 0.1.0`.
    public var tool: String
    /// Free text: what the capture shows, why it was made.
    public var description: String
    /// The port it was read from.
    public var devicePath: String?
    /// The line rates (baud) the link tried, in order: one for a link held at one rate;
    /// empty when not known.
    public var lineRates: [Int]
    /// The driver the link spoke to the board with.
    public var driver: SensorDriver
    /// The start on the host's monotonic clock: the first record's time counts from it.
    public var startMonotonic: HostTime
    /// The start on the wall clock, with the local offset.
    public var startWall: LocalTime
    /// The sensor, as its IDENTITY described it; nil when it never answered.
    public var identity: DeviceIdentity?
    /// The calibration profile the live detector used, as the JSON text of a profile file
    /// (the runtime's `ProfileFile` makes and parses it); nil when it used none, or when
    /// no detector ran (`liptwitch capture`).
    public var profileJSON: String?

    public init(
        tool: String, description: String = "", devicePath: String? = nil, lineRates: [Int] = [],
        driver: SensorDriver = .liptwitch, startMonotonic: HostTime, startWall: LocalTime, identity: DeviceIdentity? = nil, profileJSON: String? = nil,
        formatMinor: UInt16 = CaptureFormat.minor
    ) {
        self.formatMinor = formatMinor
        self.tool = tool
        self.description = description
        self.devicePath = devicePath
        self.lineRates = lineRates
        self.driver = driver
        self.startMonotonic = startMonotonic
        self.startWall = startWall
        self.identity = identity
        self.profileJSON = profileJSON
    }

    /// The header's bytes: the fixed part, then every field (text longer than a field can
    /// hold is cut at a character boundary).
    public var encoded: [UInt8] {
        var fields: [UInt8] = []
        Self.append(.tool, Array(tool.utf8), to: &fields)
        Self.append(.description, Array(description.utf8), to: &fields)
        if let devicePath { Self.append(.device, Array(devicePath.utf8), to: &fields) }
        if lineRates.count == 1 {
            var value: [UInt8] = []
            value.appendLittleEndian(UInt32(clamping: lineRates[0]))
            Self.append(.baudRate, value, to: &fields)
        }
        if !lineRates.isEmpty {
            var value: [UInt8] = []
            for rate in lineRates { value.appendLittleEndian(UInt32(clamping: rate)) }
            Self.append(.lineRates, value, to: &fields)
        }
        if driver != .liptwitch { Self.append(.driver, Array(driver.recorded.utf8), to: &fields) }
        Self.append(.started, Array(startWall.rfc3339.utf8), to: &fields)
        var monotonic: [UInt8] = []
        monotonic.appendLittleEndian(startMonotonic.nanoseconds)
        Self.append(.monotonicStart, monotonic, to: &fields)
        if let identity {
            var payload: [UInt8] = []
            DeviceMessage.identity(identity).encodePayload(into: &payload)
            Self.append(.identity, payload, to: &fields)
        }
        if let profileJSON { Self.append(.profile, Array(profileJSON.utf8), to: &fields) }
        var bytes = CaptureFormat.magic
        bytes.appendLittleEndian(CaptureFormat.major)
        bytes.appendLittleEndian(formatMinor)
        bytes.appendLittleEndian(UInt32(fields.count))
        return bytes + fields
    }

    private static func append(_ tag: CaptureFormat.FieldTag, _ value: [UInt8], to fields: inout [UInt8]) {
        var value = value[...]
        if value.count > Int(UInt16.max) {
            value = value.prefix(Int(UInt16.max))
            // Not in the middle of a UTF-8 sequence: drop continuation bytes and their lead.
            while let last = value.last, last & 0xC0 == 0x80 { value = value.dropLast() }
            if let last = value.last, last >= 0xC0 { value = value.dropLast() }
        }
        fields.appendLittleEndian(tag.rawValue)
        fields.appendLittleEndian(UInt16(value.count))
        fields.append(contentsOf: value)
    }

    /// Reads the fields (the bytes after the fixed part); unknown tags are skipped.
    init(fields: ArraySlice<UInt8>, formatMinor: UInt16) throws(CaptureError) {
        var tool = ""
        var description = ""
        var devicePath: String?
        var baudRate: Int?
        var lineRates: [Int]?
        var driver = SensorDriver.liptwitch
        var started: LocalTime?
        var monotonic: HostTime?
        var identity: DeviceIdentity?
        var profileJSON: String?
        var rest = fields
        while !rest.isEmpty {
            guard rest.count >= 4 else { throw .damagedHeader("a field is cut short") }
            let tag = rest.littleEndian(UInt16.self, at: 0)
            let length = Int(rest.littleEndian(UInt16.self, at: 2))
            guard rest.count >= 4 + length else { throw .damagedHeader("a field runs past the header") }
            let value = rest.dropFirst(4).prefix(length)
            rest = rest.dropFirst(4 + length)
            switch CaptureFormat.FieldTag(rawValue: tag) {
            case .tool: tool = String(decoding: value, as: UTF8.self)
            case .description: description = String(decoding: value, as: UTF8.self)
            case .device: devicePath = String(decoding: value, as: UTF8.self)
            case .baudRate:
                guard length == 4 else { throw .damagedHeader("the baud rate is not 4 bytes") }
                baudRate = Int(value.littleEndian(UInt32.self, at: 0))
            case .lineRates:
                guard length % 4 == 0 else { throw .damagedHeader("the line rates are not 4 bytes each") }
                lineRates = stride(from: 0, to: length, by: 4).map { Int(value.littleEndian(UInt32.self, at: $0)) }
            case .started:
                started = LocalTime(rfc3339: String(decoding: value, as: UTF8.self))
                guard started != nil else { throw .damagedHeader("the start time is not RFC 3339") }
            case .monotonicStart:
                guard length == 8 else { throw .damagedHeader("the monotonic start is not 8 bytes") }
                monotonic = HostTime(nanoseconds: value.littleEndian(Int64.self, at: 0))
            case .identity:
                guard case .identity(let decoded)? = try? DeviceMessage.decode(typeCode: 0x01, payload: value) else {
                    throw .damagedHeader("the sensor's identity does not decode")
                }
                identity = decoded
            case .profile: profileJSON = String(decoding: value, as: UTF8.self)
            case .driver:
                let text = String(decoding: value, as: UTF8.self)
                guard let recorded = SensorDriver(recorded: text) else {
                    throw .damagedHeader("the driver \"\(text)\" is not one this LipTwitch knows (update LipTwitch)")
                }
                driver = recorded
            case nil:
                continue
            }
        }
        guard let started, let monotonic else { throw .damagedHeader("the start time is missing") }
        self.init(
            tool: tool, description: description, devicePath: devicePath,
            lineRates: lineRates ?? baudRate.map { [$0] } ?? [], driver: driver, startMonotonic: monotonic, startWall: started, identity: identity, profileJSON: profileJSON,
            formatMinor: formatMinor)
    }
}
