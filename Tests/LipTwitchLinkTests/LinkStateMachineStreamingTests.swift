import LipTwitchLink
import LipTwitchProtocol
import Testing

/// A running stream: delivery, heartbeat, stalls, sensor restarts.
@Suite struct LinkStateMachineStreamingTests {
    private typealias F = LinkFixtures

    @Test func samplesStatusAndMarkersAreDeliveredAndPongsCounted() {
        var link = LinkHarness()
        link.stream()
        let status = DeviceMessage.status(DeviceStatus(
            timestampMicros: 1, batteryPercent: 90, power: [], leadOffMask: 0, saturationMask: 0, overrunCount: 0))
        let marker = DeviceMessage.marker(UserMarker(timestampMicros: 1, sampleIndex: 2, kind: .shortPress))
        #expect(link.receive(F.message(F.samples(first: 16))) == [.deliver(F.samples(first: 16))])
        #expect(link.receive(F.message(status)) == [.deliver(status)])
        #expect(link.receive(F.message(marker)) == [.deliver(marker)])
        #expect(link.receive(F.message(.pong(Pong(nonce: 1, timestampMicros: 5)))) == [])
        #expect(link.receive(F.ack(.start, 9)) == [])
        #expect(link.receive(.frameError(.crcMismatch(byteCount: 40))) == [], "the decoder counts bad frames")
        #expect(link.receive(.sequenceGap(expected: 1, received: 3, lostFrames: 2)) == [])
        #expect(link.machine.counters.pongsReceived == 1)
        #expect(link.machine.phase == .streaming)
    }

    @Test func aPingGoesOutEverySecondWhileFramesArrive() {
        var link = LinkHarness()
        link.stream()
        for millisecond in stride(from: Int64(100), through: 1000, by: 100) {
            link.now = F.ms(millisecond)
            _ = link.receive(F.message(F.samples()))
        }
        let actions = link.fire(at: 1000)
        #expect(actions == [.send(.ping(nonce: 1), sequence: 3), .scheduleTimer(at: F.ms(1500))])
        #expect(link.machine.counters.pingsSent == 1)
        link.now = F.ms(1400)
        _ = link.receive(F.message(F.samples()))
        #expect(link.fire(at: 1500) == [.scheduleTimer(at: F.ms(1900))], "not yet a stall, not yet a ping")
        link.now = F.ms(1800)
        _ = link.receive(F.message(F.samples()))
        #expect(link.fire(at: 2000).commands == [.ping(nonce: 2)])
    }

    @Test func aLatePingTimerDoesNotBurst() {
        var link = LinkHarness()
        link.stream()
        link.now = F.ms(3400)
        _ = link.receive(F.message(F.samples()))
        let actions = link.fire(at: 3500)
        #expect(actions.commands == [.ping(nonce: 1)])
        #expect(actions.timer == F.ms(3900), "the next ping is a full interval later, the stall check sooner")
        link.now = F.ms(3850)
        _ = link.receive(F.message(F.samples()))
        #expect(link.fire(at: 4300).commands == [], "one ping per interval however late the timer was")
    }

    @Test func silenceForTheStallTimeoutStallsAndShakesHandsAgain() {
        var link = LinkHarness()
        link.stream()
        let actions = link.fire(at: 500)
        #expect(actions == [
            .report(.stalled(silence: .milliseconds(500))), .write([0]), .send(.stop, sequence: 3),
            .scheduleTimer(at: F.ms(700)),
        ])
        #expect(link.machine.phase == .stalled)
        #expect(link.machine.counters.stalls == 1)
        #expect(actions.reports.first?.sentence == "no frame for 500 ms: the link stalled; shaking hands again")
        link.answerHandshake()
        #expect(link.machine.phase == .streaming)
        #expect(link.machine.counters.reconnects == 1)
        #expect(link.machine.counters.streamsStarted == 2)
    }

    @Test func aStalledLinkThatNeverAnswersIsClosedAndRetried() {
        var link = LinkHarness()
        link.stream()
        _ = link.fire(at: 500)
        _ = link.fire(at: 700)
        _ = link.fire(at: 1200)
        _ = link.fire(at: 1700)
        let actions = link.fire(at: 2200)
        #expect(actions.reports == [.handshakeFailed(.noAnswer(to: .identify, tries: 3), retryIn: .milliseconds(250))])
        #expect(actions.contains(.close))
        #expect(link.machine.phase == .gone)
    }

    @Test func aSlowSensorStallsAfterFourBatchPeriods() {
        var link = LinkHarness()
        link.stream(identity: F.identity(rate: 10, maxBatch: 5))
        #expect(link.fire(at: 1000).reports == [], "a batch every 500 ms: 1 s of silence is normal")
        #expect(link.fire(at: 2000).reports == [.stalled(silence: .seconds(2))])
    }

    @Test func aFrameCounterGoingBackIsARestart() {
        var link = LinkHarness()
        link.stream()
        let actions = link.receive(.sequenceReset(expected: 900, received: 0))
        #expect(actions == [.report(.deviceRestarted), .write([0]), .send(.stop, sequence: 3), .scheduleTimer(at: F.ms(200))])
        #expect(link.machine.phase == .handshaking)
        #expect(link.machine.counters.deviceRestarts == 1)
    }
}
