import LipTwitchDiscovery
import LipTwitchSystem

extension DiscoveryConfiguration {
    /// The configuration for `--usb-id` and `--device` options: the sensor's own id plus
    /// `extraSensorIDs`, each device path with where its links lead now, and (with `probe`)
    /// the boards of `USBDeviceID.sensorBoards` and `USBDeviceID.boardDongles` on probation.
    public init(extraSensorIDs: [USBDeviceID], devicePaths: [String], probe: Bool = true) {
        var ids = [USBDeviceID.lipTwitchSensor]
        for id in extraSensorIDs where !ids.contains(id) { ids.append(id) }
        self.init(
            sensorIDs: ids,
            explicitDevices: devicePaths.map { ExplicitDevice(path: $0, resolvedPath: SymbolicLinks.resolve($0)) },
            probeIDs: probe ? USBDeviceID.sensorBoards : [], boardProbes: probe ? USBDeviceID.boardDongles : [:])
    }
}
