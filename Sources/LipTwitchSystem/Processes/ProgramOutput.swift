#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end and keeps what it printed: for asking a system tool
/// (`systemctl is-active ...`) a question.
public struct ProgramOutput: Sendable, Equatable {
    /// The program's exit status; nil when it could not be started or was killed.
    public var status: Int32?
    /// Its standard output, without the final newline.
    public var text: String

    public init(status: Int32?, text: String) {
        self.status = status
        self.text = text
    }

    /// Runs `program` (an absolute path) with `arguments`, standard input and error on
    /// /dev/null, the environment inherited.
    public static func run(_ program: String, _ arguments: [String]) -> ProgramOutput {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { return ProgramOutput(status: nil, text: "") }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { return ProgramOutput(status: nil, text: "") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(pipeEnds[0], $0.baseAddress, $0.count) }
            if count > 0 { bytes += chunk[..<count] } else if count < 0, errno == EINTR { continue } else { break }
        }
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) < 0, errno == EINTR {}
        let exited = waitStatus & 0x7f == 0
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return ProgramOutput(status: exited ? (waitStatus >> 8) & 0xff : nil, text: text)
    }
}
