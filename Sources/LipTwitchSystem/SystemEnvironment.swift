#if canImport(Glibc)
import Glibc
#endif

/// The process's environment and user, as the system layer reads them.
public enum SystemEnvironment {
    /// The value of an environment variable; nil when unset or empty.
    public static func value(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    /// `$HOME`, or the home directory in the user database.
    public static var homeDirectory: String? {
        if let home = value("HOME") { return home }
        guard let entry = getpwuid(geteuid()), let directory = entry.pointee.pw_dir else { return nil }
        return String(cString: directory)
    }

    /// The effective user id.
    public static var userID: UInt32 {
        geteuid()
    }

    /// This process's id.
    public static var processID: Int32 {
        getpid()
    }
}
