import LipTwitchDiscovery
import Testing

/// Hotplug: udev's add, change and remove become appeared and disappeared, each once.
@Suite("Discovery tracker")
struct DiscoveryTrackerTests {
    static let sensor = Candidates.taggedSensor()
    static let chip = Candidates.usb("ttyUSB0", id: "067b:2303")

    @Test func enumerationAndMonitorOverlapReportOnce() {
        var tracker = DiscoveryTracker(policy: AcceptancePolicy())
        #expect(tracker.handle(.added(Self.sensor)) == [.appeared(Self.sensor, .taggedByRule)])
        #expect(tracker.handle(.added(Self.sensor)) == [])
        #expect(tracker.sensors == [Self.sensor])
    }

    @Test func unplugAndReplugUnderANewName() {
        var tracker = DiscoveryTracker(policy: AcceptancePolicy())
        let again = Candidates.taggedSensor("ttyACM1")
        let events = [
            tracker.handle(.added(Self.sensor)),
            tracker.handle(.removed(devicePath: "/dev/ttyACM0")),
            tracker.handle(.added(again)),
        ]
        #expect(events == [
            [.appeared(Self.sensor, .taggedByRule)],
            [.disappeared(devicePath: "/dev/ttyACM0")],
            [.appeared(again, .taggedByRule)],
        ])
        #expect(tracker.sensors.map(\.devicePath) == ["/dev/ttyACM1"])
    }

    @Test func aPortThatIsNotASensorIsIgnoredOnceAndNeverDisappears() {
        var tracker = DiscoveryTracker(policy: AcceptancePolicy())
        let events = tracker.handle(.added(Self.chip))
        #expect(events.count == 1)
        if case .ignored(let candidate, let reason) = events.first {
            #expect(candidate == Self.chip && reason.code == "generic_chip")
        }
        #expect(tracker.handle(.changed(Self.chip)) == [])
        #expect(tracker.handle(.removed(devicePath: "/dev/ttyUSB0")) == [])
        #expect(tracker.sensors.isEmpty)
    }

    @Test func installingTheRuleMakesADeviceAppearAndLosingTheTagMakesItGo() {
        var tracker = DiscoveryTracker(policy: AcceptancePolicy())
        let plain = Candidates.usb("ttyACM2", id: "2e8a:000a")
        let tagged = Candidates.usb("ttyACM2", id: "2e8a:000a", extra: ["LIPTWITCH_SENSOR": "1"])
        #expect(tracker.handle(.added(plain)).count == 1)
        #expect(tracker.handle(.changed(tagged)) == [.appeared(tagged, .taggedByRule)])
        #expect(tracker.handle(.changed(tagged)) == [])
        #expect(tracker.handle(.changed(plain)) == [.disappeared(devicePath: "/dev/ttyACM2")])
    }

    @Test func anotherSensorOnTheSamePathReplacesTheFirst() {
        var tracker = DiscoveryTracker(policy: AcceptancePolicy())
        let other = Candidates.taggedSensor(serial: "LT0002")
        _ = tracker.handle(.added(Self.sensor))
        #expect(tracker.handle(.added(other)) == [.disappeared(devicePath: "/dev/ttyACM0"), .appeared(other, .taggedByRule)])
    }

    @Test(arguments: [("add", true), ("change", true), ("remove", true), ("bind", false), ("unbind", false), ("move", false)])
    func udevActions(action: String, matters: Bool) {
        #expect((DeviceChange(action: action, candidate: Self.sensor) != nil) == matters)
        if action == "remove" {
            #expect(DeviceChange(action: action, candidate: Self.sensor) == .removed(devicePath: "/dev/ttyACM0"))
        }
    }
}
