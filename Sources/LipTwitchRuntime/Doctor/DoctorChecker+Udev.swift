import LipTwitchDiscovery

extension DoctorChecker {
    /// The rule is installed where udev looks, and udev has applied it to the sensor.
    var ruleFinding: DoctorFinding {
        guard let file = facts.ruleFiles.first else {
            return DoctorFinding(
                "udev_rule", .problem,
                "the LipTwitch udev rule is not installed: the sensor is not marked, ModemManager may probe it, "
                    + "and only root may open it",
                fix: "sudo apt install --reinstall liptwitch  (from a source checkout: \(Self.installRule))")
        }
        guard facts.udevRuns else {
            return DoctorFinding(
                "udev_rule", subject: file, .warning,
                "the rule is installed at \(file), but no udev daemon runs here (a container?): nothing applies it")
        }
        let unmarked = facts.ports.filter { $0.usbID == .lipTwitchSensor && !$0.isTagged(LipTwitchUdevRule.tag) }
        if let port = unmarked.first {
            return DoctorFinding(
                "udev_rule", subject: port.path, .problem,
                "the rule is installed at \(file), but udev has not applied it to \(port.path): it was not reloaded "
                    + "since it was installed",
                fix: Self.reloadRules)
        }
        return DoctorFinding("udev_rule", subject: file, .ok, "the rule is installed at \(file) and udev runs")
    }

    /// A sensor is plugged in (or named with `--device`).
    var sensorFinding: DoctorFinding? {
        guard facts.ports.isEmpty else { return nil }
        return DoctorFinding(
            "sensor", .warning,
            "no sensor found: plug it in (then `liptwitch devices` lists it), or name its port with --device PATH")
    }

    /// ModemManager is kept away from the port: it opens new serial ports to look for
    /// modems and sends AT commands down them.
    func modemManagerFinding(_ port: PortFacts) -> DoctorFinding {
        guard let program = facts.modemManager else {
            return DoctorFinding("modem_manager", subject: port.path, .ok, "ModemManager is not installed")
        }
        let ignored = port.udevProperties["ID_MM_DEVICE_IGNORE"] == "1"
        if ignored || port.udevProperties.isEmpty && port.usbID == nil {
            return DoctorFinding(
                "modem_manager", subject: port.path, .ok,
                ignored ? "ModemManager is told to leave \(port.path) alone (ID_MM_DEVICE_IGNORE=1)"
                    : "\(port.path) is not a USB port ModemManager would look at")
        }
        let candidate = port.udevProperties["ID_MM_CANDIDATE"] == "1" ? " (udev marks it ID_MM_CANDIDATE=1)" : ""
        return DoctorFinding(
            "modem_manager", subject: port.path, .problem,
            "ModemManager (\(program)) would probe \(port.path)\(candidate) and may take it: the rule's "
                + "ID_MM_DEVICE_IGNORE=1 is not set on it",
            fix: facts.ruleFiles.isEmpty ? Self.installRule : Self.reloadRules)
    }

    /// brltty's rules claim some USB-serial chips for braille displays and take the port.
    func brlttyFinding(_ port: PortFacts) -> DoctorFinding {
        guard let program = facts.brltty else {
            return DoctorFinding("brltty", subject: port.path, .ok, "brltty is not installed")
        }
        guard let usbID = port.usbID else {
            return DoctorFinding("brltty", subject: port.path, .ok, "\(port.path) is not on USB: brltty leaves it alone")
        }
        let hex = usbID.description.split(separator: ":")
        let vendor = "ATTRS{idVendor}==\"\(hex[0])\"", product = "ATTRS{idProduct}==\"\(hex[1])\""
        let claimed = facts.brlttyRules.split(separator: "\n").contains {
            $0.contains(vendor) && $0.contains(product) && !$0.hasPrefix("#")
        }
        guard claimed else {
            return DoctorFinding(
                "brltty", subject: port.path, .ok,
                "brltty (\(program)) is installed, but its rules do not claim USB \(usbID)")
        }
        return DoctorFinding(
            "brltty", subject: port.path, .problem,
            "brltty's udev rules claim USB \(usbID) as a braille display: brltty takes \(port.path) when it is plugged in",
            fix: "sudo systemctl mask brltty-udev.service && sudo systemctl stop brltty-udev.service brltty.service "
                + "(or, without a braille display: sudo apt remove brltty)")
    }
}
