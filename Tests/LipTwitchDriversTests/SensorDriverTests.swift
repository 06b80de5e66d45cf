import LipTwitchDrivers
import LipTwitchProtocol
import Testing

/// `SensorDriver`: the table of drivers, their names, and the driver as a capture records it.
@Suite struct SensorDriverTests {
    @Test func everyFamilyIsFoundByItsName() {
        for family in SensorDriver.Family.allCases {
            #expect(SensorDriver(name: family.rawValue)?.family == family)
        }
        #expect(SensorDriver(name: "bitalino-v1") == nil)
    }

    @Test func aDriverAndItsSettingsSurviveTheCapturesText() {
        let drivers: [SensorDriver] = [
            .liptwitch, .openBCICyton(CytonSettings(lipChannel: 7, placement: .lowerRight)),
            .bitalino(BITalinoSettings(lipChannel: 6, placement: .upperLeft)),
        ]
        for driver in drivers { #expect(SensorDriver(recorded: driver.recorded) == driver, "\(driver.recorded)") }
        #expect(SensorDriver(recorded: "openbci-cyton channel=9 placement=unspecified") == nil)
        #expect(SensorDriver(recorded: "openbci-cyton channel=2 placement=nowhere") == nil)
        #expect(SensorDriver(recorded: "bitalino channel=7 placement=unspecified") == nil)
        #expect(SensorDriver(recorded: "nothing") == nil)
    }

    @Test func theCytonsCommandsAreItsLettersAndItHasNoPingOrRate() {
        let table = SensorDriver.openBCICyton(CytonSettings()).table
        func bytes(_ command: HostCommand) -> String {
            var bytes: [UInt8] = []
            table.encode(command, sequence: 7, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        #expect([bytes(.stop), bytes(.identify(hostMaxVersion: 1)), bytes(.start)] == ["s", "v", "b"])
        #expect(bytes(.ping(nonce: 1)).isEmpty && bytes(.setSampleRate(500)).isEmpty)
        #expect(table.traits.lineRates == [115_200] && !table.traits.numbersAnswers && !table.traits.wantsHeartbeat)
    }

    @Test func theBITalinosCommandsAreItsBytesAndStartSetsTheRateThenTheLipsInputAlone() {
        func bytes(_ command: HostCommand, input: Int = 1) -> [UInt8] {
            var bytes: [UInt8] = []
            SensorDriver.bitalino(BITalinoSettings(lipChannel: input)).table.encode(command, sequence: 7, into: &bytes)
            return bytes
        }
        #expect(bytes(.stop) == [0x00] && bytes(.identify(hostMaxVersion: 1)) == [0x07])
        // 1000 Hz is rate code 3: 0b11_0000_11; live mode with A1 alone: 0b0000_01_01; A6 alone: 0b1000_00_01.
        #expect(bytes(.start) == [0xC3, 0x05] && bytes(.start, input: 6) == [0xC3, 0x81])
        #expect(bytes(.ping(nonce: 1)).isEmpty && bytes(.setSampleRate(500)).isEmpty)
        let traits = SensorDriver.bitalino(BITalinoSettings()).traits
        #expect(traits.lineRates == [115_200] && !traits.numbersAnswers && !traits.confirmsStop && !traits.setsSampleRate)
    }
}
