#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SystemPackage

/// Making the directories LipTwitch keeps its files in.
public enum Directories {
    /// Creates `path` and any missing parents, readable by the owner only (0700); an
    /// existing directory is left as it is.
    public static func create(_ path: String) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o700) != 0, errno != EEXIST {
                throw SystemError("create the directory '\(prefix)'", Errno(rawValue: errno))
            }
            prefix += "/"
        }
    }
}
