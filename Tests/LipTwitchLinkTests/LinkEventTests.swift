import LipTwitchLink
import LipTwitchProtocol
import Testing

/// What the link's events say, to machines and to people.
@Suite struct LinkEventTests {
    @Test func everyEventNamesThePhaseItLeadsTo() {
        let failure = OpenFailure(.busy, message: "busy")
        let identity = LinkFixtures.identity()
        let table: [(LinkEvent, LinkPhase, String)] = [
            (.opening(LinkFixtures.location), .opening, "opening"),
            (.openFailed(failure, retryIn: .seconds(1)), .gone, "open_failed"),
            (.opened(path: "/dev/ttyACM0"), .handshaking, "opened"),
            (.identified(identity), .handshaking, "identified"),
            (.rateChanged(from: 2000, to: 1000), .handshaking, "rate_changed"),
            (.streaming(identity), .streaming, "streaming"),
            (.stalled(silence: .seconds(1)), .stalled, "stalled"),
            (.deviceRestarted, .handshaking, "device_restarted"),
            (.handshakeFailed(.noSamples, retryIn: .seconds(1)), .gone, "handshake_failed"),
            (.disconnected(.removed, retryIn: .seconds(1)), .gone, "disconnected"),
            (.removed(path: "/dev/ttyACM0"), .absent, "removed"),
            (.incompatible(.newerProtocol(major: 3)), .incompatible, "incompatible"),
            (.stopping, .stopping, "stopping"),
            (.stopped(.acknowledged), .stopped, "stopped"),
        ]
        for (event, phase, name) in table {
            #expect(event.phase == phase)
            #expect(event.name == name)
            #expect(!event.sentence.isEmpty)
        }
    }

    @Test func sentencesReadWell() {
        #expect(LinkEvent.opening(LinkFixtures.location).sentence
            == "opening /dev/serial/by-id/usb-LipTwitch_LT-0001-if00 (/dev/ttyACM0)")
        #expect(LinkEvent.identified(LinkFixtures.identity()).sentence
            == "sensor LT-0001: emg, 2 channels at 2000 Hz, firmware 1.2.3, protocol 1.0")
        #expect(LinkEvent.handshakeFailed(.noSamples, retryIn: .milliseconds(1500)).sentence
            == "the sensor acknowledged START but sent no samples; retrying in 1.5 s")
        #expect(LinkEvent.openFailed(OpenFailure(.missing, message: "no sensor at /dev/x"), retryIn: .seconds(5)).sentence
            == "no sensor at /dev/x (retrying in 5 s)")
        #expect(LinkEvent.incompatible(.unsupportedRate(3999)).sentence.hasPrefix("the sensor cannot sample at 3999 Hz"))
    }
}
