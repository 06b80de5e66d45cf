import LipTwitchDetector
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import Testing

/// The guide's answers to what a live calibration can run into besides the protocol.
@Suite struct CalibrationGuideTests {
    static let inputs = ["upper-left", "upper-right"].enumerated().map { column, label in
        DetectorInput(kind: .emg(column: column), label: label, placement: label)
    }

    static func step(_ step: PipelineCalibration.Step, at seconds: Int64) -> PipelineRecord {
        .calibration(PipelineCalibration(stream: 1, step: step, inputs: inputs, at: HostTime(nanoseconds: seconds * 1_000_000_000)))
    }

    @Test func aPortThatNeverOpensEndsIt() {
        var guide = CalibrationGuide(restSeconds: 10, presses: 5)
        let failure = OpenFailure(.missing, message: "no sensor at /dev/ttyACM9")
        _ = guide.take(.link(.openFailed(failure, retryIn: .seconds(1)), at: HostTime(nanoseconds: 0)))
        #expect(guide.isOver && guide.failure == "no sensor at /dev/ttyACM9")
    }

    /// Both channels see one press: it is counted, and a too-short one is said, once.
    @Test func onePressOnTwoChannelsIsOnePress() {
        var guide = CalibrationGuide(restSeconds: 10, presses: 3)
        _ = guide.take(Self.step(.progress(.restMeasured(floors: [2, 1.7])), at: 10))
        let short = guide.take(Self.step(.progress(.shortPress(input: 0, seconds: 0.2)), at: 12))
            + guide.take(Self.step(.progress(.shortPress(input: 1, seconds: 0.2)), at: 12))
        #expect(short == ["  that press lasted 0.2 s: hold it for about a second, then relax."])
        let left = guide.take(Self.step(.progress(.press(input: 0, rms: 132.4, seconds: 1.1, count: 1)), at: 15))
        #expect(left.isEmpty)
        let right = guide.take(Self.step(.progress(.press(input: 1, rms: 97.31, seconds: 1.1, count: 1)), at: 15))
        #expect(right == ["  press 1 of 3: 97.3 uV RMS for 1.1 s", "Relax, then press again (2 of 3)."])
    }

    @Test func anElectrodeOffTheSkinIsSaidWhenItHappens() {
        var guide = CalibrationGuide(restSeconds: 10, presses: 3)
        func status(_ mask: UInt8) -> PipelineRecord {
            .status(DeviceStatus(timestampMicros: 0, batteryPercent: 80, power: [], leadOffMask: mask, saturationMask: 0, overrunCount: 0),
                    at: HostTime(nanoseconds: 0))
        }
        #expect(guide.take(status(0)).isEmpty)
        #expect(guide.take(status(0b10)).first?.contains("off the skin (channel 1)") == true)
        #expect(guide.take(status(0b10)).isEmpty)
        #expect(guide.take(status(0)) == ["  the electrodes are on the skin again"])
    }
}
