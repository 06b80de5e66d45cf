import LipTwitchDrivers
import LipTwitchProtocol

/// Why a sensor cannot be used by this LipTwitch at all: retrying would not help, so the
/// link waits until the sensor is plugged in again (or stopped).
public enum Incompatibility: Sendable, Equatable, CustomStringConvertible {
    /// The sensor answered IDENTIFY in a protocol major this LipTwitch does not speak
    /// (PROTOCOL.md section 4).
    case newerProtocol(major: UInt8)
    /// The sensor refused the configured sample rate (ERROR `unsupported_value`).
    case unsupportedRate(UInt16)
    /// A port taken on probation gave no answer of the driver's board at any line rate: it
    /// is some other device, and left alone.
    case notASensor(path: String, lineRates: [Int], driver: SensorDriver.Family = .liptwitch)

    public var description: String {
        switch self {
        case .newerProtocol(let major):
            "the sensor speaks protocol \(major); this LipTwitch speaks protocol \(ProtocolConstants.version): "
                + "update LipTwitch"
        case .unsupportedRate(let rate):
            "the sensor cannot sample at \(rate) Hz: choose another rate, or leave it out to use the sensor's own"
        case .notASensor(let path, let lineRates, .liptwitch):
            "\(path) gave no LipTwitch answer at \(lineRates.map(String.init).joined(separator: ", ")) baud: it is "
                + "another device, or a board without the LipTwitch firmware (docs/HARDWARE.md); left alone until "
                + "it is plugged in again"
        case .notASensor(let path, let lineRates, let driver):
            "\(path) is not \(driver.boardName) (no answer at \(lineRates.map(String.init).joined(separator: ", ")) "
                + "baud): it is another device; left alone until it is plugged in again"
        }
    }
}
