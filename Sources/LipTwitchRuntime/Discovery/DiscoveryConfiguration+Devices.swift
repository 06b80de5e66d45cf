import LipTwitchDiscovery
import LipTwitchSystem

extension DiscoveryConfiguration {
    /// The configuration for `--usb-id` and `--device` options: the sensor's own id plus
    /// `extraSensorIDs`, and each device path with where its links lead now.
    public init(extraSensorIDs: [USBDeviceID], devicePaths: [String]) {
        var ids = [USBDeviceID.lipTwitchSensor]
        for id in extraSensorIDs where !ids.contains(id) { ids.append(id) }
        self.init(
            sensorIDs: ids,
            explicitDevices: devicePaths.map { ExplicitDevice(path: $0, resolvedPath: SymbolicLinks.resolve($0)) })
    }
}
