/// Where `liptwitch doctor` looks on the system; tests point these at their own files.
public struct DoctorPaths: Sendable {
    /// Where udev reads rules from, in its order.
    public var ruleDirectories = ["/etc/udev/rules.d", "/run/udev/rules.d", "/usr/lib/udev/rules.d", "/lib/udev/rules.d"]
    /// The rule's file name.
    public var ruleName = "70-liptwitch.rules"
    /// udevd's control socket: there while udevd runs.
    public var udevControl = "/run/udev/control"
    public var modemManagerPrograms = ["/usr/sbin/ModemManager", "/sbin/ModemManager"]
    public var brlttyPrograms = ["/usr/bin/brltty", "/bin/brltty", "/usr/sbin/brltty"]
    /// brltty's udev rules, whichever of these exist.
    public var brlttyRules = ["/usr/lib/udev/rules.d/85-brltty.rules", "/lib/udev/rules.d/85-brltty.rules"]
    public var systemctlPrograms = ["/usr/bin/systemctl", "/bin/systemctl"]

    public init() {}
}
