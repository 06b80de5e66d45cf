/// Turns udev's add, change and remove events into sensor appearances and
/// disappearances, each reported once.
///
/// The runtime starts the udev monitor before it enumerates, then feeds both the
/// enumeration (as `added`) and the monitor's events here; a device seen twice in that
/// overlap is reported once. A `change` that makes a port a sensor (the rule was just
/// installed and triggered) makes it appear; one that makes it no longer a sensor makes
/// it disappear.
public struct DiscoveryTracker: Sendable {
    public let policy: AcceptancePolicy
    private var present: [String: DeviceCandidate] = [:]

    public init(policy: AcceptancePolicy) {
        self.policy = policy
    }

    /// The sensors present now, by device path.
    public var sensors: [DeviceCandidate] {
        present.values.sorted { $0.devicePath < $1.devicePath }
    }

    public mutating func handle(_ change: DeviceChange) -> [DiscoveryEvent] {
        switch change {
        case .added(let candidate): return update(candidate, reportIgnored: true)
        case .changed(let candidate): return update(candidate, reportIgnored: false)
        case .removed(let path): return present.removeValue(forKey: path) == nil ? [] : [.disappeared(devicePath: path)]
        }
    }

    private mutating func update(_ candidate: DeviceCandidate, reportIgnored: Bool) -> [DiscoveryEvent] {
        let path = candidate.devicePath
        let known = present[path]
        switch policy.verdict(for: candidate) {
        case .accepted(let reason):
            present[path] = candidate
            guard let known else { return [.appeared(candidate, reason)] }
            if known.serialNumber == candidate.serialNumber, known.sysPath == candidate.sysPath { return [] }
            return [.disappeared(devicePath: path), .appeared(candidate, reason)]
        case .rejected(let reason):
            if known != nil {
                present[path] = nil
                return [.disappeared(devicePath: path)]
            }
            return reportIgnored ? [.ignored(candidate, reason)] : []
        }
    }
}
