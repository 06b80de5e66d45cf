import LipTwitchDiscovery
import LipTwitchLink
import LipTwitchRuntime
import Testing

/// Discovery's events become the link's, with the sensor's identity carried over.
@Suite struct DeviceEventDiscoveryTests {
    private let sensor = DeviceCandidate(
        devicePath: "/dev/ttyACM0", sysName: "ttyACM0", sysPath: "/sys/devices/usb1/1-1/1-1:1.0/tty/ttyACM0",
        isInitialized: true,
        properties: [
            "DEVLINKS": "/dev/serial/by-id/usb-LipTwitch_Sensor_LT-0001-if00 /dev/liptwitch/LT-0001",
            "ID_BUS": "usb",
        ],
        tags: [], usbAttributes: ["idVendor": "1209", "idProduct": "4c54", "serial": "LT-0001"])

    @Test func anAppearedSensorCarriesItsIdentity() {
        let event = DeviceEvent(.appeared(sensor, .sensorID(.lipTwitchSensor)))
        #expect(event == .appeared(SensorLocation(
            devicePath: "/dev/ttyACM0", byIdPath: "/dev/serial/by-id/usb-LipTwitch_Sensor_LT-0001-if00",
            serialNumber: "LT-0001", vendorId: 0x1209, productId: 0x4C54, driverFamily: .liptwitch)))
    }

    @Test func aDongleOnProbationCarriesTheDriverThatMustProveIt() {
        let event = DeviceEvent(.appeared(sensor, .boardProbe(.openBCIDongle, .openBCICyton)))
        guard case .appeared(let location)? = event else {
            Issue.record("\(String(describing: event))")
            return
        }
        #expect(location.needsProof && location.driverFamily == .openBCICyton)
        guard case .appeared(let named)? = DeviceEvent(.appeared(sensor, .named)) else { return }
        #expect(named.driverFamily == nil, "a named port's driver is the one --driver names")
    }

    @Test func aRemovalKeepsItsPath() {
        #expect(DeviceEvent(.disappeared(devicePath: "/dev/ttyACM0")) == .disappeared(devicePath: "/dev/ttyACM0"))
    }

    @Test func anIgnoredPortIsNoneOfTheLinksBusiness() {
        #expect(DeviceEvent(.ignored(sensor, .notUSB)) == nil)
    }
}
