/// The structure of one JSON text, found in one pass over its bytes and kept as a flat list
/// of tokens that point back into those bytes: nothing is copied or converted until a
/// field is asked for, and the token storage is reused from line to line, so reading a
/// journal allocates only the values it keeps.
///
/// Strict JSON (RFC 8259): anything else, including a line cut short, is rejected as a
/// whole. Nesting deeper than `maximumDepth` is rejected too.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, literalTrue, literalFalse, null
    }

    /// One value (or object key). A string's range is its content between the quotes; a
    /// number's its characters; a container's runs from its bracket to its closing bracket.
    /// `next` is the index of the token after this value and everything inside it.
    struct Token {
        var kind: Kind
        var hasEscapes: Bool
        var start: Int32
        var end: Int32
        var next: Int32
    }

    static let maximumDepth = 32

    private(set) var tokens: [Token] = []

    init() {
        tokens.reserveCapacity(256)
    }

    /// Tokenizes `bytes`; false when they are not one valid JSON value.
    mutating func parse(_ bytes: UnsafeRawBufferPointer) -> Bool {
        tokens.removeAll(keepingCapacity: true)
        guard bytes.count < Int32.max else { return false }
        var scanner = Scanner(bytes: bytes)
        scanner.skipWhitespace()
        guard scanner.value(into: &tokens, depth: 0) else { return false }
        scanner.skipWhitespace()
        return scanner.index == bytes.count
    }

    /// The bytes of a token: a string's content, a number's characters.
    static func text(of token: Token, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// The scanner proper: a cursor over the bytes.
    private struct Scanner {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(into tokens: inout [Token], depth: Int) -> Bool {
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(object: true, into: &tokens, depth: depth)
            case UInt8(ascii: "["): return container(object: false, into: &tokens, depth: depth)
            case UInt8(ascii: "\""): return string(into: &tokens)
            case UInt8(ascii: "t"): return literal("true", .literalTrue, into: &tokens)
            case UInt8(ascii: "f"): return literal("false", .literalFalse, into: &tokens)
            case UInt8(ascii: "n"): return literal("null", .null, into: &tokens)
            default: return number(into: &tokens)
            }
        }

        private mutating func container(object: Bool, into tokens: inout [Token], depth: Int) -> Bool {
            guard depth < JSONTape.maximumDepth else { return false }
            let me = tokens.count
            tokens.append(Token(kind: object ? .object : .array, hasEscapes: false, start: Int32(index), end: 0, next: 0))
            index += 1
            let close = UInt8(ascii: object ? "}" : "]")
            skipWhitespace()
            if index < bytes.count, bytes[index] == close {
                index += 1
            } else {
                while true {
                    if object {
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string(into: &tokens) else {
                            return false
                        }
                        skipWhitespace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                        index += 1
                        skipWhitespace()
                    }
                    guard value(into: &tokens, depth: depth + 1) else { return false }
                    skipWhitespace()
                    guard index < bytes.count else { return false }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                    } else if bytes[index] == close {
                        index += 1
                        break
                    } else {
                        return false
                    }
                }
            }
            tokens[me].end = Int32(index - 1)
            tokens[me].next = Int32(tokens.count)
            return true
        }

        private mutating func string(into tokens: inout [Token]) -> Bool {
            index += 1
            let start = index
            var hasEscapes = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    tokens.append(
                        Token(kind: .string, hasEscapes: hasEscapes, start: Int32(start), end: Int32(index),
                              next: Int32(tokens.count + 1)))
                    index += 1
                    return true
                } else if byte == UInt8(ascii: "\\") {
                    hasEscapes = true
                    guard index + 1 < bytes.count else { return false }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 2
                    case UInt8(ascii: "u"):
                        guard index + 5 < bytes.count,
                            (2...5).allSatisfy({ JSONText.hexValue(bytes[index + $0]) != nil })
                        else { return false }
                        index += 6
                    default:
                        return false
                    }
                } else if byte < 0x20 {
                    return false
                } else {
                    index += 1
                }
            }
            return false
        }

        private mutating func literal(_ word: StaticString, _ kind: Kind, into tokens: inout [Token]) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] })
            else { return false }
            tokens.append(
                Token(kind: kind, hasEscapes: false, start: Int32(index), end: Int32(index + count),
                      next: Int32(tokens.count + 1)))
            index += count
            return true
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
        private mutating func number(into tokens: inout [Token]) -> Bool {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { return false }
            if bytes[index] == UInt8(ascii: "0") { index += 1 } else { skipDigits() }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, isDigit(bytes[index]) else { return false }
                skipDigits()
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                    index += 1
                }
                guard index < bytes.count, isDigit(bytes[index]) else { return false }
                skipDigits()
            }
            tokens.append(
                Token(kind: .number, hasEscapes: false, start: Int32(start), end: Int32(index),
                      next: Int32(tokens.count + 1)))
            return true
        }

        private mutating func skipDigits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool {
            byte &- UInt8(ascii: "0") < 10
        }
    }
}
