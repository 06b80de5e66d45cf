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
            "The input the lip is on, for a board with several: "
                + SensorDriver.Family.allCases.compactMap { family in
                    family.lipChannels.map { "\(family.rawValue) \($0.range.lowerBound) to \($0.range.upperBound) (\($0.names))" }
                }.joined(separator: ", ") + ".", valueName: "n"))
    var lipChannel: Int?

    func validate() throws {
        let family = try SensorDriver.Family.named(driver)
        guard let lipChannel else { return }
        guard let channels = family.lipChannels else {
            let boards = SensorDriver.Family.allCases.filter { $0.lipChannels != nil }.map(\.rawValue)
            throw ValidationError("--lip-channel is for --driver \(boards.joined(separator: " or ")).")
        }
        guard channels.range.contains(lipChannel) else {
            throw ValidationError(
                "--lip-channel must be between \(channels.range.lowerBound) and \(channels.range.upperBound) (\(channels.names)).")
        }
    }

    /// The driver these options name, with its settings.
    var sensorDriver: SensorDriver {
        SensorDriver(family: SensorDriver.Family(rawValue: driver) ?? .liptwitch, lipChannel: lipChannel)
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
