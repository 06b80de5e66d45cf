import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// An open serial port, set up for the sensor protocol and held exclusively.
///
/// Opening: `O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC` (never the controlling terminal,
/// never blocking, never inherited); `flock(LOCK_EX | LOCK_NB)` and `TIOCEXCL`, so that a
/// second LipTwitch or a terminal program cannot open it too (root passes `TIOCEXCL`, the
/// lock still stops it); raw termios at the baud rate (`RawMode`); low latency where the
/// driver allows (`LowLatency`). Closing restores the settings found at open, clears
/// `TIOCEXCL` and releases the lock. Errors say what to do (`SerialPortError`).
///
/// Not thread-safe: one thread (the link's) owns a port.
public final class SerialPort {
    /// The protocol's line speed (PROTOCOL.md section 1).
    public static let protocolBaudRate = 921_600

    public let path: String
    /// The open descriptor, for polling; -1 once closed.
    public private(set) var descriptor: Int32
    /// What low-latency settings the driver took.
    public let lowLatency: LowLatency
    private let savedSettings: termios

    /// Opens `path` at `baudRate` (any rate in `BaudRate.supported`).
    public init(path: String, baudRate: Int = protocolBaudRate) throws(SerialPortError) {
        guard let speed = BaudRate.speed(baudRate) else { throw .unsupportedBaudRate(path, baudRate) }
        let descriptor = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .opening(path, errno: errno) }
        var exclusive = false
        do throws(SerialPortError) {
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let number = errno
                throw number == EWOULDBLOCK
                    ? .busy(path, holders: PortHolder.holding(path)) : .failed(path, "lock", errno: number)
            }
            var saved = termios()
            guard tcgetattr(descriptor, &saved) == 0 else {
                let number = errno
                throw number == ENOTTY ? .notASerialPort(path) : .failed(path, "read the settings of", errno: number)
            }
            exclusive = ioctl(descriptor, UInt(TIOCEXCL)) == 0
            var raw = RawMode.applied(to: saved, speed: speed)
            guard tcsetattr(descriptor, TCSANOW, &raw) == 0 else {
                throw .failed(path, "set up", errno: errno)
            }
            var applied = termios()
            guard tcgetattr(descriptor, &applied) == 0, cfgetospeed(&applied) == speed else {
                tcsetattr(descriptor, TCSANOW, &saved)
                throw .unsupportedBaudRate(path, baudRate)
            }
            savedSettings = saved
        } catch {
            if exclusive { _ = ioctl(descriptor, UInt(TIOCNXCL)) }
            Glibc.close(descriptor)
            throw error
        }
        self.path = path
        self.descriptor = descriptor
        lowLatency = LowLatency.apply(descriptor: descriptor)
    }

    deinit {
        close()
    }

    /// Reads what has arrived into the start of `buffer`, without waiting; returns how many
    /// bytes, 0 when nothing has arrived.
    public func read(into buffer: inout [UInt8]) throws(PortGone) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return count }
            if count == 0 { throw PortGone("end of file") }
            switch errno {
            case EINTR: continue
            case EAGAIN: return 0
            case let number: throw PortGone(errno: number)
            }
        }
    }

    /// Writes all of `bytes`, waiting (up to a second) while the output queue is full.
    public func write(_ bytes: [UInt8]) throws(PortGone) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count > 0 {
                offset += count
                continue
            }
            let number = errno
            if count < 0, number == EINTR { continue }
            guard count < 0, number == EAGAIN else { throw PortGone(errno: number) }
            var poll = PollSet()
            let index = poll.add(descriptor, writable: true)
            _ = try? poll.wait(timeoutNanoseconds: 1_000_000_000)
            guard poll.events(at: index).contains(.writable) else {
                throw PortGone("the port took no output for a second")
            }
        }
    }

    /// Changes the line rate of the open port to `baudRate` (any rate in
    /// `BaudRate.supported`), reading it back as at open.
    public func setLineRate(_ baudRate: Int) throws(SerialPortError) {
        guard let speed = BaudRate.speed(baudRate) else { throw .unsupportedBaudRate(path, baudRate) }
        var settings = termios()
        guard tcgetattr(descriptor, &settings) == 0 else { throw .failed(path, "read the settings of", errno: errno) }
        cfsetispeed(&settings, speed)
        cfsetospeed(&settings, speed)
        guard tcsetattr(descriptor, TCSANOW, &settings) == 0 else { throw .failed(path, "set up", errno: errno) }
        var applied = termios()
        guard tcgetattr(descriptor, &applied) == 0, cfgetospeed(&applied) == speed else {
            throw .unsupportedBaudRate(path, baudRate)
        }
    }

    /// Discards what was received and not yet read (`tcflush(TCIFLUSH)`).
    public func flushInput() {
        tcflush(descriptor, TCIFLUSH)
    }

    /// Restores the settings found at open, gives up exclusivity and the lock, and closes
    /// the descriptor. Errors are ignored: a vanished device cannot be restored.
    public func close() {
        guard descriptor >= 0 else { return }
        var saved = savedSettings
        tcsetattr(descriptor, TCSANOW, &saved)
        _ = ioctl(descriptor, UInt(TIOCNXCL))
        Glibc.close(descriptor)
        descriptor = -1
    }
}
