import Glibc
import LipTwitchSystem
import TestSupport
import Testing

/// `SerialPort` against real pseudo-terminals.
@Suite struct SerialPortTests {
    private func settings(of descriptor: Int32) -> termios {
        var settings = termios()
        tcgetattr(descriptor, &settings)
        return settings
    }

    @Test func theLineIsRawAt921600Baud() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        var line = settings(of: port.descriptor)
        #expect(cfgetospeed(&line) == speed_t(B921600))
        #expect(cfgetispeed(&line) == speed_t(B921600))
        #expect(line.c_cflag & tcflag_t(CSIZE) == tcflag_t(CS8))
        #expect(line.c_cflag & tcflag_t(CLOCAL | CREAD) == tcflag_t(CLOCAL | CREAD))
        #expect(line.c_cflag & tcflag_t(PARENB | CSTOPB) == 0)
        #expect(line.c_cflag & CRTSCTS == 0)
        #expect(line.c_lflag & tcflag_t(ICANON | ECHO | ISIG) == 0)
        #expect(line.c_iflag & tcflag_t(IXON | IXOFF | ICRNL) == 0)
        #expect(line.c_oflag & tcflag_t(OPOST) == 0)
        withUnsafeBytes(of: line.c_cc) { characters in
            #expect(characters[Int(VMIN)] == 1 && characters[Int(VTIME)] == 0)
        }
    }

    @Test(arguments: [9600, 115_200, 230_400, 460_800, 1_000_000, 3_000_000])
    func otherStandardRatesWork(rate: Int) throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath, baudRate: rate)
        var line = settings(of: port.descriptor)
        #expect(BaudRate.supported.contains(rate))
        #expect(cfgetospeed(&line) != speed_t(B921600))
    }

    @Test func aRateTermiosDoesNotKnowIsRefused() throws {
        let pty = try PseudoTerminal()
        let error = #expect(throws: SerialPortError.self) { try SerialPort(path: pty.slavePath, baudRate: 12345) }
        #expect(error?.kind == .unsupportedBaudRate)
    }

    @Test func bytesGoBothWays() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        let sent: [UInt8] = [0, 1, 2, 0x0A, 0x0D, 0x11, 0x13, 0x7F, 0xFF]
        #expect(sent.withUnsafeBytes { write(pty.masterDescriptor, $0.baseAddress, $0.count) } == sent.count)
        #expect(try readAll(port, count: sent.count) == sent, "raw: no byte translated or eaten")
        try port.write(sent.reversed())
        var echoed = [UInt8](repeating: 0, count: 64)
        var poll = PollSet()
        poll.add(pty.masterDescriptor)
        try poll.wait(timeoutNanoseconds: 5_000_000_000)
        let count = echoed.withUnsafeMutableBytes { read(pty.masterDescriptor, $0.baseAddress, $0.count) }
        #expect(Array(echoed.prefix(max(0, count))) == sent.reversed())
    }

    @Test func nothingToReadIsZeroNotAnError() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(try port.read(into: &buffer) == 0)
    }

    @Test func flushingDiscardsWhatArrived() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        _ = [UInt8](repeating: 7, count: 100).withUnsafeBytes { write(pty.masterDescriptor, $0.baseAddress, $0.count) }
        var poll = PollSet()
        poll.add(port.descriptor)
        try poll.wait(timeoutNanoseconds: 5_000_000_000)
        port.flushInput()
        var buffer = [UInt8](repeating: 0, count: 200)
        #expect(try port.read(into: &buffer) == 0)
    }

    @Test func unpluggingIsAHangUpAndEndOfFile() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        pty.unplug()
        var poll = PollSet()
        let index = poll.add(port.descriptor)
        try poll.wait(timeoutNanoseconds: 5_000_000_000)
        #expect(poll.events(at: index).contains(.hangUp))
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(throws: PortGone("end of file")) { try port.read(into: &buffer) }
    }

    @Test func aPairMadeElsewhereIsServedAndOutlivesItsAdopter() throws {
        let maker = try PseudoTerminal()
        let adopted = try PseudoTerminal(adoptingMaster: maker.masterDescriptor)
        #expect(adopted.slavePath == maker.slavePath)
        #expect(adopted.masterDescriptor != maker.masterDescriptor)
        let port = try SerialPort(path: adopted.slavePath)
        let sent: [UInt8] = [0, 1, 2, 0x0A, 0x0D, 0xFF]
        #expect(adopted.write(sent[...]) == sent.count)
        #expect(try readAll(port, count: sent.count) == sent)

        adopted.unplug()
        var poll = PollSet()
        let index = poll.add(port.descriptor)
        try poll.wait(timeoutNanoseconds: 0)
        #expect(!poll.events(at: index).contains(.hangUp), "the maker still holds the pair")
        #expect(maker.write(sent[...]) == sent.count)
        #expect(try readAll(port, count: sent.count) == sent)
    }

    @Test func theSettingsFoundAtOpenAreRestoredOnClose() throws {
        let pty = try PseudoTerminal()
        let other = open(pty.slavePath, O_RDWR | O_NOCTTY | O_CLOEXEC)
        defer { close(other) }
        var cooked = settings(of: other)
        cooked.c_lflag |= tcflag_t(ICANON | ECHO)
        cfsetospeed(&cooked, speed_t(B9600))
        cfsetispeed(&cooked, speed_t(B9600))
        tcsetattr(other, TCSANOW, &cooked)
        let port = try SerialPort(path: pty.slavePath)
        var during = settings(of: other)
        #expect(during.c_lflag & tcflag_t(ICANON) == 0)
        #expect(cfgetospeed(&during) == speed_t(B921600))
        port.close()
        var after = settings(of: other)
        #expect(after.c_lflag & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
        #expect(cfgetospeed(&after) == speed_t(B9600))
        #expect(port.descriptor == -1)
        port.close()
    }

    @Test func aSecondOpenIsBusyAndNamesTheHolder() throws {
        let pty = try PseudoTerminal()
        let first = try SerialPort(path: pty.slavePath)
        let error = #expect(throws: SerialPortError.self) { try SerialPort(path: pty.slavePath) }
        #expect(error?.kind == .busy)
        #expect(error?.description == "\(pty.slavePath) is in use by \(ProcessFacts.command) (pid \(getpid())): "
            + "close that program or stop its service, then try again")
        first.close()
        _ = try eventually { try SerialPort(path: pty.slavePath) }
    }

    @Test func theHolderIsFoundThroughAnotherPathToo() throws {
        let pty = try PseudoTerminal()
        let directory = try TemporaryDirectory()
        let link = directory.path + "/sensor"
        #expect(symlink(pty.slavePath, link) == 0)
        let port = try SerialPort(path: link)
        #expect(PortHolder.holding(pty.slavePath) == [PortHolder(pid: getpid(), command: ProcessFacts.command)])
        #expect(PortHolder.holding(link) == [PortHolder(pid: getpid(), command: ProcessFacts.command)])
        port.close()
    }

    @Test func aMissingDeviceSaysToPlugItIn() {
        let error = #expect(throws: SerialPortError.self) { try SerialPort(path: "/dev/ttyLipTwitchNone") }
        #expect(error?.kind == .missing)
        #expect(error?.description == "no sensor at /dev/ttyLipTwitchNone: plug it in, or check the path "
            + "(liptwitch devices lists the sensors it sees)")
    }

    @Test func aFileIsNotASerialPort() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/not-a-port"
        close(creat(path, 0o600))
        let error = #expect(throws: SerialPortError.self) { try SerialPort(path: path) }
        #expect(error?.kind == .notASerialPort)
        #expect(error?.description.hasSuffix("give the sensor's device, such as /dev/ttyACM0") == true)
    }

    @Test func aPtyOffersNoLowLatencyAndThatIsFine() throws {
        let pty = try PseudoTerminal()
        let port = try SerialPort(path: pty.slavePath)
        #expect(port.lowLatency.latencyTimer == nil)
        #expect(!port.lowLatency.description.isEmpty)
    }

    private func readAll(_ port: SerialPort, count: Int) throws -> [UInt8] {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        var poll = PollSet()
        poll.add(port.descriptor)
        while received.count < count {
            try poll.wait(timeoutNanoseconds: 5_000_000_000)
            let got = try port.read(into: &buffer)
            guard got > 0 else { break }
            received += buffer[0..<got]
        }
        return received
    }
}
