import LipTwitchDrivers
import LipTwitchLink
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

/// A simulated board of another family served on a real pseudo-terminal, a link to it
/// with `driver`, and what both reported: what `CytonLinkTests` and `BITalinoLinkTests`
/// stand on.
struct BoardBench {
    let board: VirtualSensor
    let boardEvents: Recorder<VirtualSensorEvent>
    let outputs: Recorder<LinkOutput>
    let link: SensorLink

    init(_ device: some SimulatedDevice, driver: SensorDriver) throws {
        let boardEvents = try Recorder<VirtualSensorEvent>()
        board = try VirtualSensor(device: device, events: boardEvents.record)
        self.boardEvents = boardEvents
        let outputs = try Recorder<LinkOutput>()
        link = try SensorLink(configuration: LinkConfiguration(driver: driver), consumer: outputs.record)
        self.outputs = outputs
        link.deliver(.appeared(SensorLocation(devicePath: try #require(board.devicePath))))
    }

    func stop() {
        link.stop()
        board.stop()
    }
}
