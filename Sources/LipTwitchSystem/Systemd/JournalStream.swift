#if canImport(Glibc)
import Glibc
#endif

/// Whether standard error goes to systemd's journal: systemd names the stream it connects
/// in `$JOURNAL_STREAM` (`device:inode`), and a process whose standard error is that very
/// stream can prefix its lines with a syslog priority (`<3>`) instead of spelling it out.
public enum JournalStream {
    public static var isStandardError: Bool {
        guard let value = SystemEnvironment.value("JOURNAL_STREAM") else { return false }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return UInt64(status.st_dev) == device && UInt64(status.st_ino) == inode
    }
}
