import LipTwitchCapture
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSystem

/// `liptwitch replay --pty`: plays the sensor's side of a capture on a pseudo-terminal, so
/// that a real host (the daemon, `liptwitch link`) can open it as if the sensor were
/// there (gpsd's gpsfake, for LipTwitch).
///
/// It waits for a host to connect (its first bytes: the handshake), then writes every
/// recorded read at its recorded time (times `speed`), counted from the recorded open. An
/// answer to a command (IDENTITY, ACK, ERROR) waits until the host has sent that command,
/// up to `answerWait`, and the rest of the capture shifts by the wait: a host that flushes
/// its input before asking, as the link does, then still gets its answer. Other bytes the
/// host sends are read and ignored. A recorded hang-up unplugs the pseudo-terminal; the
/// next recorded open plugs in a new one (the symbolic link, when given, follows it) and
/// waits for the host again.
public struct CapturePtyPlayer {
    public var path: String
    public var speed: Double
    public var symlink: String?
    /// The longest an answer waits for its command.
    public static let answerWait: Duration = .seconds(2)

    public init(path: String, speed: Double, symlink: String?) {
        self.path = path
        self.speed = speed
        self.symlink = symlink
    }

    public func run() throws(CapturePlayback.Failure) {
        var reader: CaptureFileReader
        do {
            reader = try CaptureFileReader(path: path)
        } catch {
            throw CapturePlayback.Failure(description: "\(error)")
        }
        let port = PlayerPort(speed: speed, symlink: symlink)
        defer { port.unplug() }
        var lost = 0
        var played = 0
        while let event = try reader.next() {
            switch event {
            case .header(let header):
                port.printer.print("playing " + header.sentence)
                try port.plugIn()
            case .activity(.opened, let at):
                if !port.isPlugged { try port.plugIn() }
                port.recordedOpen = at
            case .activity(.read(let bytes), let at):
                guard port.isPlugged else { continue }
                guard let written = port.play(bytes, at: at) else { return }
                lost += bytes.count - written
                played += written
            case .activity(.hungUp(let reason), _):
                port.unplug()
                port.printer.print("sensor unplugged, as recorded (\(reason))")
            case .activity(.closed, _), .stopRequested, .end:
                continue
            }
        }
        _ = try reader.ending()
        port.printer.print("played \(played) bytes\(lost > 0 ? " (\(lost) lost: the host did not read them in time)" : "")")
    }
}

/// The player's pseudo-terminal and clock: plugging in and out, waiting for the host and
/// its commands, writing at the recorded times.
private final class PlayerPort {
    let printer = LinePrinter()
    let speed: Double
    let symlink: String?
    private let signals = SignalWaiter()
    private var pty: PseudoTerminal?
    /// The capture's time of the last open, and the wall time (host ns) it is played at.
    var recordedOpen: HostTime?
    private var base: (capture: HostTime, wall: Int64)?
    /// Frames the host sent, by type, not yet answered.
    private var commands: [UInt8: Int] = [:]
    private var hostFrames = FrameDecoder()
    /// The recorded bytes, decoded to find the answers in them.
    private var recorded = DeviceStreamDecoder()
    private var buffer = [UInt8](repeating: 0, count: 4096)

    init(speed: Double, symlink: String?) {
        self.speed = speed
        self.symlink = symlink
    }

    var isPlugged: Bool { pty != nil }

    func plugIn() throws(CapturePlayback.Failure) {
        do {
            let fresh = try PseudoTerminal()
            if let symlink { try SymbolicLink.point(symlink, to: fresh.slavePath) }
            pty = fresh
            base = nil
            commands = [:]
            hostFrames.reset()
            recorded = DeviceStreamDecoder()
            printer.print("sensor plugged in on \(fresh.slavePath); open it with: liptwitch link --device \(symlink ?? fresh.slavePath)")
        } catch {
            throw CapturePlayback.Failure(description: "\(error)")
        }
    }

    func unplug() {
        guard let pty else { return }
        pty.unplug()
        if let symlink { SymbolicLink.remove(symlink, ifPointingTo: pty.slavePath) }
        self.pty = nil
    }

    /// Writes `bytes` at capture time `at` (after the host connected, and after the host
    /// sent the commands they answer); returns how many the pseudo-terminal took, or nil
    /// when Ctrl-C or SIGTERM came first.
    func play(_ bytes: [UInt8], at time: HostTime) -> Int? {
        guard let pty else { return 0 }
        if base == nil {
            guard waitUntil({ !$0.commands.isEmpty }, deadline: nil) else { return nil }
            base = (recordedOpen ?? time, MonotonicClock.nanoseconds())
        }
        guard let start = base else { return 0 }
        let due = start.wall + Int64(Double((time - start.capture).nanoseconds) / speed)
        guard waitUntil({ _ in MonotonicClock.nanoseconds() >= due }, deadline: nil) else { return nil }
        for command in answered(in: bytes) {
            let deadline = MonotonicClock.nanoseconds() + CapturePtyPlayer.answerWait.nanoseconds
            let before = MonotonicClock.nanoseconds()
            guard waitUntil({ $0.commands[command, default: 0] > 0 }, deadline: deadline) else { return nil }
            if let count = commands[command], count > 0 { commands[command] = count - 1 }
            base = base.map { ($0.capture, $0.wall + MonotonicClock.nanoseconds() - before) }
        }
        return pty.write(bytes[...])
    }

    /// The types of the commands the messages completed in `bytes` answer.
    private func answered(in bytes: [UInt8]) -> [UInt8] {
        var input = bytes[...]
        var types: [UInt8] = []
        while let event = recorded.decode(&input) {
            switch event {
            case .message(.identity, _): types.append(MessageType.identify.rawValue)
            case .message(.ack(let ack), _): types.append(ack.commandType)
            case .message(.error(let error), _): types.append(error.commandType)
            default: break
            }
        }
        return types
    }

    /// Reads what the host sends (counting its commands) until `condition` holds; false
    /// when a signal came first. Past `deadline` (host ns) it gives up waiting, and true.
    private func waitUntil(_ condition: (PlayerPort) -> Bool, deadline: Int64?) -> Bool {
        var poll = PollSet()
        while true {
            readHost()
            if condition(self) || deadline.map({ MonotonicClock.nanoseconds() >= $0 }) == true { return true }
            if signals.wait(timeoutNanoseconds: 0) != nil { return false }
            guard let pty else { return true }
            poll.removeAll()
            poll.add(pty.masterDescriptor)
            _ = try? poll.wait(timeoutNanoseconds: 2_000_000)
        }
    }

    private func readHost() {
        guard let pty else { return }
        while true {
            let count = buffer.withUnsafeMutableBytes { pty.read(into: $0) }
            guard count > 0 else { return }
            var input = buffer[0..<count]
            while let frame = hostFrames.decode(&input) {
                if case .success(let frame) = frame { commands[frame.typeCode, default: 0] += 1 }
            }
        }
    }
}
