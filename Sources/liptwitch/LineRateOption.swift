import ArgumentParser
import LipTwitchProtocol
import LipTwitchSystem

/// `--baud`, for the commands that open a sensor's port: one line rate, or by default the
/// protocol's documented rates tried in turn until the sensor answers.
struct LineRateOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Line speed in baud. Without it, LipTwitch finds the sensor at 921600, 500000 or 1000000 baud "
                + "(an Arduino-based sensor runs at 500000).",
            valueName: "baud"))
    var baud: Int?

    func validate() throws {
        if let baud, !BaudRate.supported.contains(baud) {
            throw ValidationError("--baud must be a standard rate: \(BaudRate.supported.map(String.init).joined(separator: ", ")).")
        }
    }

    /// The rates to try, in order.
    var lineRates: [Int] {
        baud.map { [$0] } ?? ProtocolConstants.lineRates
    }
}
