import LipTwitchLink
import LipTwitchProtocol
import Testing

/// Finding the sensor's line rate (PROTOCOL.md section 1): the documented rates in turn
/// until one gets an IDENTITY, the first of them for long enough that an Arduino's
/// bootloader is over, and the rate that answered first at the next open.
@Suite struct LinkStateMachineLineRateTests {
    private typealias F = LinkFixtures

    /// STOP answered by nobody, then IDENTIFY tried until the timer at `until` ms.
    private func silence(_ link: inout LinkHarness, from start: Int64, until end: Int64) -> [LinkAction] {
        var actions: [LinkAction] = []
        var moment = start
        while moment <= end {
            actions += link.fire(at: moment)
            guard case .scheduleTimer(let next)? = actions.last else { break }
            moment = next.nanoseconds / 1_000_000
        }
        return actions
    }

    @Test func theFirstRateIsTriedUntilTheBootloaderIsSurelyOverThenTheNext() {
        var link = LinkHarness()
        link.open()
        #expect(link.machine.lineRate == 921_600)
        let actions = silence(&link, from: 200, until: 2700)
        // IDENTIFY at 200, 700, 1200, 1700, 2200 ms: five tries within the 2.5 s boot window.
        #expect(actions.commands.filter { $0 == .identify(hostMaxVersion: 1) }.count == 5)
        let switched = Array(actions.drop { $0 != .report(.lineRateChanged(from: 921_600, to: 500_000)) })
        #expect(switched.prefix(3) == [
            .report(.lineRateChanged(from: 921_600, to: 500_000)), .setLineRate(500_000), .flushInput,
        ])
        #expect(switched.dropFirst(3).prefix(2) == [.write([0]), .send(.stop, sequence: 6)])
        #expect(link.machine.lineRate == 500_000)
        #expect(link.machine.phase == .handshaking)
        #expect(actions.reports.last?.sentence == "no answer at 921600 baud; trying 500000 baud")
    }

    @Test func aSensorAtTheSecondRateIsFoundAndItsRateTriedFirstNextTime() {
        var link = LinkHarness()
        link.open()
        _ = silence(&link, from: 200, until: 2700)
        #expect(link.machine.lineRate == 500_000)
        link.answerHandshake()
        #expect(link.machine.phase == .streaming)
        _ = link.handle(.hungUp("unplugged"))
        let reopen = link.fire(at: 10_000)
        #expect(reopen.last == .open(path: "/dev/ttyACM0", lineRate: 500_000))
    }

    @Test func afterTheLastRateTheHandshakeFailsAndTheNextOpenStartsOver() {
        var link = LinkHarness()
        link.open()
        // 921600 until 2.7 s, then 500000 and 1000000 with three tries each (200 ms + 3 × 500 ms).
        let actions = silence(&link, from: 200, until: 2700 + 1700 + 1700)
        #expect(actions.reports.compactMap { if case .lineRateChanged(_, let to) = $0 { to } else { nil } }
            == [500_000, 1_000_000])
        #expect(actions.reports.last == .handshakeFailed(.noAnswer(to: .identify, tries: 3), retryIn: .milliseconds(250)))
        #expect(link.machine.phase == .gone)
        #expect(link.fire(at: 7000).last == .open(path: "/dev/ttyACM0", lineRate: 921_600))
    }

    @Test func aSensorThatAnswersAtOnceIsNeverProbedFurther() {
        var link = LinkHarness()
        link.open()
        link.answerHandshake()
        #expect(link.machine.phase == .streaming && link.machine.lineRate == 921_600)
    }

    @Test func oneConfiguredRateIsNeverLeft() {
        var configuration = LinkConfiguration(lineRates: [500_000])
        configuration.bootWindow = .zero
        var link = LinkHarness(configuration: configuration)
        _ = link.handle(.device(.appeared(F.location)))
        #expect(link.machine.lineRate == 500_000)
        _ = link.handle(.openSucceeded)
        let actions = silence(&link, from: 200, until: 1700)
        #expect(!actions.contains { if case .setLineRate = $0 { true } else { false } })
        #expect(link.machine.phase == .gone)
    }
}

/// A port taken on probation (a generic board, docs/DISCOVERY.md) is kept only if a
/// LipTwitch sensor answers on it.
@Suite struct LinkStateMachineProbationTests {
    private typealias F = LinkFixtures
    private static let board = SensorLocation(devicePath: "/dev/ttyUSB0", vendorId: 0x1A86, productId: 0x7523, needsProof: true)

    @Test func aBoardThatNeverAnswersIsLeftAloneUntilItIsPluggedInAgain() {
        var link = LinkHarness()
        link.open(Self.board)
        var actions: [LinkAction] = []
        for moment in stride(from: Int64(200), through: 6100, by: 100) { actions += link.fire(at: moment) }
        #expect(link.machine.phase == .incompatible)
        #expect(actions.contains(.close))
        let incompatibility = Incompatibility.notASensor(path: "/dev/ttyUSB0", lineRates: [921_600, 500_000, 1_000_000])
        #expect(actions.reports.last == .incompatible(incompatibility))
        #expect(incompatibility.description.hasPrefix(
            "/dev/ttyUSB0 gave no LipTwitch answer at 921600, 500000, 1000000 baud: it is another device"))
        #expect(link.fire(at: 20_000).isEmpty, "no retry")
        #expect(link.handle(.device(.appeared(Self.board))).last == .open(path: "/dev/ttyUSB0", lineRate: 921_600))
    }

    @Test func aBoardThatAnsweredOnceIsASensorFromThenOn() {
        var link = LinkHarness()
        link.open(Self.board)
        link.answerHandshake()
        #expect(link.machine.phase == .streaming)
        _ = link.handle(.hungUp("unplugged"))
        _ = link.fire(at: 1000)
        _ = link.handle(.openSucceeded)
        var actions: [LinkAction] = []
        for moment in stride(from: Int64(1200), through: 8000, by: 100) { actions += link.fire(at: moment) }
        #expect(actions.reports.contains { if case .handshakeFailed = $0 { true } else { false } })
        #expect(!actions.reports.contains { if case .incompatible = $0 { true } else { false } })
        #expect(link.machine.phase != .incompatible, "a silent sensor is retried, not given up")
    }
}
