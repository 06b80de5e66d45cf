/// A number as people read it, with a fixed number of decimals: `2.35`, `-0.5`, `12`.
/// The one formatter the console, the journal's summaries, the reports and the elapsed-time
/// stamps share; no locale, no Foundation.
public enum FixedDecimal {
    /// `value` rounded to `places` decimals (half away from zero); with `trimmed`, trailing
    /// zeros of the fraction are left out (`1.5`, not `1.50`). A value that rounds to zero
    /// has no sign. Infinities are `∞` and `-∞`, NaN is `–`.
    public static func text(_ value: Double, places: Int, trimmed: Bool = false) -> String {
        guard value.isFinite else { return value > 0 ? "∞" : value < 0 ? "-∞" : "–" }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 1e18 else { return String(value) }
        let units = Int64(scaled)
        let divisor = Int64(scale)
        var fraction = places == 0 ? "" : String(units % divisor)
        fraction = String(repeating: "0", count: max(0, places - fraction.count)) + fraction
        if trimmed { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(units / divisor) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
