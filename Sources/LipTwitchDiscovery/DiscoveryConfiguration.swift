import LipTwitchDrivers

/// What discovery accepts besides devices the udev rule tagged.
public struct DiscoveryConfiguration: Equatable, Sendable {
    /// USB vendor:product pairs that are sensors; by default only the LipTwitch sensor's own.
    public var sensorIDs: [USBDeviceID]
    /// Paths given with `--device`: taken whatever they are.
    public var explicitDevices: [ExplicitDevice]
    /// USB vendor:product pairs of boards a LipTwitch sensor is built on: their ports are
    /// opened and kept only if the LipTwitch handshake answers (`USBDeviceID.sensorBoards`
    /// by default; empty with `--no-probe`).
    public var probeIDs: [USBDeviceID]
    /// USB vendor:product pairs of other makers' boards, and the driver whose handshake
    /// must answer for the port to be kept (`USBDeviceID.boardDongles` by default; empty
    /// with `--no-probe`).
    public var boardProbes: [USBDeviceID: SensorDriver.Family]

    public init(
        sensorIDs: [USBDeviceID] = [.lipTwitchSensor], explicitDevices: [ExplicitDevice] = [],
        probeIDs: [USBDeviceID] = USBDeviceID.sensorBoards,
        boardProbes: [USBDeviceID: SensorDriver.Family] = USBDeviceID.boardDongles
    ) {
        self.sensorIDs = sensorIDs
        self.explicitDevices = explicitDevices
        self.probeIDs = probeIDs
        self.boardProbes = boardProbes
    }
}
