import Foundation
import LipTwitchDiscovery
import LipTwitchLink
import LipTwitchRuntime
import Testing

extension UmockdevTests {
    /// Discovery through the real libudev, against umockdev's fake devices and uevents.
    @Suite("Discovery through libudev (umockdev)")
    struct UdevDiscoveryTests {
        @Test func theSensorIsFoundAndTheCP2102BesideItIsLeftAlone() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensor())
            try testbed.add(Fixture.text("cp2102"))
            try testbed.add(Fixture.text("ttyS0"))

            let survey = try DeviceSurvey(configuration: DiscoveryConfiguration())
            #expect(survey.hasUdevDatabase)
            let byPath = Dictionary(uniqueKeysWithValues: survey.entries.map { ($0.candidate.devicePath, $0) })
            #expect(byPath.keys.sorted() == ["/dev/ttyACM0", "/dev/ttyS0", "/dev/ttyUSB0"])

            let sensor = try #require(byPath["/dev/ttyACM0"])
            #expect(sensor.verdict == .accepted(.taggedByRule))
            #expect(sensor.candidate.usbID == .lipTwitchSensor)
            #expect(sensor.candidate.serialNumber == "LT0001A2B3")
            #expect(sensor.candidate.manufacturer == "LipTwitch" && sensor.candidate.product == "LipTwitch Sensor")
            #expect(sensor.candidate.byIDPath == "/dev/serial/by-id/usb-LipTwitch_LipTwitch_Sensor_LT0001A2B3-if00")
            #expect(sensor.candidate.stableLink == "/dev/liptwitch/LT0001A2B3")
            #expect(sensor.candidate.isIgnoredByModemManager)

