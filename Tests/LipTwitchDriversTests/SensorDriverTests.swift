import LipTwitchDrivers
import LipTwitchProtocol
import Testing

/// `SensorDriver`: the table of drivers, their names, and the driver as a capture records it.
@Suite struct SensorDriverTests {
    @Test func everyFamilyIsFoundByItsName() {
        for family in SensorDriver.Family.allCases {
            #expect(SensorDriver(name: family.rawValue)?.family == family)
        }
        #expect(SensorDriver(name: "bitalino") == nil)
    }

    @Test func aDriverAndItsSettingsSurviveTheCapturesText() {
        let drivers: [SensorDriver] = [.liptwitch, .openBCICyton(CytonSettings(lipChannel: 7, placement: .lowerRight))]
        for driver in drivers { #expect(SensorDriver(recorded: driver.recorded) == driver, "\(driver.recorded)") }
        #expect(SensorDriver(recorded: "openbci-cyton channel=9 placement=unspecified") == nil)
        #expect(SensorDriver(recorded: "openbci-cyton channel=2 placement=nowhere") == nil)
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
}
