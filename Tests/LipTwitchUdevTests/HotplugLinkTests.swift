import LipTwitchDiscovery
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

extension UmockdevTests {
    /// Issue 4 end to end: the real libudev, under umockdev, finds the sensor and leaves the
    /// CP2102 beside it alone; discovery feeds a `SensorLink`; the simulated firmware answers
    /// on the pseudo-terminal behind the fake `/dev/ttyACM0`; the sensor is unplugged,
    /// plugged in again as `/dev/ttyACM1`, and the stream resumes. No sleeps: each step
    /// waits for what the link reports.
    @Suite("Hotplug: discovery feeds the link (umockdev)")
    struct HotplugLinkTests {
        /// The firmware of the fixtures' sensor: its identity says the USB serial number.
        private var firmware: SimulatorConfiguration {
            var configuration = SimulatorConfiguration()
            configuration.serialNumber = "LT0001A2B3"
            return configuration
        }

        @Test func theSensorIsFoundStreamsAndResumesAfterUnplugAndReplug() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let outputs = try Recorder<LinkOutput>()
            let link = try SensorLink(consumer: outputs.record)
            // The CP2102 is a generic chip off probation here (--no-probe): one link, one sensor.
            let discovery = try DiscoveryFeed(into: link, configuration: DiscoveryConfiguration(probeIDs: []))

            // Plugged in: udev announces it, discovery takes it, the link opens the node and
            // shakes hands with the firmware on the other side of its pty, and samples flow.
            try testbed.add(Fixture.sensor())
            let sensor = try VirtualSensor(configuration: firmware, master: testbed.deviceSide(of: "/dev/ttyACM0"))
            #expect(outputs.wait { $0.batchCount(inStream: 1) >= 100 })

            // Unplugged: udev's remove event reaches the link through discovery. (umockdev
            // keeps the pty behind a removed node, so the link hears of it from udev alone;
            // the old sensor is switched off once the link has let go.)
            testbed.unplug(Fixture.sensorSysPath + "/1-1:1.0/tty/ttyACM0")
            testbed.unplug(Fixture.sensorSysPath)
            #expect(outputs.wait { $0.has("removed") })
            #expect(link.statistics.phase == .absent)
            sensor.stop()

            // Plugged in again, into another USB port, where the kernel names it ttyACM1.
            try testbed.add(Fixture.sensorReplugged())
            let replugged = try VirtualSensor(configuration: firmware, master: testbed.deviceSide(of: "/dev/ttyACM1"))
            #expect(outputs.wait { $0.batchCount(inStream: 2) >= 100 })

            link.stop()
            discovery.stop()
            replugged.stop()

            #expect(discovery.events.all.map(\.summary) == [
                "ignored /dev/ttyUSB0: generic_chip",
                "appeared /dev/ttyACM0: tagged",
                "disappeared /dev/ttyACM0",
                "appeared /dev/ttyACM1: tagged",
            ])
            let events = outputs.all.events
            #expect(events.map(\.name) == [
                "opening", "opened", "identified", "streaming",
                "removed",
                "opening", "opened", "identified", "streaming",
                "stopping", "stopped",
            ])
            // The link knew the sensor by its udev facts before it said a word, and it said
            // the same serial number.
            let byID = "/dev/serial/by-id/usb-LipTwitch_LipTwitch_Sensor_LT0001A2B3-if00"
            #expect(events.openings == ["/dev/ttyACM0", "/dev/ttyACM1"].map {
                SensorLocation(
                    devicePath: $0, byIdPath: byID, serialNumber: "LT0001A2B3", vendorId: 0x1209, productId: 0x4C54,
                    driverFamily: .liptwitch)
            })
            #expect(events.contains(.removed(path: "/dev/ttyACM0")))
            #expect(events.identifiedSerialNumbers == ["LT0001A2B3", "LT0001A2B3"])

            // The CP2102 was only ever looked at: the link opened no other port, and not a
            // byte reached the chip.
            #expect(!testbed.hasBytesWaiting(at: "/dev/ttyUSB0"))

            // The stream resumed: the replugged sensor counts from 0 again (a stream start),
            // no sample went missing within either stream, and host time only moved on.
            let batches = outputs.all.batches
            #expect(batches.map(\.timing.continuity).filter { $0 != .continuous } == [.streamStart, .streamStart])
            #expect(zip(batches, batches.dropFirst()).allSatisfy { $1.timing.firstSampleTime > $0.timing.firstSampleTime })

            let statistics = link.statistics
            #expect(statistics.link.opens == 2)
            #expect(statistics.link.streamsStarted == 2)
            #expect(statistics.link.reconnects == 1)
            #expect(statistics.link.disconnects == 1, "the removal while streaming")
            #expect(statistics.link.openFailures == 0 && statistics.link.handshakeFailures == 0)
            #expect(statistics.link.stalls == 0)
            #expect(statistics.decoder.crcFailures == 0)
            #expect(statistics.phase == .stopped)
        }
    }
}

extension DiscoveryEvent {
    /// The event in a few words: what, which port, why.
    fileprivate var summary: String {
        switch self {
        case .appeared(let candidate, let reason): "appeared \(candidate.devicePath): \(reason.code)"
        case .disappeared(let devicePath): "disappeared \(devicePath)"
        case .ignored(let candidate, let reason): "ignored \(candidate.devicePath): \(reason.code)"
        }
    }
}

extension [LinkEvent] {
    /// Where the link went to open a port, in order.
    fileprivate var openings: [SensorLocation] {
        compactMap { if case .opening(let location) = $0 { location } else { nil } }
    }

    /// The serial number each handshake's identity gave, in order.
    fileprivate var identifiedSerialNumbers: [String] {
        compactMap { if case .identified(let identity) = $0 { identity.serialNumber } else { nil } }
    }
}
