/// One fixed-width ASCII field of an EDF header, read with the error a person can act on
/// when it is wrong: the field's name as the EDF specification gives it, its value, and
/// what was expected.
struct EDFHeaderField {
    let name: String
    let bytes: ArraySlice<UInt8>
    /// For per-signal fields: the signal's number (from 1) and label.
    var signal: (number: Int, label: String)?

    /// The field's characters without the space padding; bytes beyond ASCII are read as
    /// Latin-1 (so a `µ` some writers put in `µV` survives).
    var text: String {
        let characters = bytes.map { Character(Unicode.Scalar($0)) }
        return String(characters).trimmingCharacters(in: [" ", "\0"]).description
    }

    func integer(in range: ClosedRange<Int>, expected: String) throws(RecordingError) -> Int {
        let text = self.text
        guard let value = Int(text), range.contains(value) else { throw invalid(text, expected: expected) }
        return value
    }

    func decimal(expected: String, accepting isValid: (Double) -> Bool = { _ in true }) throws(RecordingError) -> Double {
        let text = self.text
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }), let value = Double(text),
            value.isFinite, isValid(value)
        else { throw invalid(text, expected: expected) }
        return value
    }

    /// `dd.mm.yy` or `hh.mm.ss`: three two-digit numbers, each in its range.
    func threeNumbers(_ ranges: [ClosedRange<Int>], expected: String) throws(RecordingError) -> [Int] {
        let text = self.text
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { $0.count == 2 && $0.allSatisfy(\.isASCII) ? Int($0) : nil }
        guard parts.count == 3, numbers.count == 3, zip(numbers, ranges).allSatisfy({ $1.contains($0) }) else {
            throw invalid(text, expected: expected)
        }
        return numbers
    }

    func invalid(_ value: String, expected: String) -> RecordingError {
        RecordingError(.headerField(name, signal: signal), "'\(value)' is not \(expected)", advice: "fix the header or re-export the file")
    }
}
