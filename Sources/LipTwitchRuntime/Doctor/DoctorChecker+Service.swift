extension DoctorChecker {
    /// The systemd user unit is enabled (a plugged-in sensor starts it) and running.
    var serviceFinding: DoctorFinding {
        let service = facts.service
        guard let systemctl = service.systemctl else {
            return DoctorFinding(
                "service", .skipped,
                "systemctl is not here (no systemd): run the recorder yourself with `liptwitch daemon`")
        }
        guard let enabled = service.enabled, let active = service.active else {
            return DoctorFinding(
                "service", .warning,
                "\(systemctl) --user could not reach your service manager (no login session?): the service cannot "
                    + "be checked",
                fix: "log in at the machine, or run the recorder yourself: liptwitch daemon")
        }
        if active == "failed" {
            return DoctorFinding(
                "service", subject: "liptwitch.service", .problem, "liptwitch.service failed",
                fix: "journalctl --user -u liptwitch -n 50 && systemctl --user restart liptwitch.service")
        }
        if !["enabled", "enabled-runtime", "static", "linked"].contains(enabled) {
            return DoctorFinding(
                "service", subject: "liptwitch.service", .warning,
                "liptwitch.service is \(enabled) and \(active): plugging the sensor in will not start the recorder",
                fix: "systemctl --user enable --now liptwitch.service")
        }
        return DoctorFinding(
            "service", subject: "liptwitch.service", .ok,
            "liptwitch.service is \(enabled) and \(active)\(active == "active" ? "" : " (it starts when the sensor is plugged in)")")
    }
}
