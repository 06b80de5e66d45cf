import Foundation
@testable import LipTwitchJournal
import Testing

/// The tokenizer accepts exactly JSON (RFC 8259).
@Suite struct JSONTapeTests {
    @Test(arguments: [
        "{}", "[]", "0", "-0", "1.5e+10", "1E-2", "\"\"", "true", "false", "null", " { \"a\" : [ 1 , 2 ] } ",
        #"{"a":{"b":[{"c":null}]},"d":"\u00e9\n"}"#, "[[[[[[[[[[]]]]]]]]]]", "\t[1]\r", "[ 1 , -2.5 ,3e2 ]",
        "[1,\"a\"]", "[[1,2],[3]]", "[-0]",
    ])
    func acceptsJSON(text: String) {
        var tape = JSONTape()
        #expect(Array(text.utf8).withUnsafeBytes { tape.parse($0) })
    }

    @Test(arguments: [
        "", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\"}", "{a:1}", "01", "1.", ".5", "-", "1e", "+1", "0x10", "tru",
        "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"a\u{01}b\"", "{} {}", "[1 2]", "{\"a\":1 \"b\":2}", "NaN",
        "Infinity", "'a'", String(repeating: "[", count: 40) + String(repeating: "]", count: 40), "[1,,2]", "[-]",
        "[1,-]", "[1.]", "[1 ,]",
    ])
    func rejectsWhatIsNotJSON(text: String) {
        var tape = JSONTape()
        #expect(!Array(text.utf8).withUnsafeBytes { tape.parse($0) })
    }

    @Test func numbersConvertExactly() {
        var generator = SeededBytes(seed: 3)
        for _ in 0..<100_000 {
            let value = Double(bitPattern: UInt64.random(in: 0...0x7FEF_FFFF_FFFF_FFFF, using: &generator))
            let text = Array("\(value)".utf8)
            #expect(text.withUnsafeBytes { JSONText.number($0) } == value, "\(value)")
            let float = Float(bitPattern: UInt32.random(in: 0...0x7F7F_FFFF, using: &generator))
            let floatText = Array("\(float)".utf8)
            #expect(floatText.withUnsafeBytes { JSONText.number($0).map(Float.init) } == float, "\(float)")
        }
        for (text, value) in [("0.1", 0.1), ("123.456", 123.456), ("-2.5e-3", -0.0025), ("1e22", 1e22), ("1e23", 1e23),
                              ("0.000000000000000000001", 1e-21), ("12345678901234567890", 12_345_678_901_234_567_168)] {
            #expect(Array(text.utf8).withUnsafeBytes { JSONText.number($0) } == value, "\(text)")
        }
        #expect(Array("1e400".utf8).withUnsafeBytes { JSONText.number($0) } == nil)
        #expect(Array("9223372036854775808".utf8).withUnsafeBytes { JSONText.integer($0) } == nil)
        #expect(Array("-9223372036854775807".utf8).withUnsafeBytes { JSONText.integer($0) } == -9_223_372_036_854_775_807)
        #expect(Array("2.0e3".utf8).withUnsafeBytes { JSONText.integer($0) } == 2000)
        #expect(Array("2.5".utf8).withUnsafeBytes { JSONText.integer($0) } == nil)
    }

    @Test func uuidsAreReadInEitherCaseAndNothingElse() {
        let text = "0b8c9F52-3f7e-4D7A-9a57-2f1d4c1b6e0A"
        #expect(Array(text.utf8).withUnsafeBytes { JSONText.uuid($0) }?.uuidString == text.uppercased())
        var generator = SeededBytes(seed: 4)
        for _ in 0..<2_000 {
            let uuid = UUID(uuid: (0..<16).reduce(into: [UInt8]()) { bytes, _ in bytes.append(.random(in: 0...255, using: &generator)) }
                .withUnsafeBytes { $0.load(as: uuid_t.self) })
            #expect(Array(uuid.uuidString.lowercased().utf8).withUnsafeBytes { JSONText.uuid($0) } == uuid)
        }
        for character in (0...255).map(UInt8.init) where JSONText.hexValue(character) == nil {
            var bytes = Array(text.utf8)
            bytes[Int.random(in: 0..<36, using: &generator)] = character
            if bytes[8] == UInt8(ascii: "-"), bytes[13] == UInt8(ascii: "-"), bytes[18] == UInt8(ascii: "-"),
                bytes[23] == UInt8(ascii: "-")
            {
                #expect(bytes.withUnsafeBytes { JSONText.uuid($0) } == nil, "\(character)")
            }
        }
        for bad in ["0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e0g", "0b8c9f52-3f7e-4d7a-9a57_2f1d4c1b6e0a",
                    "0b8c9f523f7e-4d7a-9a57-2f1d4c1b6e0a0", "0b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e0", "{b8c9f52-3f7e-4d7a-9a57-2f1d4c1b6e0a"] {
            #expect(Array(bad.utf8).withUnsafeBytes { JSONText.uuid($0) } == nil, "\(bad)")
        }
    }

    @Test func arraysOfNumbersKeepTheirValuesInOrder() {
        var tape = JSONTape()
        #expect(Array(#"{"e":[1.5, -2,3e2],"f":[],"g":[7]}"#.utf8).withUnsafeBytes { tape.parse($0) })
        #expect(Array(tape.numbers) == [1.5, -2, 300, 7])
        let arrays = tape.tokens.filter { $0.isNumberArray }
        #expect(arrays.map { Int($0.end - $0.start) } == [3, 1])
    }

    @Test func linesLargerThanTheStorageGrowIt() {
        var tape = JSONTape()
        let strings = "[" + (0..<5000).map { "\"s\($0)\"" }.joined(separator: ",") + "]"
        let numbers = "[" + (0..<5000).map { "\($0)" }.joined(separator: ",") + "]"
        #expect(Array(strings.utf8).withUnsafeBytes { tape.parse($0) })
        #expect(tape.tokens.count == 5001)
        #expect(Array(numbers.utf8).withUnsafeBytes { tape.parse($0) })
        #expect(tape.numbers.count == 5000 && tape.numbers.last == 4999)
        #expect(Array("[1]".utf8).withUnsafeBytes { tape.parse($0) } && tape.numbers.count == 1)
    }
}
