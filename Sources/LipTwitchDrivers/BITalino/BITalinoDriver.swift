import LipTwitchProtocol

/// The BITalino (r)evolution's driver, over Bluetooth (`/dev/rfcomm*`) or its USB serial
/// cable at 115200 baud (PLUX's "Lower Level Protocol" and its Python API): every command
/// is one byte. STOP is `0x00` (it ends live mode; in idle mode the same byte sets the
/// battery threshold to 3.4 V, the board's default), IDENTIFY is the version command
/// `0x07`, START is two bytes: the sampling rate, 1000 Hz (`3 << 6 | 0x03`), then live
/// mode with only the lip's input in the channel mask (`1 << (1 + input) | 0x01`). The
/// board numbers nothing, confirms neither STOP nor START (its first frame is the
/// confirmation), wants no heartbeat, and cannot change its rate while it streams.
public struct BITalinoDriver: DriverTable {
    public static let lineRate = 115_200
    public static let sampleRateHz: UInt16 = 1000
    static let stopCommand: UInt8 = 0x00
    static let versionCommand: UInt8 = 0x07
    /// Sampling rate code 3 (1000 Hz) in bits 7 and 6, then `0b11`.
    static let rateCommand: UInt8 = 3 << 6 | 0x03
    public var settings: BITalinoSettings

    public init(settings: BITalinoSettings) {
        self.settings = settings
    }

    /// Live mode (`0b01`) with the channel mask A6...A1 in bits 7 to 2.
    static func liveCommand(input: Int) -> UInt8 {
        1 << (1 + input) | 0x01
    }

    public var traits: DriverTraits {
        DriverTraits(
            lineRates: [Self.lineRate], numbersAnswers: false, confirmsStop: false, wantsHeartbeat: false,
            setsSampleRate: false, identifyTimeout: .seconds(1))
    }

    public func makeDecoder() -> any DeviceDecoding { BITalinoLinkDecoder(settings: settings) }

    public func encode(_ command: HostCommand, sequence: UInt16, into bytes: inout [UInt8]) {
        switch command {
        case .stop: bytes.append(Self.stopCommand)
        case .identify: bytes.append(Self.versionCommand)
        case .start: bytes += [Self.rateCommand, Self.liveCommand(input: settings.lipChannel)]
        case .setSampleRate, .ping: break
        }
    }
}
