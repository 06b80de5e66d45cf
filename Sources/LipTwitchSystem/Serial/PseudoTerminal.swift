import CLinuxShims
import SystemPackage
#if canImport(Glibc)
import Glibc
#endif

/// A pseudo-terminal pair, both ends raw: the master is the device side (a simulated
/// sensor reads commands from it and writes frames to it), the slave's path is the serial
/// port a link opens.
///
/// The pair keeps its own descriptor of the slave open, as a plugged-in device stays
/// there whether or not a host has it open: a host may close the port and open it again,
/// and the master sees no hang-up in between. `unplug()` closes both ends: whoever has the
/// slave open then reads end of file (POLLHUP), and the path disappears.
///
/// `init(adoptingMaster:)` takes the device side of a pair made by someone else, such as
/// umockdev's fake `/dev/ttyACM0` (`umockdev_testbed_get_dev_fd`): it works on its own
/// duplicate of that master, and `unplug()` closes only its own descriptors, so the pair
/// lives on, without a hang-up, for as long as its maker keeps it.
///
/// Every descriptor is close-on-exec, so processes started meanwhile do not keep the
/// device alive.
public final class PseudoTerminal {
    /// The device side: read commands, write frames. Non-blocking. -1 once unplugged.
    public private(set) var masterDescriptor: Int32
    /// The path of the serial-port side, e.g. `/dev/pts/3`.
    public let slavePath: String
    private var slaveDescriptor: Int32

    /// A new pair.
    public convenience init() throws(SystemError) {
        let master = lt_open_pty_master()
        guard master >= 0 else { throw SystemError("create a pseudo-terminal", Errno(rawValue: -master)) }
        try self.init(owning: master)
    }

    /// The device side of a pair made elsewhere, whose master is `master` (which stays
    /// open and its maker's). Its open file is shared: it becomes non-blocking, and both
    /// ends are made raw, as in a new pair.
    public convenience init(adoptingMaster master: Int32) throws(SystemError) {
        let duplicate = fcntl(master, F_DUPFD_CLOEXEC, 0)
        guard duplicate >= 0 else { throw SystemError("take the pseudo-terminal master \(master)", Errno(rawValue: errno)) }
        try self.init(owning: duplicate)
    }

    /// Opens the slave of `master` (which it closes if that fails) and makes both ends raw.
    private init(owning master: Int32) throws(SystemError) {
        var name = [CChar](repeating: 0, count: 128)
        let slave = lt_open_pty_slave(master, &name, name.count)
        guard slave >= 0 else {
            Glibc.close(master)
            throw SystemError("open the serial-port side of a pseudo-terminal", Errno(rawValue: -slave))
        }
        for descriptor in [slave, master] {
            var settings = termios()
            tcgetattr(descriptor, &settings)
            var raw = RawMode.applied(to: settings, speed: nil)
            tcsetattr(descriptor, TCSANOW, &raw)
        }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        masterDescriptor = master
        slaveDescriptor = slave
        slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        unplug()
    }

    /// True until `unplug()`.
    public var isPlugged: Bool { masterDescriptor >= 0 }

    /// Reads what the host wrote to the slave, without waiting; 0 when nothing has come
    /// (or the pair is unplugged).
    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard masterDescriptor >= 0 else { return 0 }
        while true {
            let count = Glibc.read(masterDescriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return 0 }
        }
    }

    /// Writes as much of `bytes` as the pseudo-terminal takes now, without waiting, and
    /// returns how many it took: like a UART whose host does not read, what does not fit
    /// is lost.
    public func write(_ bytes: ArraySlice<UInt8>) -> Int {
        guard masterDescriptor >= 0 else { return 0 }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes {
                Glibc.write(masterDescriptor, $0.baseAddress! + written, $0.count - written)
            }
            if count > 0 {
                written += count
            } else if count < 0, errno == EINTR {
                continue
            } else {
                break
            }
        }
        return written
    }

    /// Bytes written to the master that the host has not read from the slave yet.
    public var unreadByHost: Int {
        guard slaveDescriptor >= 0 else { return 0 }
        var count: Int32 = 0
        return ioctl(slaveDescriptor, UInt(FIONREAD), &count) == 0 ? Int(count) : 0
    }

    /// Closes both ends: the device is gone.
    public func unplug() {
        if masterDescriptor >= 0 { Glibc.close(masterDescriptor) }
        if slaveDescriptor >= 0 { Glibc.close(slaveDescriptor) }
        masterDescriptor = -1
        slaveDescriptor = -1
    }
}
