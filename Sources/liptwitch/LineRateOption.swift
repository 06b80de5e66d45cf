import ArgumentParser
import LipTwitchSystem

/// `--baud`, for the commands that open a sensor's port: one line rate, or by default the
/// driver's rates (the LipTwitch protocol's documented rates) tried in turn until the
/// sensor answers.
struct LineRateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Line speed in baud. Without it, the driver's: LipTwitch finds its own sensor at 921600, 500000 or "
                + "1000000 baud (an Arduino-based sensor runs at 500000); the other boards run at the rate --driver lists.",
            valueName: "baud"))
    var baud: Int?

    func validate() throws {
        if let baud, !BaudRate.supported.contains(baud) {
            throw ValidationError("--baud must be a standard rate: \(BaudRate.supported.map(String.init).joined(separator: ", ")).")
        }
    }

    /// The rate to use; nil: the driver's, in turn.
    var lineRates: [Int]? {
        baud.map { [$0] }
    }
}
