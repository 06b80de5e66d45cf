import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// The journal's directory: created private (0700) with any missing parents, checked and
/// repaired when others can read it, and listed.
public enum JournalDirectory {
    /// Makes sure `path` is a directory only its owner can enter; returns what was repaired
    /// or needs the person's attention, as sentences.
    public static func prepare(_ path: String) throws(JournalError) -> [String] {
        var status = stat()
        var built = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            built += "/" + component
            if stat(built, &status) == 0 { continue }
            guard Errno.latest == .noSuchFileOrDirectory else {
                throw JournalError("open the journal directory '\(path)'", directory: path, .latest)
            }
            if mkdir(built, 0o700) != 0, Errno.latest != .fileExists {
                throw JournalError("create the journal directory '\(built)'", directory: path, .latest)
            }
        }
        guard stat(path, &status) == 0 else {
            throw JournalError("open the journal directory '\(path)'", directory: path, .latest)
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw JournalError("use '\(path)' as the journal directory", directory: path, .notDirectory)
        }
        return privacyNotice(path: path, status: status, private: 0o700) { chmod(path, $0) }
    }

    /// The names in `path`; nil when it does not exist.
    public static func entries(_ path: String) throws(JournalError) -> [String]? {
        guard let directory = opendir(path) else {
            if Errno.latest == .noSuchFileOrDirectory { return nil }
            throw JournalError("read the journal directory '\(path)'", directory: path, .latest)
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// A sentence when `status` lets others in: the mode is repaired with `repair` when the
    /// file is ours, otherwise the person is asked to.
    static func privacyNotice(
        path: String, status: stat, private mode: mode_t, repair: (mode_t) -> Int32
    ) -> [String] {
        let current = status.st_mode & 0o777
        guard current & 0o077 != 0 else { return [] }
        let octal = String(current, radix: 8)
        if status.st_uid == geteuid(), repair(mode) == 0 {
            return ["made '\(path)' private: its mode was \(octal), now \(String(mode, radix: 8))"]
        }
        return ["'\(path)' can be read by other users (mode \(octal)); make it private with chmod \(String(mode, radix: 8)) '\(path)'"]
    }
}
