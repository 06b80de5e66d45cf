/// What an EDF signal is to LipTwitch, from its physical dimension and label.
///
/// | physical dimension | quantity | delivered as |
/// | --- | --- | --- |
/// | `uV`, `µV`, `mV`, `V` | EMG | µV |
/// | `g`, `mg`, `m/s2`, `m/s^2` | acceleration | g |
///
/// Dimensions are matched without regard to case. An acceleration signal's axis comes from its label: a word `X`, `Y` or `Z`, or a
/// word `ax`/`ay`/`az`, or a word that starts with `acc` and ends with the axis letter
/// (`Acc X`, `ACC_Y`, `AccelZ`, `ax`).
enum EDFSignalMeaning: Sendable {
    /// Delivered as a channel; multiply physical values by `scale` for µV or g.
    case channel(RecordingChannel, scale: Double)
    /// The `EDF Annotations` signal.
    case annotations
    case skipped(reason: String)

    init(_ signal: EDFSignalHeader) {
        if signal.isAnnotations {
            self = .annotations
            return
        }
        let dimension = signal.physicalDimension.lowercased()
        let voltScales: [String: Double] = ["uv": 1, "µv": 1, "mv": 1e3, "v": 1e6]
        let perMetrePerSecondSquared = 1 / PhysicalQuantity.standardGravity
        let accelerationScales: [String: Double] = [
            "g": 1, "mg": 1e-3, "m/s2": perMetrePerSecondSquared, "m/s^2": perMetrePerSecondSquared,
            "m/s²": perMetrePerSecondSquared,
        ]
        if let scale = voltScales[dimension] {
            self = .channel(RecordingChannel(label: signal.label, quantity: .emgMicrovolts), scale: scale)
        } else if let scale = accelerationScales[dimension] {
            if let axis = Self.axis(of: signal.label) {
                self = .channel(RecordingChannel(label: signal.label, quantity: .acceleration(axis: axis)), scale: scale)
            } else {
                self = .skipped(reason: "acceleration with no axis in its label (name it with X, Y or Z, e.g. 'Acc X')")
            }
        } else {
            self = .skipped(
                reason: "physical dimension '\(signal.physicalDimension)' is neither EMG (uV, mV, V) nor acceleration (g, m/s2)")
        }
    }

    static func axis(of label: String) -> AccelerationAxis? {
        let words = label.lowercased().split { !($0.isLetter || $0.isNumber) }
        for word in words {
            guard let last = word.last, let axis = AccelerationAxis(rawValue: String(last)) else { continue }
            if word.count == 1 || word == "a\(last)" || (word.hasPrefix("acc") && word.count > 3) {
                return axis
            }
        }
        return nil
    }
}
