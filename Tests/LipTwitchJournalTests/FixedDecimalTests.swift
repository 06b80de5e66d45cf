import LipTwitchJournal
import Testing

/// The one fixed-decimal formatter: signs, rounding, trimming, what cannot be a number.
@Suite struct FixedDecimalTests {
    @Test(arguments: [
        (2.345, 2, false, "2.35"), (-0.5, 1, false, "-0.5"), (-0.04, 1, false, "0.0"), (12.0, 0, false, "12"),
        (0.05, 1, false, "0.1"), (-1.25, 1, false, "-1.3"), (1.5, 2, true, "1.5"), (2.0, 2, true, "2"),
        (0.007, 3, false, "0.007"), (123456.789, 1, false, "123456.8"),
        (Double.infinity, 1, false, "∞"), (-Double.infinity, 1, false, "-∞"), (Double.nan, 1, false, "–"),
    ])
    func formats(value: Double, places: Int, trimmed: Bool, expected: String) {
        #expect(FixedDecimal.text(value, places: places, trimmed: trimmed) == expected)
    }
}
