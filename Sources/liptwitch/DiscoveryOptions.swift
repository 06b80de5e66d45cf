import ArgumentParser
import LipTwitchDiscovery
import LipTwitchRuntime

/// Options that widen which ports count as sensors, shared by every command that finds one.
struct DiscoveryOptions: ParsableArguments {
    @Option(
        name: .customLong("device"),
        help: ArgumentHelp(
            "Take this port as a sensor whatever it is (repeatable); a /dev/serial/by-id/... link works too.",
            valueName: "path"))
    var devices: [String] = []

    @Option(
        name: .customLong("usb-id"),
        help: ArgumentHelp(
            "Also take USB ports with this vendor:product, in hexadecimal (repeatable); 1209:4c54 is always taken.",
            valueName: "vvvv:pppp"))
    var usbIDs: [String] = []

    @OptionGroup var probing: ProbeOption

    func validate() throws {
        if let bad = usbIDs.first(where: { USBDeviceID(parsing: $0) == nil }) {
            throw ValidationError(
                "--usb-id \(bad) is not a USB id: give vendor:product as two 4-digit hexadecimal numbers, like 1209:4c54 "
                    + "(lsusb shows them).")
        }
        if devices.contains(where: \.isEmpty) {
            throw ValidationError("--device needs a path, like /dev/ttyUSB0.")
        }
    }

    /// The discovery configuration these options ask for.
    var configuration: DiscoveryConfiguration {
        DiscoveryConfiguration(
            extraSensorIDs: usbIDs.compactMap { USBDeviceID(parsing: $0) }, devicePaths: devices, probe: probing.probe)
    }
}
