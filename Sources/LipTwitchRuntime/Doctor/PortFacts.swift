import LipTwitchDiscovery
import LipTwitchSystem

/// One sensor port as `liptwitch doctor` found it: udev's facts, its owner and mode, who
/// holds it open, and what the sensor answered.
public struct PortFacts: Sendable {
    /// The device node (a named link resolved), e.g. `/dev/ttyACM0`.
    public var path: String
    /// udev's properties for the port; empty when udev does not know it.
    public var udevProperties: [String: String]
    /// udev's tags for the port (`uaccess`, `liptwitch`, ...).
    public var udevTags: [String]
    /// The USB vendor and product, when the port is on USB.
    public var usbID: USBDeviceID?
    /// nil when the node cannot be looked at.
    public var status: FileStatus?
    public var groupName: String?
    public var acl: FileACL
    /// True when the group database lists the user in the port's group (a new login
    /// would have it).
    public var userListedInGroup: Bool
    /// Processes other than this one with the port open.
    public var holders: [PortHolder]
    public var firmware: FirmwareProbeResult

    public init(
        path: String, udevProperties: [String: String] = [:], udevTags: [String] = [], usbID: USBDeviceID? = nil,
        status: FileStatus?, groupName: String? = nil, acl: FileACL = FileACL(), userListedInGroup: Bool = false,
        holders: [PortHolder] = [], firmware: FirmwareProbeResult = .skipped("not asked")
    ) {
        self.path = path
        self.udevProperties = udevProperties
        self.udevTags = udevTags
        self.usbID = usbID
        self.status = status
        self.groupName = groupName
        self.acl = acl
        self.userListedInGroup = userListedInGroup
        self.holders = holders
        self.firmware = firmware
    }

    /// True when udev tagged the port (property `TAGS` or the tag list) with `tag`.
    func isTagged(_ tag: String) -> Bool {
        udevTags.contains(tag) || (udevProperties["TAGS"] ?? "").split(separator: ":").contains { $0 == tag }
    }
}
