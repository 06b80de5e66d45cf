#if canImport(Glibc)
import Glibc
#endif

/// The raw line settings of the protocol (PROTOCOL.md section 1): no echo, no line
/// editing, no character translation, 8 data bits, no parity, 1 stop bit, no flow control,
/// receiver on, modem lines ignored. VMIN = 1 and VTIME = 0: with the descriptor's
/// O_NONBLOCK, a read returns what has arrived or fails with EAGAIN, and returns 0 only
/// when the line hung up (VMIN = 0 would return 0 for "nothing yet" too, and an unplugged
/// device could not be told from a quiet one).
enum RawMode {
    /// `settings` made raw, at `speed` when one is given.
    static func applied(to settings: termios, speed: speed_t?) -> termios {
        var raw = settings
        cfmakeraw(&raw)
        raw.c_cflag &= ~tcflag_t(CSIZE | CSTOPB | PARENB)
        raw.c_cflag &= ~CRTSCTS
        raw.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        raw.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        if let speed {
            cfsetispeed(&raw, speed)
            cfsetospeed(&raw, speed)
        }
        return raw
    }
}
