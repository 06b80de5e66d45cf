import LipTwitchDiscovery
import LipTwitchDrivers
import Testing

/// Which ports are taken, and the reason given for each (docs/DISCOVERY.md).
@Suite("Acceptance policy")
struct AcceptancePolicyTests {
    static let policy = AcceptancePolicy()

    @Test func theTaggedSensorIsTaken() {
        #expect(Self.policy.verdict(for: Candidates.taggedSensor()) == .accepted(.taggedByRule))
    }

    @Test func theSensorIdIsTakenWithoutTheRule() {
        let untagged = Candidates.usb("ttyACM0", id: "1209:4c54")
        let verdict = Self.policy.verdict(for: untagged)
        #expect(verdict == .accepted(.sensorID(.lipTwitchSensor)))
        #expect(verdict.sentence == "USB id 1209:4c54 is the LipTwitch sensor's")
    }

    @Test func theSensorIdIsTakenWithNoUdevDatabase() {
        let bare = DeviceCandidate(
            devicePath: "/dev/ttyACM0", sysName: "ttyACM0", sysPath: "/sys/x", isInitialized: false,
            properties: [:], tags: [], usbAttributes: ["idVendor": "1209", "idProduct": "4c54"])
        #expect(Self.policy.verdict(for: bare).isAccepted)
    }

