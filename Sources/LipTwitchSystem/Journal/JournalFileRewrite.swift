import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// Rewrites one journal file in place, safely against every writer: under the file's
/// exclusive `flock` (the lock `JournalFile.append` takes) the whole file is read, the new
/// contents go to a private temporary file in the same directory, which is synced and
/// renamed over the old one, and the directory is synced. A writer waiting on the lock
/// finds the file replaced and opens the new one. Empty new contents delete the file.
public enum JournalFileRewrite {
    /// What happened to the file.
    public enum Outcome: Sendable, Equatable {
        case unchanged, rewritten, deleted
    }

    /// `transform` gets the file's bytes and returns the bytes to keep, or nil to leave the
    /// file as it is.
    public static func rewrite(
        path: String, directory: String, _ transform: ([UInt8]) throws -> [UInt8]?
    ) throws -> Outcome {
        let file: FileDescriptor
        do {
            file = try FileDescriptor.open(FilePath(path), .readWrite, options: [.closeOnExec], retryOnInterrupt: true)
        } catch {
            throw JournalError("open the journal file '\(path)'", directory: directory, error as? Errno ?? .ioError)
        }
        defer { try? file.close() }
        while flock(file.rawValue, LOCK_EX) != 0 {
            guard Errno.latest == .interrupted else { throw JournalError("lock '\(path)'", directory: directory, .latest) }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try file.read(into: $0, retryOnInterrupt: true) }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        guard let kept = try transform(bytes) else { return .unchanged }
        if kept.isEmpty {
            guard unlink(path) == 0 else { throw JournalError("delete '\(path)'", directory: directory, .latest) }
            syncDirectory(directory)
            return .deleted
        }
        let temporary = path + ".prune-\(getpid())"
        do {
            let output = try FileDescriptor.open(
                FilePath(temporary), .writeOnly, options: [.create, .truncate, .closeOnExec],
                permissions: [.ownerReadWrite], retryOnInterrupt: true)
            defer { try? output.close() }
            _ = try kept.withUnsafeBytes { try output.writeAll($0) }
            guard fsync(output.rawValue) == 0 else { throw Errno.latest }
        } catch {
            unlink(temporary)
            throw JournalError("write '\(temporary)'", directory: directory, error as? Errno ?? .ioError)
        }
        guard rename(temporary, path) == 0 else {
            let failure = Errno.latest
            unlink(temporary)
            throw JournalError("replace '\(path)'", directory: directory, failure)
        }
        syncDirectory(directory)
        return .rewritten
    }

    private static func syncDirectory(_ directory: String) {
        guard let handle = try? FileDescriptor.open(FilePath(directory), .readOnly, options: [.directory, .closeOnExec])
        else { return }
        _ = fsync(handle.rawValue)
        try? handle.close()
    }
}
