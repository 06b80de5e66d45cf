/// How a virtual sensor is served, beyond what the simulated firmware is.
public struct VirtualSensorOptions: Sendable {
    /// A symbolic link kept pointing at the current pseudo-terminal, like a
    /// `/dev/serial/by-id` link: a stable path across unplugs.
    public var symlink: String?
    /// After the disconnect fault, the sensor is plugged in again (a new pseudo-terminal)
    /// this much later; nil leaves it unplugged.
    public var replugAfter: Duration? = .seconds(1)
    /// The sensor's clock runs this much fast (negative: slow) against the host's.
    public var driftPartsPerMillion = 0.0

    public init(symlink: String? = nil, replugAfter: Duration? = .seconds(1), driftPartsPerMillion: Double = 0) {
        self.symlink = symlink
        self.replugAfter = replugAfter
        self.driftPartsPerMillion = driftPartsPerMillion
    }
}
