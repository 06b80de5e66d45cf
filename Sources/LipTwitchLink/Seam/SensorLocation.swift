import LipTwitchDrivers

/// Where a sensor is and who it is, as discovery (udev) or the user (`--device PATH`) tells
/// the link: the seam between finding a sensor and talking to it.
///
/// Only `devicePath` is needed to open the port; the rest is identity that discovery knows
/// before the sensor says a word, reported with the link's events.
public struct SensorLocation: Sendable, Hashable {
    /// The character device to open, e.g. `/dev/ttyACM0`, or any path that leads to one
    /// (a `/dev/serial/by-id` link, a pseudo-terminal).
    public var devicePath: String
    /// The stable `/dev/serial/by-id/...` link udev made for it, when there is one.
    public var byIdPath: String?
    /// The USB serial number string (PROTOCOL.md section 1: equal to the identity's).
    public var serialNumber: String?
    public var vendorId: UInt16?
    public var productId: UInt16?
    /// A port discovery took on probation (a generic board): the link keeps it only if a
    /// LipTwitch sensor answers, and otherwise lets it go until it is plugged in again.
    public var needsProof: Bool
    /// The driver discovery chose for the port (by its USB id); nil for a port the user
    /// named, whose driver is the one `--driver` names.
    public var driverFamily: SensorDriver.Family?

    public init(
        devicePath: String, byIdPath: String? = nil, serialNumber: String? = nil, vendorId: UInt16? = nil,
        productId: UInt16? = nil, needsProof: Bool = false, driverFamily: SensorDriver.Family? = nil
    ) {
        self.needsProof = needsProof
        self.driverFamily = driverFamily
        self.devicePath = devicePath
        self.byIdPath = byIdPath
        self.serialNumber = serialNumber
        self.vendorId = vendorId
        self.productId = productId
    }

    /// True when `path` names this sensor: its device path or its by-id link.
    public func isAt(_ path: String) -> Bool {
        path == devicePath || path == byIdPath
    }
}
