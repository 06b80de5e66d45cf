import LipTwitchDiscovery
import LipTwitchLink

/// The join of the two halves of issue 4: what discovery reports (`DiscoveryEvent`, with
/// the udev facts) as what a link takes (`DeviceEvent`, with where and who the sensor is).
extension DeviceEvent {
    /// The link's event for `event`; nil for a port discovery left alone.
    public init?(_ event: DiscoveryEvent) {
        switch event {
        case .appeared(let candidate, let reason):
            self = .appeared(SensorLocation(
                devicePath: candidate.devicePath, byIdPath: candidate.byIDPath, serialNumber: candidate.serialNumber,
                vendorId: candidate.usbID?.vendor, productId: candidate.usbID?.product, needsProof: reason.needsProof,
                driverFamily: reason.driverFamily))
        case .disappeared(let devicePath):
            self = .disappeared(devicePath: devicePath)
        case .ignored:
            return nil
        }
    }
}
