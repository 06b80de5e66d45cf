import LipTwitchLink
import LipTwitchProtocol
import Testing

/// The start-up handshake of PROTOCOL.md section 8, step by step, without a port.
@Suite struct LinkStateMachineHandshakeTests {
    private typealias F = LinkFixtures

    @Test func anAppearedSensorIsOpened() {
        var link = LinkHarness()
        #expect(link.machine.phase == .absent)
        let actions = link.handle(.device(.appeared(F.location)))
        #expect(actions == [.cancelTimer, .report(.opening(F.location)), .open(path: "/dev/ttyACM0", lineRate: 921_600)])
        #expect(link.machine.phase == .opening)
        #expect(link.machine.location == F.location)
    }

    @Test func openingSendsADelimiterAndStopThenWaits200Milliseconds() {
        var link = LinkHarness()
        _ = link.handle(.device(.appeared(F.location)))
        let actions = link.handle(.openSucceeded)
        #expect(actions == [
            .report(.opened(path: "/dev/ttyACM0")), .write([0]), .send(.stop, sequence: 0),
            .scheduleTimer(at: F.ms(200)),
        ])
        #expect(link.machine.phase == .handshaking)
        #expect(link.machine.handshakeStep == .stopSent)
        #expect(link.machine.counters.opens == 1)
    }

    @Test func theAckOfStopFlushesAndIdentifies() {
        var link = LinkHarness()
        link.open()
        let actions = link.acknowledge(.stop)
        #expect(actions == [
            .flushInput, .send(.identify(hostMaxVersion: 1), sequence: 1), .scheduleTimer(at: F.ms(500)),
        ])
        #expect(link.machine.handshakeStep == .identifySent(try: 1))
    }

    @Test func noAckOfStopCarriesOnAfterItsTimeout() {
        var link = LinkHarness()
        link.open()
        #expect(link.fire(at: 150) == [.scheduleTimer(at: F.ms(200))], "an early timer only waits on")
        let actions = link.fire(at: 200)
        #expect(actions == [
            .flushInput, .send(.identify(hostMaxVersion: 1), sequence: 1), .scheduleTimer(at: F.ms(700)),
        ])
    }

    @Test func anErrorToStopAlsoCarriesOn() {
        var link = LinkHarness()
        link.open()
        #expect(link.receive(F.error(.stop, 0, .internal)).commands == [.identify(hostMaxVersion: 1)])
    }

    @Test func anAckOfAnotherCommandOrSequenceIsIgnored() {
        var link = LinkHarness()
        link.open()
        #expect(link.receive(F.ack(.stop, 7)) == [])
        #expect(link.receive(F.ack(.start, 0)) == [])
        #expect(link.machine.handshakeStep == .stopSent)
    }

    @Test func theIdentityIsReportedAndStartSent() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        let actions = link.receive(F.message(.identity(F.identity())))
        #expect(actions == [
            .report(.identified(F.identity())), .send(.start, sequence: 2), .scheduleTimer(at: F.ms(200)),
        ])
        #expect(link.machine.handshakeStep == .startSent(try: 1))
    }

    @Test func theAckOfStartWaitsForTheFirstBatch() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        let actions = link.acknowledge(.start)
        #expect(actions == [.scheduleTimer(at: F.ms(100))])
        #expect(link.machine.handshakeStep == .awaitingSamples)
    }

    @Test func theFirstBatchStartsTheStream() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        _ = link.acknowledge(.start)
        link.now = F.ms(10)
        let actions = link.receive(F.message(F.samples()))
        #expect(actions == [
            .report(.streaming(F.identity())), .deliver(F.samples()), .scheduleTimer(at: F.ms(510)),
        ])
        #expect(link.machine.phase == .streaming)
        #expect(link.machine.streamingIdentity == F.identity())
        #expect(link.machine.counters.streamsStarted == 1)
        #expect(link.machine.counters.reconnects == 0)
    }

    @Test func samplesBeforeTheAckOfStartAreStaleAndDropped() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        #expect(link.receive(F.message(F.samples())) == [])
        #expect(link.machine.handshakeStep == .startSent(try: 1))
    }

    @Test func identifyIsTriedThreeTimesThenTheLinkBacksOff() {
        var link = LinkHarness(configuration: F.oneLineRateNoBootWindow)
        link.open()
        _ = link.acknowledge(.stop)
        #expect(link.fire(at: 500).commands == [.identify(hostMaxVersion: 1)])
        #expect(link.machine.handshakeStep == .identifySent(try: 2))
        #expect(link.fire(at: 1000).commands == [.identify(hostMaxVersion: 1)])
        let actions = link.fire(at: 1500)
        #expect(actions == [
            .send(.stop, sequence: 4), .close,
            .report(.handshakeFailed(.noAnswer(to: .identify, tries: 3), retryIn: .milliseconds(250))),
            .scheduleTimer(at: F.ms(1750)),
        ])
        #expect(link.machine.phase == .gone)
        #expect(link.machine.counters.handshakeFailures == 1)
        #expect(actions.reports.first?.sentence == "the sensor did not answer IDENTIFY (3 tries); retrying in 250 ms")
    }

    @Test func startIsTriedThreeTimes() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        #expect(link.fire(at: 200).commands == [.start])
        #expect(link.fire(at: 400).commands == [.start])
        #expect(link.fire(at: 600).reports == [.handshakeFailed(.noAnswer(to: .start, tries: 3), retryIn: .milliseconds(250))])
    }

    @Test func noBatchAfterTheAckOfStartFailsTheHandshake() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        _ = link.acknowledge(.start)
        #expect(link.fire(at: 100).reports == [.handshakeFailed(.noSamples, retryIn: .milliseconds(250))])
    }

    @Test func aSlowSensorGetsTwoBatchPeriodsForItsFirstBatch() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity(rate: 10, maxBatch: 1))))
        #expect(link.acknowledge(.start) == [.scheduleTimer(at: F.ms(200))])
    }

    @Test func anErrorToStartFailsTheHandshake() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        let actions = link.receive(F.error(.start, link.lastSequence, .internal))
        #expect(actions.reports == [.handshakeFailed(.refused(.start, .internal), retryIn: .milliseconds(250))])
        #expect(actions.contains(.close))
    }

    @Test func aNewerSensorIsIncompatibleAndNotRetried() {
        var link = LinkHarness()
        link.open()
        #expect(link.receive(.frameError(.unsupportedVersion(2))) == [], "stale frames before the flush are not judged")
        _ = link.acknowledge(.stop)
        let actions = link.receive(.frameError(.unsupportedVersion(2)))
        #expect(actions == [
            .send(.stop, sequence: 2), .close, .cancelTimer, .report(.incompatible(.newerProtocol(major: 2))),
        ])
        #expect(link.machine.phase == .incompatible)
        #expect(actions.reports.first?.sentence
            == "the sensor speaks protocol 2; this LipTwitch speaks protocol 1: update LipTwitch")
        #expect(link.fire(at: 60_000) == [], "no retry loop")
        #expect(link.handle(.device(.appeared(F.location))).contains(.open(path: "/dev/ttyACM0", lineRate: 921_600)),
                "plugging it in again tries again")
    }

    @Test func aConfiguredRateIsSetThenTheSensorIdentifiedAgain() {
        var link = LinkHarness(configuration: LinkConfiguration(sampleRateHz: 1000))
        link.open()
        _ = link.acknowledge(.stop)
        let asked = link.receive(F.message(.identity(F.identity(rate: 2000))))
        #expect(asked == [
            .report(.identified(F.identity(rate: 2000))), .send(.setSampleRate(1000), sequence: 2),
            .scheduleTimer(at: F.ms(200)),
        ])
        let changed = link.acknowledge(.setRate)
        #expect(changed == [
            .report(.rateChanged(from: 2000, to: 1000)), .send(.identify(hostMaxVersion: 1), sequence: 3),
            .scheduleTimer(at: F.ms(500)),
        ])
        let started = link.receive(F.message(.identity(F.identity(rate: 1000, maxBatch: 8))))
        #expect(started.commands == [.start])
    }

    @Test func setRateIsTriedThreeTimes() {
        var link = LinkHarness(configuration: LinkConfiguration(sampleRateHz: 1000))
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity(rate: 2000))))
        #expect(link.fire(at: 200).commands == [.setSampleRate(1000)])
        #expect(link.fire(at: 400).commands == [.setSampleRate(1000)])
        #expect(link.fire(at: 600).reports
            == [.handshakeFailed(.noAnswer(to: .setRate, tries: 3), retryIn: .milliseconds(250))])
    }

    @Test func aRefusedRateIsIncompatible() {
        var link = LinkHarness(configuration: LinkConfiguration(sampleRateHz: 3999))
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        let actions = link.receive(F.error(.setRate, link.lastSequence, .unsupportedValue))
        #expect(actions.reports == [.incompatible(.unsupportedRate(3999))])
        #expect(link.machine.phase == .incompatible)
    }

    @Test func aRateErrorOtherThanUnsupportedFailsTheHandshake() {
        var link = LinkHarness(configuration: LinkConfiguration(sampleRateHz: 1000))
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity())))
        let actions = link.receive(F.error(.setRate, link.lastSequence, .invalidState))
        #expect(actions.reports == [.handshakeFailed(.refused(.setRate, .invalidState), retryIn: .milliseconds(250))])
    }

    @Test func aRateAcknowledgedButNotAppliedFailsTheHandshake() {
        var link = LinkHarness(configuration: LinkConfiguration(sampleRateHz: 1000))
        link.open()
        _ = link.acknowledge(.stop)
        _ = link.receive(F.message(.identity(F.identity(rate: 2000))))
        _ = link.acknowledge(.setRate)
        let actions = link.receive(F.message(.identity(F.identity(rate: 2000))))
        #expect(actions.reports.last
            == .handshakeFailed(.rateNotApplied(requested: 1000, reported: 2000), retryIn: .milliseconds(250)))
    }

    @Test func anErrorToIdentifyFailsTheHandshake() {
        var link = LinkHarness()
        link.open()
        _ = link.acknowledge(.stop)
        let actions = link.receive(F.error(.identify, link.lastSequence, .unsupportedValue))
        #expect(actions.reports == [
            .handshakeFailed(.refused(.identify, .unsupportedValue), retryIn: .milliseconds(250)),
        ])
    }

    @Test func sequenceNumbersStartAtZeroOnEveryOpen() {
        var link = LinkHarness()
        link.stream()
        #expect(link.lastSequence == 2)
        _ = link.handle(.hungUp("end of file"))
        _ = link.fire(at: 250)
        #expect(link.handle(.openSucceeded).contains(.send(.stop, sequence: 0)))
    }
}
