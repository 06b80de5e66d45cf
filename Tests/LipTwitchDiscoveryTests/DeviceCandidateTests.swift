import LipTwitchDiscovery
import Testing

/// Reading udev's properties and sysfs attributes into a candidate.
@Suite("Device candidates")
struct DeviceCandidateTests {
    @Test func aTaggedSensorCarriesItsIdentity() {
        let sensor = Candidates.taggedSensor()
        #expect(sensor.isUSB && sensor.isTaggedByRule && sensor.isIgnoredByModemManager)
        #expect(sensor.usbID == .lipTwitchSensor)
        #expect(sensor.serialNumber == "LT0001A2B3")
        #expect(sensor.byIDPath == "/dev/serial/by-id/usb-Maker_LipTwitch_Sensor_LT0001A2B3-if00")
        #expect(sensor.stableLink == nil)
    }

    @Test func theTagAloneMarksASensor() {
        let tagged = Candidates.usb("ttyACM3", id: "2e8a:000a", tags: ["systemd", "liptwitch"])
        #expect(tagged.isTaggedByRule)
        let byProperty = Candidates.usb("ttyACM3", id: "2e8a:000a", extra: ["TAGS": ":liptwitch:"])
        #expect(byProperty.isTaggedByRule)
        #expect(!Candidates.usb("ttyACM3", id: "2e8a:000a", extra: ["TAGS": ":systemd:"]).isTaggedByRule)
    }

    @Test func linksAreSplitAndTheStableOnesFound() {
        let sensor = Candidates.usb(
            "ttyACM0", id: "1209:4c54",
            extra: ["DEVLINKS": "/dev/serial/by-path/pci-0000:00:14.0-usb-0:1:1.0 /dev/liptwitch/LT7 /dev/serial/by-id/usb-X_LT7-if00"])
        #expect(sensor.links.count == 3)
        #expect(sensor.byIDPath == "/dev/serial/by-id/usb-X_LT7-if00")
        #expect(sensor.stableLink == "/dev/liptwitch/LT7")
    }

    @Test func sysfsAttributesWinOverUdevProperties() {
        let candidate = DeviceCandidate(
            devicePath: "/dev/ttyACM0", sysName: "ttyACM0", sysPath: "/sys/x", isInitialized: true,
            properties: ["ID_BUS": "usb", "ID_VENDOR_ID": "1111", "ID_MODEL_ID": "2222", "ID_SERIAL_SHORT": "A_B",
                         "ID_VENDOR": "Lip_Twitch", "ID_MODEL": "Sensor_One"],
            tags: [], usbAttributes: ["idVendor": "1209", "idProduct": "4c54", "serial": "A B"])
        #expect(candidate.usbID == .lipTwitchSensor)
        #expect(candidate.serialNumber == "A B")
        #expect(candidate.manufacturer == "Lip Twitch" && candidate.product == "Sensor One")
    }

    @Test func aRemoveEventHasOnlyTheProperties() {
        let removed = DeviceCandidate(
            devicePath: "/dev/ttyACM0", sysName: "ttyACM0", sysPath: "/sys/x", isInitialized: true,
            properties: ["ID_BUS": "usb", "ID_VENDOR_ID": "1209", "ID_MODEL_ID": "4c54", "ID_SERIAL_SHORT": "LT1"],
            tags: [], usbAttributes: nil)
        #expect(removed.isUSB && removed.usbID == .lipTwitchSensor && removed.serialNumber == "LT1")
    }

    @Test func aPCISerialCardIsNotUSB() {
        let card = DeviceCandidate(
            devicePath: "/dev/ttyS4", sysName: "ttyS4", sysPath: "/sys/x", isInitialized: true,
            properties: ["ID_BUS": "pci", "ID_VENDOR_ID": "0x1415", "ID_MODEL_ID": "0xc158"], tags: [], usbAttributes: nil)
        #expect(!card.isUSB && card.usbID == nil)
    }

    @Test(arguments: ["tty", "tty0", "tty63", "console", "ptmx"])
    func virtualTerminals(name: String) {
        #expect(Candidates.plain(name).isVirtualTerminal)
    }

    @Test(arguments: ["ttyS0", "ttyACM0", "ttyUSB1", "ttyAMA0", "ttyprintk"])
    func serialPortsAreNotVirtualTerminals(name: String) {
        #expect(!Candidates.plain(name).isVirtualTerminal)
    }

    @Test func anExplicitPathUdevDoesNotKnow() {
        let pty = DeviceCandidate(explicitPath: "/dev/pts/7", isPresent: true)
        #expect(pty.sysName == "7" && pty.source == .explicitOnly && !pty.isUSB)
        #expect(DeviceCandidate(explicitPath: "/dev/nothing", isPresent: false).source == .missing)
    }
}
