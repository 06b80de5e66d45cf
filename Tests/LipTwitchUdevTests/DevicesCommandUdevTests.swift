import Foundation
import Testing

extension UmockdevTests {
    /// `liptwitch devices` end to end against umockdev's fake devices: the real
    /// executable, the real libudev, deterministic findings.
    @Suite("liptwitch devices (umockdev)")
    struct DevicesCommandUdevTests {
        @Test func saysWhichPortIsTakenAndWhyTheOtherIsNot() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensor())
            try testbed.add(Fixture.text("cp2102"))
            try testbed.add(Fixture.text("ttyS0"))
            let result = try LiptwitchRun(["devices"]).finish()
            #expect(result.status == 0)
            #expect(result.lines == [
                "/dev/ttyACM0  taken: tagged by the LipTwitch udev rule",
                "              LipTwitch Sensor by LipTwitch, USB 1209:4c54, serial LT0001A2B3",
                "              /dev/serial/by-id/usb-LipTwitch_LipTwitch_Sensor_LT0001A2B3-if00",
                "              /dev/liptwitch/LT0001A2B3",
                "/dev/ttyUSB0  on probation: USB id 10c4:ea60 (Silicon Labs CP210x) is a board LipTwitch sensors are "
                    + "built on: taken only if it answers the LipTwitch handshake (--no-probe leaves it alone)",
                "              CP2102 USB to UART Bridge Controller by Silicon Labs, USB 10c4:ea60, serial 0001",
                "              /dev/serial/by-id/usb-Silicon_Labs_CP2102_USB_to_UART_Bridge_Controller_0001-if00-port0",
            ])
            #expect(result.errors.contains("1 other tty is not on USB"))
            #expect(result.errors.contains("/dev/ttyUSB0: a board a LipTwitch sensor may be built on; the daemon opens it"))
            #expect(result.errors.hasSuffix("1 sensor: /dev/ttyACM0\n"))
            #expect(!result.errors.contains("no udev daemon"))
        }

        @Test func withNoSensorItSaysWhatToCheck() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let result = try LiptwitchRun(["devices", "--no-probe"]).finish()
            #expect(result.status == 0)
            #expect(result.lines.first?.hasPrefix("/dev/ttyUSB0  not taken: generic USB-serial chip") == true)
            #expect(result.errors.hasPrefix("No sensor found. Plug it in"))
            for advice in ["udevadm info /dev/ttyACM0", "sudo cp udev/70-liptwitch.rules /etc/udev/rules.d/", "--device /dev/ttyUSB0"] {
                #expect(result.errors.contains(advice), "\(advice)")
            }
        }

        @Test func aSensorTheRuleDidNotMarkIsTakenWithAWarning() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.sensorWithoutTheRule())
            let result = try LiptwitchRun(["devices"]).finish()
            #expect(result.lines.first == "/dev/ttyACM0  taken: USB id 1209:4c54 is the LipTwitch sensor's")
            #expect(result.errors.contains("the LipTwitch udev rule has not marked it: ModemManager may probe it"))
        }

        @Test func aNamedGenericChipIsTaken() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let link = "/dev/serial/by-id/usb-Silicon_Labs_CP2102_USB_to_UART_Bridge_Controller_0001-if00-port0"
            let result = try LiptwitchRun(["devices", "--json", "--device", link]).finish()
            let device = try #require(result.lines.first.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            #expect(device["path"] as? String == "/dev/ttyUSB0")
            #expect(device["taken"] as? Bool == true && device["reason_code"] as? String == "named")
            #expect(result.lines.count == 2)
        }

        @Test func watchReportsPlugAndUnplug() throws {
            let testbed = Testbed()
            try testbed.add(Fixture.text("cp2102"))
            let watch = try LiptwitchRun(["devices", "--watch", "--json", "--no-probe"])
            let present = try #require(try watch.nextLine())
            #expect(present.hasPrefix(#"{"class":"ignored","path":"/dev/ttyUSB0""#))

            try testbed.add(Fixture.sensor())
            let appeared = try #require(try watch.nextLine())
            #expect(appeared.hasPrefix(#"{"class":"appeared","path":"/dev/ttyACM0""#))
            #expect(appeared.contains(#""serial":"LT0001A2B3""#) && appeared.contains(#""reason_code":"tagged""#))

            testbed.unplug(Fixture.sensorSysPath + "/1-1:1.0/tty/ttyACM0")
            #expect(try watch.nextLine() == #"{"class":"disappeared","path":"/dev/ttyACM0"}"#)
            watch.stop()
        }
    }
}
