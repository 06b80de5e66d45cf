/// What a `Calibrator` noticed, as it noticed it: enough for a console to guide the
/// wearer through the protocol live (rest, then presses) and tell them when a press did
/// not count.
public enum CalibrationEvent: Sendable, Equatable {
    /// Another whole second of the rest period passed; `secondsLeft` of it remain.
    case resting(secondsLeft: Int)
    /// The rest period is over; each input's rest floor (in its unit), in input order.
    case restMeasured(floors: [Double])
    /// A deliberate press on `input`: its RMS (in the input's unit) and length; it is the
    /// `count`th on that input.
    case press(input: Int, rms: Double, seconds: Double, count: Int)
    /// A strong burst on `input` too short to count as a press (presses last at least
    /// `Calibrator.minimumPressSeconds`).
    case shortPress(input: Int, seconds: Double)
}
