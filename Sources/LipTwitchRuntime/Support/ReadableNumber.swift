/// Numbers for people: a measurement to three significant digits (`132`, `97.3`, `1.83`,
/// `0.0412`), as calibration reports rest floors and press strengths.
public enum ReadableNumber {
    public static func text(_ value: Double) -> String {
        guard value.isFinite, value > 0 else { return String(value) }
        guard value < 99.95 else { return String(Int(value.rounded())) }
        var scale = 1.0
        while value * scale < 99.95, scale < 1e6 { scale *= 10 }
        return String((value * scale).rounded() / scale)
    }
}
