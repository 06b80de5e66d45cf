import LipTwitchDrivers
import LipTwitchRuntime
import LipTwitchSimulator
import LipTwitchSystem
import Testing
import TestSupport

/// The simulated OpenBCI Cyton served on a real pseudo-terminal, read through a real serial
/// port at the dongle's 115200 baud: what the Cyton driver's link tests stand on.
@Suite struct VirtualCytonTests {
    /// Reads what the board sent until `done` says it has it all (10 s at most).
    static func read(
        _ port: SerialPort, into decoder: inout CytonStreamDecoder, until done: ([CytonEvent]) -> Bool
    ) throws -> [CytonEvent] {
        var events: [CytonEvent] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var poll = PollSet()
        poll.add(port.descriptor)
        let deadline = MonotonicClock.nanoseconds() + 10_000_000_000
        while !done(events), MonotonicClock.nanoseconds() < deadline {
            try poll.wait(timeoutNanoseconds: 100_000_000)
            let count = try port.read(into: &buffer)
            var input = buffer[0..<count]
            while let event = decoder.decode(&input) { events.append(event) }
        }
        return events
    }

    @Test func aHostResetsItStartsItAndReadsPacketsAt250Hz() throws {
        let board = try VirtualSensor(device: SimulatedCyton(simulation: CytonSimulation()))
        defer { board.stop() }
        let port = try SerialPort(path: try #require(board.devicePath), baudRate: 115_200)
        var decoder = CytonStreamDecoder()
        _ = try Self.read(port, into: &decoder) { $0.contains(.reply(.banner(firmware: "v3.1.2", daisy: false))) }
        try port.write(Array("v".utf8))
        let reset = try Self.read(port, into: &decoder) { !$0.isEmpty }
        #expect(reset == [.reply(.banner(firmware: "v3.1.2", daisy: false))])
        try port.write(Array("b".utf8))
        let streamed = try Self.read(port, into: &decoder) { events in
            events.filter { if case .packet = $0 { true } else { false } }.count >= 100
        }
        let numbers = streamed.compactMap { event -> UInt8? in if case .packet(let packet) = event { packet.sampleNumber } else { nil } }
        #expect(numbers.prefix(100) == ArraySlice((0..<100).map { UInt8($0) }), "no sample lost on the way")
        try port.write(Array("s".utf8))
        #expect(decoder.counters.bytesDiscarded == 0)
    }

    @Test func aBoardThatIsOffIsSaidByTheDongle() throws {
        var simulation = CytonSimulation()
        simulation.faults.boardOff = true
        let board = try VirtualSensor(device: SimulatedCyton(simulation: simulation))
        defer { board.stop() }
        let port = try SerialPort(path: try #require(board.devicePath), baudRate: 115_200)
        try port.write(Array("v".utf8))
        var decoder = CytonStreamDecoder()
        let answer = try Self.read(port, into: &decoder) { !$0.isEmpty }
        #expect(answer == [.reply(.failure("Communications timeout - Device failed to poll Host"))])
    }
}
