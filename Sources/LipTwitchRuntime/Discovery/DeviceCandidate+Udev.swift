import LipTwitchDiscovery
import LipTwitchSystem

extension DeviceCandidate {
    /// The candidate for what libudev reported about a tty.
    init(_ device: UdevDevice) {
        self.init(
            devicePath: device.devicePath ?? "/dev/\(device.sysName)", sysName: device.sysName,
            sysPath: device.sysPath, isInitialized: device.isInitialized, properties: device.properties,
            tags: device.tags, usbAttributes: device.usbAttributes)
    }
}
