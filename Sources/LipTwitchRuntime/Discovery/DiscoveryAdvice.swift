import LipTwitchDiscovery

/// What `liptwitch devices` tells people on standard error: which sensors it found, and
/// when it found none or the setup is incomplete, what to check and what to install.
enum DiscoveryAdvice {
    static let ruleInstall = """
        sudo cp udev/70-liptwitch.rules /etc/udev/rules.d/ && sudo udevadm control --reload \
        && sudo udevadm trigger --subsystem-match=tty
        """

    /// The start of the note for a machine whose ttys udev never processed.
    static let noUdevDaemon = "note: udev has processed none of this machine's ttys (no udev daemon runs here?)"

    static func notes(survey: DeviceSurvey, shown: [SurveyEntry], includeAll: Bool) -> [String] {
        let taken = shown.filter(\.verdict.isSensor).map(\.candidate)
        let boards = shown.filter(\.verdict.needsProof).map(\.candidate.devicePath)
        var notes = taken.isEmpty && boards.isEmpty ? [noSensor(includeAll: includeAll)] : []
        if !boards.isEmpty {
            notes.append(
                "\(boards.joined(separator: ", ")): \(boards.count == 1 ? "a board" : "boards") a LipTwitch sensor may be "
                    + "built on; the daemon opens \(boards.count == 1 ? "it" : "them") and keeps what answers the "
                    + "LipTwitch handshake (liptwitch link --device PATH tries one now).")
        }
        if !survey.hasUdevDatabase {
            notes.append(
                noUdevDaemon + ", so there are no udev properties, tags or /dev/serial/by-id links, and plugging in "
                    + "goes unnoticed; sensors are still found by their USB id in sysfs.")
        }
        let hidden = survey.entries.count - shown.count
        if !includeAll, hidden > 0 {
            notes.append(
                "\(hidden) other tty\(hidden == 1 ? " is" : "s are") not on USB (built-in serial ports, consoles); "
                    + "liptwitch devices --all lists \(hidden == 1 ? "it" : "them").")
        }
        guard !taken.isEmpty else { return notes }
        if survey.hasUdevDatabase {
            for sensor in taken where sensor.source == .udev(initialized: true) && !sensor.isTaggedByRule {
                notes.append(
                    "note: \(sensor.devicePath) is taken by its USB id, but the LipTwitch udev rule has not marked it: "
                        + "ModemManager may probe it and only root or the dialout group can open it. Install the rule "
                        + "(udev/README.md): \(ruleInstall)")
            }
        }
        let paths = taken.map(\.devicePath).joined(separator: ", ")
        notes.append("\(taken.count) sensor\(taken.count == 1 ? "" : "s"): \(paths)")
        return notes
    }

    private static func noSensor(includeAll: Bool) -> String {
        var lines = ["No sensor found. Plug it in; if it is plugged in:"]
        if !includeAll {
            lines.append("  - liptwitch devices --all lists every serial port and why it was not taken;")
        }
        lines += [
            "  - dmesg | tail (or journalctl -k -n 20) shows whether the kernel saw it: nothing means a charge-only "
                + "cable or a sensor that is off;",
            "  - udevadm info /dev/ttyACM0 (or /dev/ttyUSB0) shows what udev knows: a LipTwitch sensor has "
                + "ID_VENDOR_ID=1209 and ID_MODEL_ID=4c54, and LIPTWITCH_SENSOR=1 once the udev rule is installed;",
            "  - install the udev rule, so the sensor is recognized and yours to open (udev/README.md):",
            "      \(ruleInstall)",
            "  - a sensor built on a generic USB-serial chip other than an Arduino's (docs/DISCOVERY.md) is never "
                + "taken uninvited: name it with --device /dev/ttyUSB0, or its id with --usb-id VVVV:PPPP.",
        ]
        return lines.joined(separator: "\n")
    }
}