            let chip = try #require(byPath["/dev/ttyUSB0"])
            #expect(chip.verdict.code == "probe" && chip.verdict.needsProof, "a board sensors are built on")
            let strict = try DeviceSurvey(configuration: DiscoveryConfiguration(probeIDs: []))
            let alone = try #require(strict.entries.first { $0.candidate.devicePath == "/dev/ttyUSB0" })
            #expect(alone.verdict.code == "generic_chip")
            #expect(alone.verdict.sentence.hasPrefix("generic USB-serial chip (Silicon Labs CP210x), not a LipTwitch sensor"))
            #expect(byPath["/dev/ttyS0"]?.verdict == .rejected(.notUSB))
        }

        @Test func withoutUdevTheSensorIsFoundByItsUSBIdInSysfs() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensorWithoutUdev())
            let survey = try DeviceSurvey(configuration: DiscoveryConfiguration())
            #expect(!survey.hasUdevDatabase)
            let sensor = try #require(survey.entries.first)
            #expect(sensor.verdict == .accepted(.sensorID(.lipTwitchSensor)))
            #expect(sensor.candidate.serialNumber == "LT0001A2B3")
            #expect(sensor.candidate.byIDPath == nil && !sensor.candidate.isTaggedByRule)
        }

        @Test func hotplugAddRemoveAndAddAgain() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let monitor = try DiscoveryMonitor(configuration: DiscoveryConfiguration(probeIDs: []))
            let initial = try monitor.start()
            #expect(initial.count == 1)
            #expect(monitor.sensors.isEmpty)

            try testbed.add(Fixture.sensor())
            let appeared = try events(from: monitor) { $0.contains(where: \.isAppearance) }
            #expect(appeared.appearedPaths == ["/dev/ttyACM0"])
            #expect(monitor.sensors.map(\.serialNumber) == ["LT0001A2B3"])

            testbed.unplug(Fixture.sensorSysPath + "/1-1:1.0/tty/ttyACM0")
            testbed.unplug(Fixture.sensorSysPath)
            let gone = try events(from: monitor) { $0.contains(.disappeared(devicePath: "/dev/ttyACM0")) }
            #expect(gone == [.disappeared(devicePath: "/dev/ttyACM0")])
            #expect(monitor.sensors.isEmpty)

            try testbed.add(Fixture.sensorReplugged())
            let back = try events(from: monitor) { $0.contains(where: \.isAppearance) }
            #expect(back.appearedPaths == ["/dev/ttyACM1"])
            #expect(monitor.sensors.map(\.serialNumber) == ["LT0001A2B3"])
            #expect(monitor.sensors.first?.byIDPath == "/dev/serial/by-id/usb-LipTwitch_LipTwitch_Sensor_LT0001A2B3-if00")
        }

        @Test func aGenericChipPluggedInIsIgnoredWithItsReason() throws {
            let testbed = Testbed()
            let monitor = try DiscoveryMonitor(configuration: DiscoveryConfiguration(probeIDs: []))
            _ = try monitor.start()
            try testbed.add(Fixture.text("cp2102"))
            let events = try events(from: monitor) { !$0.isEmpty }
            guard case .ignored(let candidate, let reason) = try #require(events.first) else {
                Issue.record("expected the CP2102 to be ignored, got \(events)")
                return
            }
            #expect(candidate.devicePath == "/dev/ttyUSB0" && reason.code == "generic_chip")
            #expect(monitor.sensors.isEmpty)
        }

        @Test func aBoardSensorsAreBuiltOnAppearsOnProbation() throws {
            let testbed = Testbed()
            let monitor = try DiscoveryMonitor(configuration: DiscoveryConfiguration())
            _ = try monitor.start()
            try testbed.add(Fixture.text("cp2102"))
            let events = try events(from: monitor) { !$0.isEmpty }
            guard case .appeared(let candidate, let reason) = try #require(events.first) else {
                Issue.record("expected the CP2102 on probation, got \(events)")
                return
            }
            #expect(candidate.devicePath == "/dev/ttyUSB0" && reason.code == "probe" && reason.needsProof)
            #expect(DeviceEvent(events[0]) == .appeared(SensorLocation(
                devicePath: "/dev/ttyUSB0", byIdPath: candidate.byIDPath, serialNumber: "0001", vendorId: 0x10C4,
                productId: 0xEA60, needsProof: true, driverFamily: .liptwitch)))
        }

        @Test func theDeviceNodeIsARealPseudoTerminal() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensor())
            let device = testbed.deviceSide(of: "/dev/ttyACM0")
            #expect(device >= 0)
            let host = open("/dev/ttyACM0", O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
            try #require(host >= 0, "open /dev/ttyACM0: errno \(errno)")
            defer { close(host) }
            for descriptor in [host, device] { try makeRaw(descriptor) }

            let toHost: [UInt8] = [0x02, 0x01, 0x01, 0x00, 0x00]
            #expect(write(device, toHost, toHost.count) == toHost.count)
            #expect(try read(toHost.count, from: host) == toHost)
            let toDevice: [UInt8] = [0x03, 0x81, 0x05, 0x00]
            #expect(write(host, toDevice, toDevice.count) == toDevice.count)
            #expect(try read(toDevice.count, from: device) == toDevice)
        }

        /// Collects discovery events until `done` holds for them, or fails after a generous timeout.
        private func events(
            from monitor: DiscoveryMonitor, timeout: Duration = .seconds(20), until done: ([DiscoveryEvent]) -> Bool
        ) throws -> [DiscoveryEvent] {
            let clock = ContinuousClock()
            let deadline = clock.now + timeout
            var events: [DiscoveryEvent] = []
            while !done(events) {
                guard clock.now < deadline else {
                    Issue.record("no such discovery event within \(timeout); got \(events)")
                    return events
                }
                events += try monitor.waitForEvents(timeoutMilliseconds: 500)
            }
            return events
        }

        private func makeRaw(_ descriptor: Int32) throws {
            var settings = termios()
            try #require(tcgetattr(descriptor, &settings) == 0)
            cfmakeraw(&settings)
            try #require(tcsetattr(descriptor, TCSANOW, &settings) == 0)
        }

        /// Reads exactly `count` bytes, waiting for each part with a generous timeout.
        private func read(_ count: Int, from descriptor: Int32) throws -> [UInt8] {
            var bytes: [UInt8] = []
            while bytes.count < count {
                var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                try #require(poll(&ready, 1, 10_000) == 1, "no bytes within 10 s")
                var chunk = [UInt8](repeating: 0, count: count - bytes.count)
                let got = Glibc.read(descriptor, &chunk, chunk.count)
                try #require(got > 0, "read: \(got), errno \(errno)")
                bytes += chunk[..<got]
            }
            return bytes
        }
    }
}

extension DiscoveryEvent {
    fileprivate var isAppearance: Bool {
        if case .appeared = self { true } else { false }
    }
}

extension [DiscoveryEvent] {
    fileprivate var appearedPaths: [String] {
        compactMap { event in
            if case .appeared(let candidate, _) = event { candidate.devicePath } else { nil }
        }
    }
}
