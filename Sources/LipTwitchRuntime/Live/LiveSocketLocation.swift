import LipTwitchSystem

/// Where the live stream's socket is: `--socket PATH` when given; for the system service,
/// in the runtime directory systemd made for it (`$RUNTIME_DIRECTORY/live.sock`);
/// otherwise in the user's runtime directory (`$XDG_RUNTIME_DIR/liptwitch/live.sock`), or,
/// where there is none (no login session), `/tmp/liptwitch-UID/live.sock`.
public struct LiveSocketLocation: Sendable, Equatable {
    public let path: String
    /// True for the default places, whose directory must be private (the daemon makes it
    /// 0700 and refuses one that belongs to someone else).
    public let isDefault: Bool

    public init(override: String?) {
        if let override {
            path = override
            isDefault = false
        } else if let runtime = SystemEnvironment.value("RUNTIME_DIRECTORY") {
            // systemd lists one directory per RuntimeDirectory= entry, separated by colons.
            path = String(runtime.split(separator: ":").first ?? Substring(runtime)) + "/live.sock"
            isDefault = true
        } else if let runtime = SystemEnvironment.xdgDirectory("XDG_RUNTIME_DIR") {
            path = runtime + "/liptwitch/live.sock"
            isDefault = true
        } else {
            path = "\(SystemEnvironment.temporaryDirectory)/liptwitch-\(SystemEnvironment.userID)/live.sock"
            isDefault = true
        }
    }
}