    @Test(arguments: [
        ("2341:0043", "USB id 2341:0043 is"), ("2a03:0043", "USB id 2a03:0043 is"),
        ("1a86:7523", "USB id 1a86:7523 (WCH CH340) is"), ("0403:6001", "USB id 0403:6001 (FTDI FT232R) is"),
        ("10c4:ea60", "USB id 10c4:ea60 (Silicon Labs CP210x) is"),
    ])
    func theBoardsSensorsAreBuiltOnAreTakenOnProbation(id: String, start: String) {
        let verdict = Self.policy.verdict(for: Candidates.usb("ttyUSB0", id: id))
        guard case .accepted(let reason) = verdict else {
            Issue.record("\(id): \(verdict)")
            return
        }
        #expect(reason.needsProof && verdict.code == "probe")
        #expect(verdict.sentence == start + " a board LipTwitch sensors are built on: taken only if it answers the "
            + "LipTwitch handshake (--no-probe leaves it alone)")
        let noProbe = AcceptancePolicy(configuration: DiscoveryConfiguration(probeIDs: []))
        #expect(!noProbe.verdict(for: Candidates.usb("ttyUSB0", id: id)).isAccepted)
    }

    @Test(arguments: [
        ("0403:6014", "FTDI FT232H"),
        ("0403:abcd", "FTDI"),
        ("1a86:5523", "WCH CH341"),
        ("067b:2303", "Prolific PL2303"),
    ])
    func otherGenericChipsAreNeverTakenUninvited(id: String, chip: String) {
        let verdict = Self.policy.verdict(for: Candidates.usb("ttyUSB0", id: id))
        #expect(verdict == .rejected(.genericChip(GenericSerialChip.identify(USBDeviceID(parsing: id)!)!)))
        #expect(verdict.code == "generic_chip")
        #expect(
            verdict.sentence
                == "generic USB-serial chip (\(chip)), not a LipTwitch sensor; use --device PATH if it is one")
    }

    @Test func anotherUSBDeviceIsLeftAloneWithAdvice() {
        let verdict = Self.policy.verdict(for: Candidates.usb("ttyACM1", id: "2341:8036"))
        #expect(verdict == .rejected(.otherUSB(USBDeviceID(vendor: 0x2341, product: 0x8036))))
        #expect(verdict.sentence.contains("use --device PATH or --usb-id 2341:8036"))
        let unreadable = DeviceCandidate(
            devicePath: "/dev/ttyACM1", sysName: "ttyACM1", sysPath: "/sys/x", isInitialized: false,
            properties: [:], tags: [], usbAttributes: [:])
        #expect(Self.policy.verdict(for: unreadable) == .rejected(.otherUSB(nil)))
    }

    @Test(arguments: [
        ("ttyS0", RejectReason.notUSB), ("ttyAMA0", .notUSB),
        ("tty1", .virtualTerminal), ("console", .virtualTerminal), ("ptmx", .virtualTerminal),
    ])
    func portsNotOnUSBAreLeftAlone(name: String, reason: RejectReason) {
        #expect(Self.policy.verdict(for: Candidates.plain(name)) == .rejected(reason))
    }

    @Test func aConfiguredIdIsAnInvitation() {
        let policy = AcceptancePolicy(configuration: DiscoveryConfiguration(
            sensorIDs: [.lipTwitchSensor, USBDeviceID(vendor: 0x10C4, product: 0xEA60)]))
        let verdict = policy.verdict(for: Candidates.usb("ttyUSB0", id: "10c4:ea60"))
        #expect(verdict == .accepted(.sensorID(USBDeviceID(vendor: 0x10C4, product: 0xEA60))))
        #expect(verdict.sentence.contains("configured sensor ids"))
        #expect(policy.verdict(for: Candidates.usb("ttyUSB1", id: "0403:6014")).isAccepted == false)
    }

    @Test func theCytonsDongleIsProbedWithItsOwnDriverAndOnlyWhenProbingIsOn() {
        let verdict = Self.policy.verdict(for: Candidates.usb("ttyUSB0", id: "0403:6015"))
        #expect(verdict == .accepted(.boardProbe(.openBCIDongle, .openBCICyton)))
        #expect(verdict.needsProof && !verdict.isSensor && verdict.code == "probe")
        #expect(verdict.sentence == "USB id 0403:6015 (FTDI FT-X) is the chip of an OpenBCI Cyton: taken with --driver "
            + "openbci-cyton only if one answers (--no-probe leaves it alone)")
        guard case .accepted(let reason) = verdict else { return }
        #expect(reason.driverFamily == .openBCICyton)
        let noProbe = AcceptancePolicy(configuration: DiscoveryConfiguration(probeIDs: [], boardProbes: [:]))
        #expect(noProbe.verdict(for: Candidates.usb("ttyUSB0", id: "0403:6015"))
            == .rejected(.genericChip(GenericSerialChip.identify(.openBCIDongle)!)))
    }

    @Test(arguments: [
        ExplicitDevice(path: "/dev/ttyUSB0", resolvedPath: "/dev/ttyUSB0"),
        ExplicitDevice(path: "/dev/serial/by-id/usb-Maker_Device_0001-if00", resolvedPath: nil),
        ExplicitDevice(path: "/dev/my-sensor", resolvedPath: "/dev/ttyUSB0"),
    ])
    func aNamedDeviceIsTakenWhateverItIs(explicit: ExplicitDevice) {
        let policy = AcceptancePolicy(configuration: DiscoveryConfiguration(explicitDevices: [explicit], probeIDs: []))
        #expect(policy.verdict(for: Candidates.usb("ttyUSB0", id: "10c4:ea60")) == .accepted(.named))
        #expect(policy.verdict(for: Candidates.usb("ttyUSB1", id: "10c4:ea60", serial: "0002")).isAccepted == false)
    }

    @Test func theSurveyAddsNamedPathsUdevDoesNotKnowAndSortsByName() {
        let policy = AcceptancePolicy(configuration: DiscoveryConfiguration(explicitDevices: [
            ExplicitDevice(path: "/dev/pts/4", resolvedPath: "/dev/pts/4"),
            ExplicitDevice(path: "/dev/ttyACM9", resolvedPath: nil),
            ExplicitDevice(path: "/dev/ttyS10", resolvedPath: "/dev/ttyS10"),
        ]))
        let survey = policy.survey([Candidates.plain("ttyS10"), Candidates.plain("ttyS2"), Candidates.taggedSensor()])
        #expect(survey.map(\.candidate.devicePath) == ["/dev/pts/4", "/dev/ttyACM0", "/dev/ttyACM9", "/dev/ttyS2", "/dev/ttyS10"])
        #expect(survey.map(\.verdict.code) == ["named", "tagged", "missing", "not_usb", "named"])
        #expect(survey[2].verdict.sentence.hasPrefix("named with --device but not present"))
    }
}
