/// Decides which serial ports are LipTwitch sensors: a pure function of the udev facts
/// and the configuration (`docs/DISCOVERY.md`).
///
/// Taken, in this order: a path named with `--device`; a device the project's udev rule
/// tagged; a USB device whose vendor:product is a configured sensor id (by default only
/// 1209:4c54); and, on probation, a USB device whose vendor:product is a board LipTwitch
/// sensors are built on (`USBDeviceID.sensorBoards`: the Arduino Uno, and the CH340, FT232R
/// and CP2102 of Nanos and clones), which the link keeps only if the LipTwitch handshake
/// answers and releases otherwise; and, on probation too, another maker's board whose port
/// has its own id (`USBDeviceID.boardDongles`: the OpenBCI Cyton's dongle), kept only if
/// that board answers its driver's handshake. Everything else is left alone, with a reason: other
/// generic USB-serial chips are never opened uninvited, since the port could belong to a
/// GPS, a printer or a modem.
public struct AcceptancePolicy: Sendable {
    public let configuration: DiscoveryConfiguration

    public init(configuration: DiscoveryConfiguration = DiscoveryConfiguration()) {
        self.configuration = configuration
    }

    public func verdict(for candidate: DeviceCandidate) -> CandidateVerdict {
        switch candidate.source {
        case .missing: return .rejected(.missing)
        case .explicitOnly: return .accepted(.named)
        case .udev: break
        }
        if configuration.explicitDevices.contains(where: { $0.names(candidate) }) { return .accepted(.named) }
        if candidate.isTaggedByRule { return .accepted(.taggedByRule) }
        if let id = candidate.usbID, configuration.sensorIDs.contains(id) { return .accepted(.sensorID(id)) }
        if let id = candidate.usbID, configuration.probeIDs.contains(id) {
            return .accepted(.probe(id, GenericSerialChip.identify(id)))
        }
        if let id = candidate.usbID, let family = configuration.boardProbes[id] { return .accepted(.boardProbe(id, family)) }
        if candidate.isVirtualTerminal { return .rejected(.virtualTerminal) }
        guard candidate.isUSB else { return .rejected(.notUSB) }
        if let id = candidate.usbID, let chip = GenericSerialChip.identify(id) { return .rejected(.genericChip(chip)) }
        return .rejected(.otherUSB(candidate.usbID))
    }

    /// The candidates udev reported plus each `--device` path that names none of them,
    /// in device-name order (`ttyS2` before `ttyS10`).
    public func withExplicitDevices(_ candidates: [DeviceCandidate]) -> [DeviceCandidate] {
        let unnamed = configuration.explicitDevices.filter { explicit in !candidates.contains(where: explicit.names) }
        let all = candidates + unnamed.map { DeviceCandidate(explicitPath: $0.path, isPresent: $0.resolvedPath != nil) }
        return all.sorted { Self.sortKey($0.devicePath) < Self.sortKey($1.devicePath) }
    }

    /// Every candidate of `withExplicitDevices(candidates)` with its verdict.
    public func survey(_ candidates: [DeviceCandidate]) -> [SurveyEntry] {
        withExplicitDevices(candidates).map { SurveyEntry(candidate: $0, verdict: verdict(for: $0)) }
    }

    /// Splits a trailing number off a path so that names sort as people expect.
    private static func sortKey(_ path: String) -> SortKey {
        let digits = path.reversed().prefix(while: \.isNumber)
        return SortKey(stem: String(path.dropLast(digits.count)), number: Int(String(digits.reversed())) ?? -1)
    }

    private struct SortKey: Comparable {
        let stem: String
        let number: Int
        static func < (a: SortKey, b: SortKey) -> Bool { (a.stem, a.number) < (b.stem, b.number) }
    }
}
