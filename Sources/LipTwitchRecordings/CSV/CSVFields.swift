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
        return line.withUnsafeBufferPointer { bytes -> Problem? in
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
