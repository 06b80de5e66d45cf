import Foundation

/// The device descriptions in `Tests/Fixtures/udev/`, which `scripts/check-udev` also
/// runs through udev's real rule engine.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/udev")

    /// The description `name.umockdev`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).umockdev"), encoding: .utf8)
    }

    /// The LipTwitch sensor as udev and the project's rule leave it.
    static func sensor() throws -> String { try text("sensor") }

    /// The sensor plugged in again into another USB port (umockdev cannot re-add a
    /// removed sysfs path), where the kernel names it `ttyACM1`.
    static func sensorReplugged() throws -> String {
        let replacements = [
            ("usb1/1-1/1-1:1.0", "usb1/1-3/1-3:1.0"), ("usb1/1-1\n", "usb1/1-3\n"),
            ("bus/usb/001/002", "bus/usb/001/004"), ("DEVNUM=002", "DEVNUM=004"), ("devnum=2", "devnum=4"),
            ("MINOR=1\n", "MINOR=3\n"), ("dev=189:1", "dev=189:3"),
            ("ttyACM0", "ttyACM1"), ("MINOR=0\n", "MINOR=1\n"), ("dev=166:0", "dev=166:1"),
        ]
        return try replacements.reduce(sensor()) { text, pair in text.replacingOccurrences(of: pair.0, with: pair.1) }
    }

    /// The sensor as the kernel alone describes it, with none of udev's properties: a
    /// machine without a udev daemon.
    static func sensorWithoutUdev() throws -> String {
        try sensor().split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !udevMadePrefixes.contains { line.hasPrefix($0) } }
            .joined(separator: "\n")
    }

    /// The sensor as udev's own rules leave it when the project's rule is not installed.
    static func sensorWithoutTheRule() throws -> String {
        try sensor().split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !["E: LIPTWITCH_", "E: SYSTEMD_", "E: ID_MM_"].contains { line.hasPrefix($0) } }
            .map { line in
                if line.hasPrefix("E: TAGS=") || line.hasPrefix("E: CURRENT_TAGS=") {
                    return line.prefix { $0 != "=" } + "=:systemd:"
                }
                return line.replacingOccurrences(of: " /dev/liptwitch/LT0001A2B3", with: "")
            }
            .joined(separator: "\n")
    }

    private static let udevMadePrefixes = [
        "E: ID_", "E: DEVLINKS=", "E: TAGS=", "E: CURRENT_TAGS=", "E: LIPTWITCH_", "E: SYSTEMD_", "E: USEC_",
    ]

    static let sensorSysPath = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
}
