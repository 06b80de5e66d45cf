/// Splits one CSV data line at commas and parses every field as a number, without
/// allocating; says which field is wrong when one is.
enum CSVFields {
    /// What is wrong with a data line.
    enum Problem: Equatable {
        case fieldCount(Int)
        case notANumber(field: Int)
        case outOfRange(field: Int)
    }

    /// Parses exactly `expectedCount` fields of `line` into `values` (made `expectedCount`
    /// long, written in place). A wrong field count is reported before a field that is not
    /// a number; after a problem, `values` holds nothing to rely on.
    static func parse(_ line: ArraySlice<UInt8>, expectedCount: Int, into values: inout [Double]) -> Problem? {
        if values.count != expectedCount { values = Array(repeating: 0, count: expectedCount) }
        let parsed = line.withUnsafeBufferPointer { bytes in
            values.withUnsafeMutableBufferPointer { parsePlainRow(bytes, into: $0) }
        }
        return parsed ? nil : parseAnyRow(line, expectedCount: expectedCount, into: &values)
    }

    /// The common row in one pass: exactly `values.count` finite numbers (or NaN), each
    /// right up to its comma, without blanks. False for anything else, which
    /// `parseAnyRow` then reads again, and says what is wrong.
    private static func parsePlainRow(_ bytes: UnsafeBufferPointer<UInt8>, into values: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var position = 0
        for fieldIndex in values.indices {
            guard let number = CSVNumber.parse(base, from: position, upTo: bytes.count), !number.value.isInfinite else {
                return false
            }
            values[fieldIndex] = number.value
            if number.end == bytes.count { return fieldIndex == values.count - 1 }
            guard base[number.end] == UInt8(ascii: ",") else { return false }
            position = number.end + 1
        }
        return false
    }

    /// Any row, field by field: the values, or the first problem.
    private static func parseAnyRow(_ line: ArraySlice<UInt8>, expectedCount: Int, into values: inout [Double]) -> Problem? {
        line.withUnsafeBufferPointer { bytes -> Problem? in
            var start = 0
            var fieldIndex = 0
            var problem: Problem?
            while true {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
                if fieldIndex < expectedCount, problem == nil {
                    let field = UnsafeBufferPointer(rebasing: bytes[trimmed(bytes, start, end)])
                    if let value = CSVNumber.parse(field) {
                        if value.isInfinite { problem = .outOfRange(field: fieldIndex) }
                        values[fieldIndex] = value
                    } else {
                        problem = .notANumber(field: fieldIndex)
                    }
                }
                fieldIndex += 1
                guard end < bytes.count else { break }
                start = end + 1
            }
            return fieldIndex == expectedCount ? problem : .fieldCount(fieldIndex)
        }
    }

    /// The text of field `index` of `line`, for messages.
    static func text(of line: ArraySlice<UInt8>, field index: Int) -> String {
        let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard index < fields.count else { return "" }
        let text = String(decoding: fields[index], as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
        return text.count > 40 ? text.prefix(40) + "…" : String(text)
    }

    private static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var low = start
        var high = end
        while low < high, bytes[low] == UInt8(ascii: " ") || bytes[low] == UInt8(ascii: "\t") { low += 1 }
        while high > low, bytes[high - 1] == UInt8(ascii: " ") || bytes[high - 1] == UInt8(ascii: "\t") { high -= 1 }
        return low..<high
    }
}
