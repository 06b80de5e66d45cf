import LipTwitchDiscovery
import LipTwitchSystem

/// Gathers `DoctorFacts` from this machine: the rule files, the sensors udev lists (and
/// ports named with `--device`), their owners, modes, ACLs and holders, the service, the
/// journal directory and the live socket; and, unless told not to, the sensor's answer.
public struct DoctorSurvey {
    public var paths = DoctorPaths()
    public var user = UserIdentity.current
    public var probeFirmware = true
    /// False to leave out the scan of `/proc` for processes holding a port: under
    /// umockdev's preload library (the udev tests) that scan aborts the process.
    public var findHolders = true

    public init() {}

    public func facts(
        discovery: DiscoveryConfiguration, journalDirectory: String, socket: LiveSocketLocation
    ) -> DoctorFacts {
        let ruleFiles = paths.ruleDirectories.map { "\($0)/\(paths.ruleName)" }.filter(FileStatus.exists)
        return DoctorFacts(
            user: user, ruleFiles: ruleFiles, udevRuns: FileStatus.exists(paths.udevControl),
            ports: ports(discovery), modemManager: paths.modemManagerPrograms.first(where: FileStatus.exists),
            brltty: paths.brlttyPrograms.first(where: FileStatus.exists),
            brlttyRules: paths.brlttyRules.compactMap(FileStatus.text(of:)).joined(separator: "\n"),
            service: service, journal: journal(journalDirectory), socket: liveSocket(socket.path))
    }

    /// The ports discovery takes, each looked at.
    private func ports(_ configuration: DiscoveryConfiguration) -> [PortFacts] {
        let devices = (try? UdevContext().devices(subsystem: DeviceSurvey.subsystem)) ?? []
        let byPath = Dictionary(devices.map { ($0.devicePath ?? "/dev/\($0.sysName)", $0) }, uniquingKeysWith: { a, _ in a })
        let entries = AcceptancePolicy(configuration: configuration).survey(devices.map(DeviceCandidate.init))
        return entries.filter(\.verdict.isAccepted).map { entry in
            port(entry.candidate.devicePath, udev: byPath[entry.candidate.devicePath], usbID: entry.candidate.usbID)
        }
    }

    private func port(_ path: String, udev: UdevDevice?, usbID: USBDeviceID?) -> PortFacts {
        let status = FileStatus.of(path)
        var port = PortFacts(
            path: path, udevProperties: udev?.properties ?? [:], udevTags: udev?.tags ?? [], usbID: usbID,
            status: status, groupName: status.flatMap { UserIdentity.groupName($0.group) }, acl: FileACL.of(path),
            holders: findHolders ? PortHolder.holding(path).filter { $0.pid != SystemEnvironment.processID } : [])
        port.userListedInGroup = status.map { UserIdentity.isListed(user.name, inGroup: $0.group) } ?? false
        let other = port.holders.first { $0.command != "liptwitch" }
        port.firmware =
            if !probeFirmware { .skipped("--no-handshake") }
            else if let other { .skipped("\(other) holds the port") }
            else if port.access(for: user) == nil { .skipped("\(user.name) cannot open the port") }
            else { FirmwareProbe.probe(path) }
        return port
    }

    private var service: ServiceFacts {
        guard let systemctl = paths.systemctlPrograms.first(where: FileStatus.exists) else { return ServiceFacts(systemctl: nil) }
        let ask = { (verb: String) -> String? in
            let answer = ProgramOutput.run(systemctl, ["--user", verb, "liptwitch.service"])
            return answer.status == nil || answer.text.isEmpty || answer.text.contains(" ") ? nil : answer.text
        }
        return ServiceFacts(systemctl: systemctl, enabled: ask("is-enabled"), active: ask("is-active"))
    }

    private func journal(_ path: String) -> JournalDirectoryFacts {
        var existing = path
        while !FileStatus.exists(existing), existing.contains("/"), existing != "/" {
            existing = String(existing[..<(existing.lastIndex(of: "/") ?? existing.startIndex)])
            if existing.isEmpty { existing = "/" }
        }
        var openFiles: [String: UInt32] = [:]
        for name in FileStatus.names(in: path) {
            if let status = FileStatus.of("\(path)/\(name)"), status.permissions & 0o077 != 0 {
                openFiles[name] = status.permissions
            }
        }
        return JournalDirectoryFacts(
            path: path, status: FileStatus.of(path), openFiles: openFiles, isWritable: FileStatus.isWritable(existing),
            availableBytes: DiskSpace.available(at: existing))
    }

    private func liveSocket(_ path: String) -> LiveSocketFacts {
        LiveSocketFacts(path: path, exists: FileStatus.exists(path), answers: UnixConnector.answers(at: path))
    }
}
