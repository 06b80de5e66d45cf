import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A new directory under the temporary directory that only its owner can enter (mkdtemp:
/// mode 0700, a name no one else can take first). It stays when the program ends.
public enum PrivateTemporaryDirectory {
    /// Makes `$TMPDIR/PREFIX-XXXXXX` and returns its path.
    public static func make(prefix: String) throws(SystemError) -> String {
        var template = Array("\(SystemEnvironment.temporaryDirectory)/\(prefix)-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let made else {
            throw SystemError("create a directory in \(SystemEnvironment.temporaryDirectory)", .latest)
        }
        return String(cString: made)
    }
}
