import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// One month file of the journal, open for appending, shared safely with every other
/// process that writes it (the daemon, `liptwitch note`).
///
/// Opening it seals off a torn last line left by a crash (a newline ends it). Each append
/// takes an exclusive `flock` on the file, makes sure the file still is the one at the
/// path (a tool may have replaced it), seals off a torn last line again should another
/// writer have crashed since (by starting with a newline), writes the whole line with one
/// `write(2)` to the end (`O_APPEND`), waits for `fdatasync`, and unlocks. A write that fails half way is cut
/// back off, so the file only ever holds whole lines (or one torn line after a crash,
/// which the next append seals).
public final class JournalFile {
    public let path: String
    private let directory: String
    private var descriptor: FileDescriptor
    /// What was repaired or needs attention (a file others could read), as sentences.
    public private(set) var notices: [String] = []

    /// What an append found on the way.
    public struct Outcome: Sendable, Equatable {
        /// The file was new (or empty): the header went first.
        public var wroteHeader: Bool
        /// The file ended in a torn line, now sealed with a newline.
        public var sealedTornLine: Bool
    }

    /// Opens (creating, mode 0600) the file at `path` in the journal `directory`.
    public init(path: String, directory: String) throws(JournalError) {
        self.path = path
        self.directory = directory
        descriptor = try Self.open(path, directory: directory)
        notices = Self.checkPrivacy(descriptor, path: path)
        if try sealTornLine() {
            notices.append("sealed off a line that a crash left unfinished at the end of '\(path)'")
        }
    }

    /// Ends the file with a newline when its last line was torn by a crash, so that the
    /// next record starts on a line of its own; true when there was one.
    private func sealTornLine() throws(JournalError) -> Bool {
        try lock()
        defer { _ = flock(descriptor.rawValue, LOCK_UN) }
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else { throw failure("inspect", .latest) }
        guard status.st_size > 0, try lastByte(at: status.st_size - 1) != UInt8(ascii: "\n") else { return false }
        do {
            _ = try [UInt8(ascii: "\n")].withUnsafeBytes { try descriptor.writeAll($0) }
            guard fdatasync(descriptor.rawValue) == 0 else { throw Errno.latest }
        } catch {
            _ = ftruncate(descriptor.rawValue, status.st_size)
            throw failure("write", error as? Errno ?? .ioError)
        }
        return true
    }

    deinit {
        try? descriptor.close()
    }

    /// Appends `line` (which must end in a newline); `header` is asked for only when the
    /// file is empty, and goes first in the same write.
    @discardableResult
    public func append(_ line: [UInt8], header: () -> [UInt8]) throws(JournalError) -> Outcome {
        try lock()
        defer { _ = flock(descriptor.rawValue, LOCK_UN) }
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else { throw failure("inspect", .latest) }
        let size = status.st_size
        var bytes: [UInt8] = []
        var outcome = Outcome(wroteHeader: false, sealedTornLine: false)
        if size == 0 {
            bytes = header()
            outcome.wroteHeader = true
        } else if try lastByte(at: size - 1) != UInt8(ascii: "\n") {
            bytes = [UInt8(ascii: "\n")]
            outcome.sealedTornLine = true
        }
        bytes += line
        do {
            _ = try bytes.withUnsafeBytes { try descriptor.writeAll($0) }
            guard fdatasync(descriptor.rawValue) == 0 else { throw Errno.latest }
        } catch {
            _ = ftruncate(descriptor.rawValue, size)
            throw failure("write", error as? Errno ?? .ioError)
        }
        return outcome
    }

    /// Takes the lock on the file that is at the path now: when another process replaced
    /// it while we waited, the new one is opened and locked instead.
    private func lock() throws(JournalError) {
        for _ in 0..<8 {
            while flock(descriptor.rawValue, LOCK_EX) != 0 {
                guard Errno.latest == .interrupted else { throw failure("lock", .latest) }
            }
            var atPath = stat()
            var open = stat()
            if stat(path, &atPath) == 0, fstat(descriptor.rawValue, &open) == 0, atPath.st_dev == open.st_dev,
                atPath.st_ino == open.st_ino
            {
                return
            }
            _ = flock(descriptor.rawValue, LOCK_UN)
            try? descriptor.close()
            descriptor = try Self.open(path, directory: directory)
        }
        throw failure("lock", .resourceTemporarilyUnavailable)
    }

    private func lastByte(at offset: off_t) throws(JournalError) -> UInt8 {
        var byte: UInt8 = 0
        let count = pread(descriptor.rawValue, &byte, 1, offset)
        guard count == 1 else { throw failure("read", count < 0 ? .latest : .ioError) }
        return byte
    }

    private func failure(_ verb: String, _ errno: Errno) -> JournalError {
        JournalError("\(verb) the journal file '\(path)'", directory: directory, errno)
    }

    private static func open(_ path: String, directory: String) throws(JournalError) -> FileDescriptor {
        do {
            return try FileDescriptor.open(
                FilePath(path), .readWrite, options: [.append, .create, .closeOnExec], permissions: [.ownerReadWrite],
                retryOnInterrupt: true)
        } catch {
            throw JournalError("open the journal file '\(path)'", directory: directory, error as? Errno ?? .ioError)
        }
    }

    private static func checkPrivacy(_ descriptor: FileDescriptor, path: String) -> [String] {
        var status = stat()
        guard fstat(descriptor.rawValue, &status) == 0 else { return [] }
        return JournalDirectory.privacyNotice(path: path, status: status, private: 0o600) {
            fchmod(descriptor.rawValue, $0)
        }
    }
}
