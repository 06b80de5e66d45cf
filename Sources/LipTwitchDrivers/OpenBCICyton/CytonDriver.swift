import LipTwitchProtocol

/// The OpenBCI Cyton's driver, through its USB dongle at 115200 baud (OpenBCI's Cyton SDK):
/// STOP is `s`, IDENTIFY is `v` (a soft reset, answered by the banner, which restores every
/// channel's defaults), START is `b`. The board numbers nothing, confirms neither STOP nor
/// START (its first packet is the confirmation), wants no heartbeat and samples at a fixed
/// 250 Hz through the dongle. When the dongle answers `Failure:` the board behind it is
/// off or on another radio channel.
public struct CytonDriver: DriverTable {
    public static let lineRate = 115_200
    public static let sampleRateHz: UInt16 = 250
    public var settings: CytonSettings

    public init(settings: CytonSettings) {
        self.settings = settings
    }

    public var traits: DriverTraits {
        DriverTraits(
            lineRates: [Self.lineRate], numbersAnswers: false, confirmsStop: false, wantsHeartbeat: false,
            setsSampleRate: false, identifyTimeout: .seconds(2),
            refusalAdvice: "the OpenBCI dongle answered but the Cyton did not: switch the board on (PC), "
                + "and check that board and dongle share a radio channel (docs/DEVICES.md)")
    }

    public func makeDecoder() -> any DeviceDecoding { CytonLinkDecoder(settings: settings) }

    public func encode(_ command: HostCommand, sequence: UInt16, into bytes: inout [UInt8]) {
        switch command {
        case .stop: bytes.append(UInt8(ascii: "s"))
        case .identify: bytes.append(UInt8(ascii: "v"))
        case .start: bytes.append(UInt8(ascii: "b"))
        case .setSampleRate, .ping: break
        }
    }
}
