/// What discovery accepts besides devices the udev rule tagged.
public struct DiscoveryConfiguration: Equatable, Sendable {
    /// USB vendor:product pairs that are sensors; by default only the LipTwitch sensor's own.
    public var sensorIDs: [USBDeviceID]
    /// Paths given with `--device`: taken whatever they are.
    public var explicitDevices: [ExplicitDevice]

    public init(sensorIDs: [USBDeviceID] = [.lipTwitchSensor], explicitDevices: [ExplicitDevice] = []) {
        self.sensorIDs = sensorIDs
        self.explicitDevices = explicitDevices
    }
}
