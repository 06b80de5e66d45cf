import LipTwitchCapture
import LipTwitchLink
import LipTwitchSystem

extension CaptureHeader {
    /// The configuration of the link that made the capture, as far as its timing goes: its
    /// driver, the line rates it tried and, for captures from before format 1.2, a link that did not
    /// yet wait out a bootloader. A replay runs its link with it, so that the handshake's
    /// timers fire when they fired live.
    var linkConfiguration: LinkConfiguration {
        var configuration = LinkConfiguration(
            driver: driver, lineRates: lineRates.isEmpty ? [SerialPort.protocolBaudRate] : lineRates)
        if formatMinor < 2 { configuration.bootWindow = .zero }
        return configuration
    }
}
