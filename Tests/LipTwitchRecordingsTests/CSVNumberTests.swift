@testable import LipTwitchRecordings
import Testing

/// The CSV number parser gives what `Double(String)` gives, bit for bit, for every field it
/// accepts, and accepts exactly the decimal forms docs/RECORDINGS.md promises.
@Suite("CSV numbers")
struct CSVNumberTests {
    static func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { CSVNumber.parse($0) }
    }

    /// Whether `text` parses to the very bits `Double(String)` gives (both NaN counts).
    static func agreesWithTheStandardParser(_ text: String) -> Bool {
        guard let value = parse(text), let expected = Double(text) else { return false }
        return value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN)
    }

    @Test(arguments: [
        "0", "-0", "+0", "0.0", "-0.0", "-0.5", "+1.5", ".5", "5.", "-.5", "007", "00.001", "-12.345", "3e-2",
        "123.456789", "7200.000000", "-1234.567", "0.1", "0.30000000000000004", "2.5e+3", "1E-5", "1e22", "1e23",
        "1e-22", "1e-23", "9007199254740992", "9007199254740993", "123456789012345678", "1234567890123456789",
        "12345678901234567890", "0.123456789012345678901234567890", "00000000000000000000000.5",
        "1.7976931348623157e308", "4.9e-324", "2.2250738585072014e-308", "1e-400", "-1e-400", "123e-20",
        "8.98846567431158e307", "1e0", "1e+0", "1e-0", "1e00022", "nan", "NaN", "-nan", "+NAN",
    ])
    func edgeCasesAgreeWithTheStandardParser(text: String) {
        #expect(Self.agreesWithTheStandardParser(text))
    }

    @Test(arguments: [
        "", "-", "+", ".", "-.", "e5", ".e5", "1e", "1e+", "1e-", "1.2.3", "1 2", " 1", "1 ", "abc", "0x10", "inf",
        "-infinity", "1,5", "--1", "+-1", "1e5.5", "1e5e5", "nan5", "na", "1d5", "١",
    ])
    func otherTextIsNotANumber(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test func outOfRangeIsInfinite() {
        #expect(Self.parse("1e400") == .infinity)
        #expect(Self.parse("-1.8e308") == -.infinity)
    }

    /// Random decimal forms: signs, leading zeros, up to 25 digits on either side of the
    /// point, exponents from none to three digits.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomDecimalsAgreeWithTheStandardParser(seed: UInt64) {
        var random = SplitMix(seed: seed)
        var checked = 0
        for _ in 0..<30_000 {
            var text = ["", "-", "+"][Int(random.next() % 3)]
            let integerDigits = Int(random.next() % 26)
            let fractionDigits = random.next() % 2 == 0 ? 0 : Int(random.next() % 26)
            text += Self.digits(integerDigits, &random)
            if fractionDigits > 0 || random.next() % 8 == 0 { text += "." + Self.digits(fractionDigits, &random) }
            if random.next() % 4 == 0 {
                text += (random.next() % 2 == 0 ? "e" : "E") + ["", "-", "+"][Int(random.next() % 3)]
                text += Self.digits(1 + Int(random.next() % 3), &random)
            }
            guard integerDigits + fractionDigits > 0 else {
                #expect(Self.parse(text) == nil, "\(text)")
                continue
            }
            #expect(Self.agreesWithTheStandardParser(text), "\(text)")
            checked += 1
        }
        #expect(checked > 25_000)
    }

    /// The forms `liptwitch generate` writes: fixed point, 3 and 6 decimals.
    @Test func fixedPointValuesAgreeWithTheStandardParser() {
        var random = SplitMix(seed: 7)
        for _ in 0..<50_000 {
            let whole = Int64(bitPattern: random.next()) >> Int(random.next() % 60)
            let decimals = random.next() % 2 == 0 ? 3 : 6
            let fraction = String(random.next() % (decimals == 3 ? 1000 : 1_000_000))
            let text = "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
            #expect(Self.agreesWithTheStandardParser(text), "\(text)")
        }
    }

    @Test func aNumberAtTheStartOfARowEndsAtItsComma() throws {
        let row = Array("-12.5e1,7".utf8)
        let number = try #require(row.withUnsafeBufferPointer { CSVNumber.parse($0.baseAddress!, from: 0, upTo: $0.count) })
        #expect(number.value == -125 && number.end == 7)
        let second = try #require(row.withUnsafeBufferPointer { CSVNumber.parse($0.baseAddress!, from: 8, upTo: $0.count) })
        #expect(second.value == 7 && second.end == 9)
    }

    static func digits(_ count: Int, _ random: inout SplitMix) -> String {
        String((0..<count).map { _ in Character(String(random.next() % 10)) })
    }
}
