import LipTwitchDiscovery
import Testing

@Suite("USB ids")
struct USBDeviceIDTests {
    @Test(arguments: [
        ("1209:4c54", USBDeviceID(vendor: 0x1209, product: 0x4C54)),
        ("1209:4C54", USBDeviceID(vendor: 0x1209, product: 0x4C54)),
        ("0403:6001", USBDeviceID(vendor: 0x0403, product: 0x6001)),
    ])
    func parses(text: String, id: USBDeviceID) {
        #expect(USBDeviceID(parsing: text) == id)
    }

    @Test(arguments: ["", ":", "12094c54", "1209:4c5", "1209:4c544", "zzzz:0000", "1209:4c54:1", " 1209:4c54"])
    func rejectsAnythingElse(text: String) {
        #expect(USBDeviceID(parsing: text) == nil)
    }

    @Test func printsFourLowercaseDigitsEach() {
        #expect(USBDeviceID(vendor: 0x403, product: 0x6001).description == "0403:6001")
        #expect(USBDeviceID.lipTwitchSensor.description == "1209:4c54")
    }
}
