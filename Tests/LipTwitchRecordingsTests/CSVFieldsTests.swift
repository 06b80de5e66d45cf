@testable import LipTwitchRecordings
import Testing

/// A row's fields: plain rows are read in one pass, every other row field by field; both
/// must give the same values, and the same first problem.
@Suite("CSV fields")
struct CSVFieldsTests {
    static func parse(_ row: String, expectedCount: Int = 2) -> (problem: CSVFields.Problem?, values: [Double]) {
        var values: [Double] = []
        let problem = CSVFields.parse(Array(row.utf8)[...], expectedCount: expectedCount, into: &values)
        return (problem, values)
    }

    @Test(arguments: [
        ("1.5,-2", [1.5, -2]), (" 1.5 ,\t-2 ", [1.5, -2]), ("0.000500,12.345", [0.0005, 12.345]),
        ("+3e-2,.5", [0.03, 0.5]), ("12345678901234567890,1e23", [Double("12345678901234567890")!, 1e23]),
    ] as [(String, [Double])])
    func rowsOfNumbers(row: String, values: [Double]) {
        let parsed = Self.parse(row)
        #expect(parsed.problem == nil)
        #expect(parsed.values == values)
    }

    @Test func aMissingValueIsNaN() {
        let parsed = Self.parse("1,NaN")
        #expect(parsed.problem == nil)
        #expect(parsed.values[0] == 1 && parsed.values[1].isNaN)
    }

    @Test(arguments: [
        ("1,2,3", .fieldCount(3)), ("1", .fieldCount(1)), ("x,2,3", .fieldCount(3)), ("1,2,", .fieldCount(3)),
        ("x,2", .notANumber(field: 0)), ("1,", .notANumber(field: 1)), (",1", .notANumber(field: 0)),
        ("1,2x", .notANumber(field: 1)), ("1,2 3", .notANumber(field: 1)), ("1,1e", .notANumber(field: 1)),
        ("1,1e999", .outOfRange(field: 1)), ("1e400,x", .outOfRange(field: 0)), ("-1e400,2", .outOfRange(field: 0)),
    ] as [(String, CSVFields.Problem)])
    func rowsWithAProblem(row: String, problem: CSVFields.Problem) {
        #expect(Self.parse(row).problem == problem)
    }
}
