import LipTwitchSystem

/// Where the journal lives: `--journal DIR` when given; for the system service, under the
/// state directory systemd hands it (`$STATE_DIRECTORY/journal`); otherwise under the
/// user's data directory (`$XDG_DATA_HOME/liptwitch/journal`, by default
/// `~/.local/share/liptwitch/journal`).
public enum JournalLocation {
    /// The journal directory for this process.
    public static func directory(override: String?) throws(JournalLocationError) -> String {
        if let override { return override }
        if let state = SystemEnvironment.value("STATE_DIRECTORY") {
            // systemd lists one directory per StateDirectory= entry, separated by colons.
            return String(state.split(separator: ":").first ?? Substring(state)) + "/journal"
        }
        if let data = SystemEnvironment.xdgDirectory("XDG_DATA_HOME") {
            return data + "/liptwitch/journal"
        }
        guard let home = SystemEnvironment.homeDirectory else { throw JournalLocationError() }
        return home + "/.local/share/liptwitch/journal"
    }
}

/// No journal directory could be found: no `--journal`, no `$HOME`.
public struct JournalLocationError: Error, Sendable, CustomStringConvertible {
    public var description: String {
        "cannot find your home directory to keep the journal in; give a directory with --journal DIR"
    }
}
