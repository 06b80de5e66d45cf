import LipTwitchLink
import LipTwitchProtocol
import Testing

/// Losing the sensor, backing off, finding it again, and stopping.
@Suite struct LinkStateMachineConnectionTests {
    private typealias F = LinkFixtures
    private static let missing = OpenFailure(.missing, message: "cannot open /dev/ttyACM0: no such file or directory")

    @Test(arguments: ["end of file", "hang-up (POLLHUP)", "input/output error (EIO)", "no such device (ENODEV)"])
    func aHangUpWhileStreamingClosesAndRetries(detail: String) {
        var link = LinkHarness()
        link.stream()
        link.now = F.ms(1000)
        let actions = link.handle(.hungUp(detail))
        #expect(actions == [
            .close, .report(.disconnected(.hungUp(detail), retryIn: .milliseconds(250))), .scheduleTimer(at: F.ms(1250)),
        ])
        #expect(link.machine.phase == .gone)
        #expect(link.machine.counters.disconnects == 1)
        #expect(actions.reports.first?.sentence == "the sensor is gone (\(detail)); retrying in 250 ms")
    }

    @Test func aHangUpDuringTheHandshakeAlsoRetries() {
        var link = LinkHarness()
        link.open()
        #expect(link.handle(.hungUp("end of file")).reports
            == [.disconnected(.hungUp("end of file"), retryIn: .milliseconds(250))])
    }

    @Test func theRetryReopensTheSamePath() {
        var link = LinkHarness()
        link.stream()
        _ = link.handle(.hungUp("end of file"))
        #expect(link.fire(at: 100) == [.scheduleTimer(at: F.ms(250))], "an early timer only waits on")
        #expect(link.fire(at: 250) == [.report(.opening(F.location)), .open(path: "/dev/ttyACM0", lineRate: 921_600)])
        #expect(link.machine.phase == .opening)
        link.answerHandshakeAfterOpen()
        #expect(link.machine.phase == .streaming)
        #expect(link.machine.counters.reconnects == 1)
    }

    @Test func repeatedOpenFailuresBackOffExponentiallyAndAreReportedOnce() {
        var link = LinkHarness()
        _ = link.handle(.device(.appeared(F.location)))
        var delays: [Duration] = []
        var reports: [LinkEvent] = []
        var moment: Int64 = 0
        for _ in 0..<8 {
            let failed = link.handle(.openFailed(Self.missing))
            reports += failed.reports
            let retryAt = try! #require(failed.timer)
            delays.append(retryAt - link.now)
            moment = retryAt.nanoseconds / 1_000_000
            let reopened = link.fire(at: moment)
            reports += reopened.reports
            #expect(reopened.last == .open(path: "/dev/ttyACM0", lineRate: 921_600))
        }
        #expect(delays == [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(4),
                           .seconds(5), .seconds(5), .seconds(5)])
        #expect(reports == [.openFailed(Self.missing, retryIn: .milliseconds(250))])
        #expect(link.machine.counters.openFailures == 8)
        let busy = OpenFailure(.busy, message: "/dev/ttyACM0 is in use by minicom (pid 42)")
        #expect(link.handle(.openFailed(busy)).reports == [.openFailed(busy, retryIn: .seconds(5))],
                "a new reason is reported")
    }

    @Test func aHealthyStreamResetsTheBackoff() {
        var link = LinkHarness()
        link.stream()
        _ = link.handle(.hungUp("end of file"))
        _ = link.fire(at: 250)
        _ = link.handle(.openFailed(Self.missing))
        _ = link.fire(at: 750)
        link.answerHandshakeAfterOpen()
        link.now = F.ms(2000)
        #expect(link.handle(.hungUp("end of file")).timer == F.ms(3000), "a short stream: the backoff goes on")
        _ = link.fire(at: 3000)
        link.answerHandshakeAfterOpen()
        link.now = F.ms(9000)
        _ = link.receive(F.message(F.samples()))
        #expect(link.handle(.hungUp("end of file")).timer == F.ms(9250), "after 6 s of streaming: back to 250 ms")
    }

    @Test func aRemovedSensorIsClosedAndAwaited() {
        var link = LinkHarness()
        link.stream()
        let actions = link.handle(.device(.disappeared(devicePath: "/dev/ttyACM0")))
        #expect(actions == [.close, .cancelTimer, .report(.removed(path: "/dev/ttyACM0"))])
        #expect(link.machine.phase == .absent)
        #expect(link.machine.counters.disconnects == 1)
        #expect(link.fire(at: 10_000) == [], "no retries: discovery will say when it is back")
        let back = SensorLocation(devicePath: "/dev/ttyACM1", serialNumber: "LT-0001")
        #expect(link.handle(.device(.appeared(back))) == [.cancelTimer, .report(.opening(back)), .open(path: "/dev/ttyACM1", lineRate: 921_600)])
    }

    @Test func removalByItsStableLinkCountsToo() {
        var link = LinkHarness()
        link.stream()
        let path = "/dev/serial/by-id/usb-LipTwitch_LT-0001-if00"
        #expect(link.handle(.device(.disappeared(devicePath: path))).reports == [.removed(path: path)])
    }

    @Test func anotherDevicesRemovalIsIgnored() {
        var link = LinkHarness()
        link.stream()
        #expect(link.handle(.device(.disappeared(devicePath: "/dev/ttyUSB3"))) == [])
        #expect(link.machine.phase == .streaming)
    }

    @Test func removalWhileWaitingToRetryStopsTheRetries() {
        var link = LinkHarness()
        link.stream()
        _ = link.handle(.hungUp("input/output error (EIO)"))
        #expect(link.handle(.device(.disappeared(devicePath: "/dev/ttyACM0")))
            == [.cancelTimer, .report(.removed(path: "/dev/ttyACM0"))])
        #expect(link.machine.phase == .absent)
    }

    @Test func anIncompatibleSensorThatIsUnpluggedIsForgotten() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(.frameError(.unsupportedVersion(3)))
        #expect(link.handle(.device(.disappeared(devicePath: "/dev/ttyACM0"))) == [.cancelTimer, .report(.removed(path: "/dev/ttyACM0"))])
        #expect(link.machine.phase == .absent)
    }

    @Test func stoppingDuringTheHandshakeTellsTheSensorToo() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        let actions = link.handle(.stopRequested)
        #expect(actions == [.report(.stopping), .send(.stop, sequence: 2), .scheduleTimer(at: F.ms(200))])
        #expect(link.acknowledge(.stop).reports == [.stopped(.acknowledged)])
    }

    @Test func aHangUpWhileStalledIsADisconnect() {
        var link = LinkHarness()
        link.stream()
        _ = link.fire(at: 500)
        #expect(link.machine.phase == .stalled)
        #expect(link.handle(.hungUp("input/output error (EIO)")).reports
            == [.disconnected(.hungUp("input/output error (EIO)"), retryIn: .milliseconds(250))])
        #expect(link.machine.phase == .gone)
    }

    @Test func aSensorAppearingWhileWaitingIsOpenedAtOnce() {
        var link = LinkHarness()
        link.stream()
        _ = link.handle(.hungUp("end of file"))
        #expect(link.handle(.device(.appeared(F.location))).last == .open(path: "/dev/ttyACM0", lineRate: 921_600))
    }

    @Test func aSecondSensorIsIgnoredWhileOneIsLinked() {
        var link = LinkHarness()
        link.stream()
        #expect(link.handle(.device(.appeared(SensorLocation(devicePath: "/dev/ttyACM1")))) == [])
    }

    @Test func anOpenThatLandsInAnotherStateIsClosed() {
        var link = LinkHarness()
        link.stream()
        #expect(link.handle(.openSucceeded) == [.close])
        #expect(link.handle(.openFailed(Self.missing)) == [])
    }

    @Test func inputsWithoutAPortDoNothing() {
        var link = LinkHarness()
        #expect(link.receive(F.message(F.samples())) == [])
        #expect(link.handle(.hungUp("end of file")) == [])
        #expect(link.fire(at: 1000) == [])
        #expect(link.machine.phase == .absent)
    }

    @Test func stoppingAStreamTellsTheSensorAndWaitsForItsAck() {
        var link = LinkHarness()
        link.stream()
        let stopping = link.handle(.stopRequested)
        #expect(stopping == [.report(.stopping), .send(.stop, sequence: 3), .scheduleTimer(at: F.ms(200))])
        #expect(link.machine.phase == .stopping)
        #expect(link.receive(F.message(F.samples())) == [], "batches in flight are dropped")
        let stopped = link.acknowledge(.stop)
        #expect(stopped == [.close, .cancelTimer, .report(.stopped(.acknowledged))])
        #expect(link.machine.phase == .stopped)
        #expect(link.handle(.stopRequested) == [])
        #expect(link.handle(.device(.appeared(F.location))) == [])
    }

    @Test func aStopWithoutAckClosesAfter200Milliseconds() {
        var link = LinkHarness()
        link.stream()
        _ = link.handle(.stopRequested)
        #expect(link.fire(at: 100) == [.scheduleTimer(at: F.ms(200))])
        let actions = link.fire(at: 200)
        #expect(actions == [.close, .cancelTimer, .report(.stopped(.unacknowledged))])
    }

    @Test func aHangUpWhileStoppingFinishesTheStop() {
        var link = LinkHarness()
        link.open()
        _ = link.handle(.stopRequested)
        #expect(link.handle(.hungUp("end of file")).reports == [.stopped(.unacknowledged)])
    }

    @Test(arguments: [0, 1, 2])
    func stoppingWithoutAPortIsImmediate(situation: Int) {
        var link = LinkHarness()
        switch situation {
        case 1: _ = link.handle(.device(.appeared(F.location)))
        case 2:
            _ = link.handle(.device(.appeared(F.location)))
            _ = link.handle(.openFailed(Self.missing))
        default: break
        }
        #expect(link.handle(.stopRequested) == [.cancelTimer, .report(.stopped(.noDevice))])
        #expect(link.machine.phase == .stopped)
        #expect(link.handle(.openSucceeded) == [.close], "an open that finishes after the stop is undone")
    }
}

extension LinkHarness {
    /// After a retry's `open` action: the open works and the handshake is answered.
    mutating func answerHandshakeAfterOpen() {
        _ = handle(.openSucceeded)
        answerHandshake()
    }
}
