import LipTwitchDrivers
import LipTwitchLink
import LipTwitchProtocol
import Testing

/// The one state machine following another driver's traits: the OpenBCI Cyton's board
/// numbers nothing, confirms neither START nor STOP, wants no heartbeat and has a fixed rate.
@Suite struct LinkStateMachineDriverTests {
    static let cyton = LinkConfiguration(driver: .openBCICyton(CytonSettings()))

    /// The banner's identity, as `CytonLinkDecoder` makes it.
    static func cytonIdentity() -> DeviceIdentity {
        DeviceIdentity(
            sensorKind: .emg, sampleRateHz: 250, sampleFormat: .int24, maxBatch: 1, serialNumber: "OpenBCI-Cyton",
            firmware: FirmwareVersion(major: 3, minor: 1, patch: 2), hardwareRevision: 0,
            channels: [ChannelDescriptor(placement: .unspecified, axis: .none, scale: 0.02)])
    }

    static let oneSample = DeviceMessage.samples(
        SampleBatch(firstSampleIndex: 0, timestampMicros: 0, sampleCount: 1, channelCount: 1, format: .int24, values: [0]))

    @Test func theHandshakeIsStopIdentifyStartWithoutAPreambleAndAnswersAreTakenByKind() {
        var link = LinkHarness(configuration: Self.cyton)
        _ = link.handle(.device(.appeared(LinkFixtures.location)))
        let opened = link.handle(.openSucceeded)
        #expect(opened.commands == [.stop])
        #expect(!opened.contains { if case .write = $0 { true } else { false } }, "no delimiter to end a frame")
        let identifying = link.fire(at: 200)
        #expect(identifying.contains(.flushInput) && identifying.commands == [.identify(hostMaxVersion: ProtocolConstants.version)])
        #expect(identifying.timer == LinkFixtures.ms(2200), "a reset takes the board a while: 2 s to answer")
        let starting = link.receive(LinkFixtures.message(.identity(Self.cytonIdentity())))
        #expect(starting.commands == [.start])
        _ = link.receive(LinkFixtures.ack(.start, 0))
        #expect(link.machine.handshakeStep == .awaitingSamples, "the first packet's ACK, whatever START's number")
        let streaming = link.receive(LinkFixtures.message(Self.oneSample))
        #expect(streaming.reports == [.streaming(Self.cytonIdentity())])
    }

    @Test func noHeartbeatIsSentWhileItStreams() {
        var link = LinkHarness(configuration: Self.cyton)
        link.open()
        _ = link.fire(at: 200)
        _ = link.receive(LinkFixtures.message(.identity(Self.cytonIdentity())))
        _ = link.receive(LinkFixtures.ack(.start, 0))
        _ = link.receive(LinkFixtures.message(Self.oneSample))
        for second in 1...5 {
            _ = link.receive(LinkFixtures.message(Self.oneSample))
            let woken = link.fire(at: 200 + Int64(second) * 300)
            #expect(woken.commands.isEmpty)
            _ = woken
        }
        #expect(link.machine.counters.pingsSent == 0)
    }

    @Test func aRateTheBoardCannotTakeMakesItIncompatibleAtOnce() {
        var configuration = Self.cyton
        configuration.sampleRateHz = 1000
        var link = LinkHarness(configuration: configuration)
        link.open()
        _ = link.fire(at: 200)
        let actions = link.receive(LinkFixtures.message(.identity(Self.cytonIdentity())))
        #expect(actions.reports.last == .incompatible(.unsupportedRate(1000)))
    }

    @Test func aRefusalIsExplainedInTheDriversWords() {
        var link = LinkHarness(configuration: Self.cyton)
        link.open()
        _ = link.fire(at: 200)
        let actions = link.receive(LinkFixtures.error(.identify, 0, .internal))
        guard case .handshakeFailed(.refusedAsAdvised(let advice), _)? = actions.reports.last else {
            Issue.record("\(actions.reports)")
            return
        }
        #expect(advice == Self.cyton.traits.refusalAdvice)
    }

    @Test func aDongleOnProbationThatNeverAnswersVIsNotACyton() {
        var link = LinkHarness(configuration: Self.cyton)
        link.open(SensorLocation(devicePath: "/dev/ttyUSB0", vendorId: 0x0403, productId: 0x6015, needsProof: true))
        var actions: [LinkAction] = []
        for moment in stride(from: Int64(200), through: 8000, by: 100) { actions += link.fire(at: moment) }
        #expect(link.machine.phase == .incompatible)
        let incompatibility = Incompatibility.notASensor(path: "/dev/ttyUSB0", lineRates: [115_200], driver: .openBCICyton)
        #expect(actions.reports.last == .incompatible(incompatibility))
        #expect(incompatibility.description.hasPrefix("/dev/ttyUSB0 is not an OpenBCI Cyton (no answer at 115200 baud)"))
    }

    @Test func stopIsSentAndThePortClosedWithoutWaitingForAConfirmation() {
        var link = LinkHarness(configuration: Self.cyton)
        link.open()
        let actions = link.handle(.stopRequested)
        #expect(actions.commands == [.stop])
        #expect(actions.contains(.close))
        #expect(actions.reports == [.stopping, .stopped(.unconfirmable)])
        #expect(link.machine.phase == .stopped)
    }
}
