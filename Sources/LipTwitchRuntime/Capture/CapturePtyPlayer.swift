import LipTwitchCapture
import LipTwitchLink
import LipTwitchSystem

/// `liptwitch replay --pty`: plays the sensor's side of a capture on a pseudo-terminal, so
/// that a real host (the daemon, `liptwitch link`) can open it as if the sensor were
/// there (gpsd's gpsfake, for LipTwitch).
///
/// It waits for a host to connect (its first bytes: the handshake), then writes every
/// recorded read at its recorded time (times `speed`), counted from the recorded open. A
/// recorded hang-up unplugs the pseudo-terminal; the next recorded open plugs in a new one
/// (the symbolic link, when given, follows it) and waits for the host again. What the host
/// sends is read and ignored: the capture already holds the sensor's answers.
public struct CapturePtyPlayer {
    public var path: String
    public var speed: Double
    public var symlink: String?

    public init(path: String, speed: Double, symlink: String?) {
        self.path = path
        self.speed = speed
        self.symlink = symlink
    }

    public func run() throws(CapturePlayback.Failure) {
        let signals = SignalWaiter()
        let printer = LinePrinter()
        var reader: CaptureFileReader
        do {
            reader = try CaptureFileReader(path: path)
        } catch {
            throw CapturePlayback.Failure(description: "\(error)")
        }
        var pty: PseudoTerminal?
        /// Capture time ↔ wall time (host ns) since the host last connected.
        var base: (capture: HostTime, wall: Int64)?
        var pendingOpen: HostTime?
        var lost = 0
        var played = 0
        defer {
            if let pty, let symlink { SymbolicLink.remove(symlink, ifPointingTo: pty.slavePath) }
        }
        func plugIn() throws(CapturePlayback.Failure) {
            do {
                let fresh = try PseudoTerminal()
                if let symlink { try SymbolicLink.point(symlink, to: fresh.slavePath) }
                pty = fresh
                let shown = symlink ?? fresh.slavePath
                printer.print("sensor plugged in on \(fresh.slavePath); open it with: liptwitch link --device \(shown)")
            } catch {
                throw CapturePlayback.Failure(description: "\(error)")
            }
        }
        while let event = try reader.next() {
            switch event {
            case .header(let header):
                printer.print("playing " + header.sentence)
                try plugIn()
            case .activity(.opened, let at):
                if pty == nil { try plugIn() }
                pendingOpen = at
                base = nil
            case .activity(.read(let bytes), let at):
                guard let current = pty else { continue }
                if base == nil {
                    guard let connected = waitForHost(on: current, signals: signals) else { return }
                    base = (pendingOpen ?? at, connected)
                }
                guard let base, wait(until: at, base: base, draining: current, signals: signals) else { return }
                let written = current.write(bytes[...])
                lost += bytes.count - written
                played += written
            case .activity(.hungUp(let reason), _):
                pty?.unplug()
                if let current = pty, let symlink { SymbolicLink.remove(symlink, ifPointingTo: current.slavePath) }
                pty = nil
                printer.print("sensor unplugged, as recorded (\(reason))")
            case .activity(.closed, _), .end:
                continue
            }
        }
        _ = try reader.ending()
        printer.print("played \(played) bytes\(lost > 0 ? " (\(lost) lost: the host did not read them in time)" : "")")
    }

    /// Waits until the host writes to the port (it opened it and shakes hands); returns the
    /// time, or nil when Ctrl-C or SIGTERM came first.
    private func waitForHost(on pty: PseudoTerminal, signals: SignalWaiter) -> Int64? {
        var poll = PollSet()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            poll.removeAll()
            poll.add(pty.masterDescriptor)
            _ = try? poll.wait(timeoutNanoseconds: 100_000_000)
            if buffer.withUnsafeMutableBytes({ pty.read(into: $0) }) > 0 { return MonotonicClock.nanoseconds() }
            if signals.wait(timeoutNanoseconds: 0) != nil { return nil }
        }
    }

    /// Waits until capture time `time` comes, reading and dropping what the host writes
    /// meanwhile; false when Ctrl-C or SIGTERM came first.
    private func wait(
        until time: HostTime, base: (capture: HostTime, wall: Int64), draining pty: PseudoTerminal, signals: SignalWaiter
    ) -> Bool {
        let due = base.wall + Int64(Double((time - base.capture).nanoseconds) / speed)
        var poll = PollSet()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            while buffer.withUnsafeMutableBytes({ pty.read(into: $0) }) > 0 {}
            let left = due - MonotonicClock.nanoseconds()
            if left <= 0 { return true }
            poll.removeAll()
            poll.add(pty.masterDescriptor)
            _ = try? poll.wait(timeoutNanoseconds: min(left, 50_000_000))
            if signals.wait(timeoutNanoseconds: 0) != nil { return false }
        }
    }
}
