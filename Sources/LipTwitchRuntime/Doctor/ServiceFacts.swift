/// The systemd user unit's state as `systemctl --user` reports it.
public struct ServiceFacts: Sendable, Equatable {
    /// `systemctl`'s path; nil where there is no systemd.
    public var systemctl: String?
    /// `is-enabled`'s answer (`enabled`, `disabled`, `static`, ...); nil when the user's
    /// service manager could not be asked.
    public var enabled: String?
    /// `is-active`'s answer (`active`, `inactive`, `failed`, ...).
    public var active: String?

    public init(systemctl: String?, enabled: String? = nil, active: String? = nil) {
        self.systemctl = systemctl
        self.enabled = enabled
        self.active = active
    }
}
