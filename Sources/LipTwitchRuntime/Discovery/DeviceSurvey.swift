import LipTwitchDiscovery
import LipTwitchSystem

/// Every serial port on the machine now, each with the acceptance policy's verdict.
public struct DeviceSurvey: Sendable {
    /// The udev subsystem serial ports live in.
    static let subsystem = "tty"

    public let entries: [SurveyEntry]
    /// False when no tty carries a udev database record: no udev daemon runs here, so
    /// there are no `ID_*` properties, tags or by-id links, and no hotplug events.
    public let hasUdevDatabase: Bool

    /// Lists the ttys through libudev and judges each.
    public init(configuration: DiscoveryConfiguration) throws(SystemError) {
        let devices = try UdevContext().devices(subsystem: Self.subsystem)
        let candidates = devices.map(DeviceCandidate.init)
        entries = AcceptancePolicy(configuration: configuration).survey(candidates)
        hasUdevDatabase = candidates.contains { $0.source == .udev(initialized: true) }
    }
}
