import ArgumentParser
import LipTwitchDrivers
import LipTwitchLink

/// `--driver` and `--lip-channel`, for the commands that open a board's port: which driver
/// speaks to it, and where the lip is on a multi-channel board.
struct DriverOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The board's driver:\n\(SensorDriver.Family.helpListing)", valueName: "name"))
    var driver = SensorDriver.Family.liptwitch.rawValue

    @Option(
        name: .customLong("lip-channel"),
        help: ArgumentHelp(
            "openbci-cyton: the channel (1 to 8) the lip's electrodes are on; bitalino: the analog input (1 to 6, "
                + "A1 to A6) the lip's EMG sensor is plugged into.", valueName: "n"))
    var lipChannel: Int?

    func validate() throws {
        let family = try SensorDriver.Family.named(driver)
        guard let lipChannel else { return }
        switch family {
        case .liptwitch:
            throw ValidationError("--lip-channel is for --driver openbci-cyton or bitalino.")
        case .openBCICyton:
            guard CytonSettings.channels.contains(lipChannel) else {
                throw ValidationError("--lip-channel must be between 1 and 8 (the Cyton's N1P to N8P).")
            }
        case .bitalino:
            guard BITalinoSettings.channels.contains(lipChannel) else {
                throw ValidationError("--lip-channel must be between 1 and 6 (the BITalino's A1 to A6).")
            }
        }
    }

    /// The driver these options name, with its settings.
    var sensorDriver: SensorDriver {
        switch SensorDriver.Family(rawValue: driver) ?? .liptwitch {
        case .liptwitch: .liptwitch
        case .openBCICyton: .openBCICyton(CytonSettings(lipChannel: lipChannel ?? 1))
        case .bitalino: .bitalino(BITalinoSettings(lipChannel: lipChannel ?? 1))
        }
    }

    /// The link these options ask for, at `line`'s rate if it names one, with
    /// `sampleRateHz` asked of the board if given.
    func linkConfiguration(_ line: LineRateOption, sampleRateHz: UInt16? = nil) -> LinkConfiguration {
        LinkConfiguration(driver: sensorDriver, sampleRateHz: sampleRateHz, lineRates: line.lineRates)
    }
}

extension SensorDriver.Family: NamedChoice {
    static let choiceNoun = "driver"
    static let listingWidth = 15
}

extension SensorDriver.Family: ExpressibleByArgument {}
