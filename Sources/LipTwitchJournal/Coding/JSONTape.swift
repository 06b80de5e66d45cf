/// The structure of one JSON text, found in one pass over its bytes and kept as a flat list
/// of tokens that point back into those bytes: nothing is copied until a field is asked
/// for, numbers are converted as they are scanned, and the storage is reused from line to
/// line, so reading a journal allocates only the values it keeps.
///
/// Strict JSON (RFC 8259): anything else, including a line cut short, is rejected as a
/// whole. Nesting deeper than `maximumDepth` is rejected too.
struct JSONTape {
    enum Kind: UInt8 {
        case object, array, string, number, literalTrue, literalFalse, null
        /// A value passed over unread (`RecordDetail.summary`): it reads as absent.
        case skipped
    }

    /// One value (or object key). A string's range is its content between the quotes; a
    /// number's its characters; a container's runs from its bracket to its closing bracket,
    /// except for an array of numbers only, whose range is its values in `numbers`.
    /// `next` is the index of the token after this value and everything inside it.
    struct Token {
        var kind: Kind
        var hasEscapes = false
        /// A number without fraction or exponent.
        var isInteger = false
        /// An array of numbers only: no tokens for its elements, its values in `numbers`.
        var isNumberArray = false
        var start: Int32
        var end: Int32
        var next: Int32
        /// A number's value when the scan could compute it exactly; NaN when its text must
        /// be parsed (long mantissas, large exponents).
        var value = Double.nan

        init(kind: Kind, start: Int, end: Int, next: Int) {
            self.kind = kind
            self.start = Int32(truncatingIfNeeded: start)
            self.end = Int32(truncatingIfNeeded: end)
            self.next = Int32(truncatingIfNeeded: next)
        }
    }

    static let maximumDepth = 32

    /// Token and number storage, kept from line to line; replaced by a larger one (and the
    /// line scanned again) when a line needs more.
    private final class Storage: @unchecked Sendable {
        let tokens: UnsafeMutablePointer<Token>
        let tokenCapacity: Int
        var tokenCount = 0
        let numbers: UnsafeMutablePointer<Double>
        let numberCapacity: Int
        var numberCount = 0

        init(tokenCapacity: Int, numberCapacity: Int) {
            self.tokenCapacity = tokenCapacity
            self.numberCapacity = numberCapacity
            tokens = .allocate(capacity: tokenCapacity)
            numbers = .allocate(capacity: numberCapacity)
        }

        deinit {
            tokens.deallocate()
            numbers.deallocate()
        }
    }

    private var storage = Storage(tokenCapacity: 512, numberCapacity: 256)

    /// The tokens of the last line parsed; valid until the next parse.
    var tokens: UnsafeBufferPointer<Token> { UnsafeBufferPointer(start: storage.tokens, count: storage.tokenCount) }

    /// The values of the arrays of numbers (an envelope, a list of channels), which get one
    /// token for the whole array instead of one per value; valid until the next parse.
    var numbers: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: storage.numbers, count: storage.numberCount) }

    /// Tokenizes `bytes`; false when they are not one valid JSON value. With `detail`
    /// `.summary`, the arrays and objects of the outermost object's members `twitches` and
    /// `envelope` are passed over unread, as one `.skipped` token each.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, detail: RecordDetail = .full) -> Bool {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(tokenCapacity: storage.tokenCapacity, numberCapacity: storage.numberCapacity)
        }
        storage.tokenCount = 0
        storage.numberCount = 0
        guard let base = bytes.baseAddress, bytes.count < Int32.max else { return false }
        while true {
            var scanner = Scanner(
                base: base.assumingMemoryBound(to: UInt8.self), end: bytes.count, storage: storage,
                skipsDetail: detail == .summary)
            scanner.skipWhitespace()
            var valid = scanner.value(depth: 0)
            scanner.skipWhitespace()
            valid = valid && scanner.index == bytes.count
            if scanner.isFull {
                storage = Storage(tokenCapacity: storage.tokenCapacity * 2, numberCapacity: storage.numberCapacity * 2)
                continue
            }
            storage.tokenCount = scanner.tokenCount
            storage.numberCount = scanner.numberCount
            return valid
        }
    }

    /// The bytes of a token: a string's content, a number's characters.
    static func text(of token: Token, in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[Int(token.start)..<Int(token.end)])
    }

    /// The scanner proper: a cursor over the bytes that writes tokens into the storage. Hot
    /// loops work on a local copy of the index, which the compiler keeps in a register.
    private struct Scanner {
        let base: UnsafePointer<UInt8>
        let end: Int
        let skipsDetail: Bool
        var index = 0
        private let tokens: UnsafeMutablePointer<Token>
        private let tokenCapacity: Int
        private(set) var tokenCount = 0
        private let numbers: UnsafeMutablePointer<Double>
        private let numberCapacity: Int
        private(set) var numberCount = 0
        /// The line needs more storage than there is: it is scanned again with more.
        private(set) var isFull = false

        init(base: UnsafePointer<UInt8>, end: Int, storage: Storage, skipsDetail: Bool) {
            self.base = base
            self.end = end
            self.skipsDetail = skipsDetail
            tokens = storage.tokens
            tokenCapacity = storage.tokenCapacity
            numbers = storage.numbers
            numberCapacity = storage.numberCapacity
        }

        /// Stores `token`; false when the storage is full.
        @inline(__always)
        private mutating func append(_ token: Token) -> Bool {
            guard tokenCount < tokenCapacity else {
                isFull = true
                return false
            }
            tokens[tokenCount] = token
            tokenCount += 1
            return true
        }

        mutating func skipWhitespace() {
            var at = index
            while at < end {
                switch base[at] {
                case 0x20, 0x09, 0x0A, 0x0D: at += 1
                default:
                    index = at
                    return
                }
            }
            index = at
        }

        mutating func value(depth: Int) -> Bool {
            guard index < end else { return false }
            switch base[index] {
            case UInt8(ascii: "{"): return container(object: true, depth: depth)
            case UInt8(ascii: "["): return container(object: false, depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true", .literalTrue)
            case UInt8(ascii: "f"): return literal("false", .literalFalse)
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        /// True (and past it) when the next byte is `byte`.
        @inline(__always)
        private mutating func skip(_ byte: UInt8) -> Bool {
            guard index < end, base[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func container(object: Bool, depth: Int) -> Bool {
            guard depth < JSONTape.maximumDepth else { return false }
            if !object, numberArray() { return true }
            let me = tokenCount
            guard append(Token(kind: object ? .object : .array, start: index, end: 0, next: 0)) else { return false }
            index += 1
            let close = UInt8(ascii: object ? "}" : "]")
            skipWhitespace()
            if !skip(close) {
                while true {
                    if object {
                        guard index < end, base[index] == UInt8(ascii: "\""), string() else { return false }
                        skipWhitespace()
                        guard skip(UInt8(ascii: ":")) else { return false }
                        skipWhitespace()
                        if skipsDetail, depth == 0, isDetailKey(tokens[tokenCount - 1]) {
                            guard skipContainer() else { return false }
                            skipWhitespace()
                            if skip(UInt8(ascii: ",")) {
                                skipWhitespace()
                                continue
                            } else if skip(close) {
                                break
                            }
                            return false
                        }
                    }
                    guard value(depth: depth + 1) else { return false }
                    skipWhitespace()
                    if skip(UInt8(ascii: ",")) {
                        skipWhitespace()
                    } else if skip(close) {
                        break
                    } else {
                        return false
                    }
                }
            }
            tokens[me].end = Int32(truncatingIfNeeded: index - 1)
            tokens[me].next = Int32(truncatingIfNeeded: tokenCount)
            return true
        }

        /// `twitches` or `envelope`, written plainly: both are eight bytes, one comparison.
        @inline(__always)
        private func isDetailKey(_ key: Token) -> Bool {
            guard key.end &- key.start == 8, !key.hasEscapes else { return false }
            let word = UnsafeRawPointer(base + Int(key.start)).loadUnaligned(as: UInt64.self)
            return word == Self.twitchesKey || word == Self.envelopeKey
        }

        private static let twitchesKey = UInt64(littleEndian: 0x7365_6863_7469_7774)  // "twitches"
        private static let envelopeKey = UInt64(littleEndian: 0x6570_6F6C_6576_6E65)  // "envelope"

        /// Passes over an array or object without reading it: strings are followed to their
        /// closing quote and brackets counted, so a line cut short is still rejected. One
        /// `.skipped` token stands for it; a value of any other type is scanned as usual.
        private mutating func skipContainer() -> Bool {
            guard index < end, base[index] | 0x20 == UInt8(ascii: "{") else { return value(depth: 1) }
            let start = index
            var at = index
            var depth = 0
            while true {
                at = ByteSearch.firstStructural(base, end, from: at)
                guard at < end else { return false }
                switch base[at] {
                case UInt8(ascii: "\""):
                    index = at
                    guard string() else { return false }
                    tokenCount -= 1
                    at = index
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                default:
                    depth -= 1
                }
                at += 1
                if depth == 0 { break }
            }
            index = at
            return append(Token(kind: .skipped, start: start, end: at, next: tokenCount + 1))
        }

        private mutating func string() -> Bool {
            let start = index + 1
            var at = start
            var hasEscapes = false
            while true {
                at = ByteSearch.firstSpecialInString(base, end, from: at)
                guard at < end else { return false }
                let byte = base[at]
                if byte == UInt8(ascii: "\"") {
                    var token = Token(kind: .string, start: start, end: at, next: tokenCount + 1)
                    token.hasEscapes = hasEscapes
                    index = at + 1
                    return append(token)
                } else if byte == UInt8(ascii: "\\") {
                    hasEscapes = true
                    guard at + 1 < end else { return false }
                    switch base[at + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                        UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        at += 2
                    case UInt8(ascii: "u"):
                        guard at + 5 < end, (2...5).allSatisfy({ JSONText.hexValue(base[at + $0]) != nil }) else {
                            return false
                        }
                        at += 6
                    default:
                        return false
                    }
                } else {
                    return false  // a control character
                }
            }
        }

        private mutating func literal(_ word: StaticString, _ kind: Kind) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= end, (0..<count).allSatisfy({ base[index + $0] == word.utf8Start[$0] }) else {
                return false
            }
            defer { index += count }
            return append(Token(kind: kind, start: index, end: index + count, next: tokenCount + 1))
        }

        private mutating func number() -> Bool {
            let start = index
            guard let (value, isInteger) = scanNumber() else { return false }
            var token = Token(kind: .number, start: start, end: index, next: tokenCount + 1)
            token.isInteger = isInteger
            token.value = value
            return append(token)
        }

        /// An array whose elements are all numbers, such as an envelope, as one token with
        /// its values in `numbers`; false, with nothing consumed, for any other array (or
        /// when the storage is full).
        private mutating func numberArray() -> Bool {
            let open = index
            let firstNumber = numberCount
            index += 1
            skipWhitespace()
            if index < end, base[index] == UInt8(ascii: "-") || isDigit(base[index]) {
                while numberCount < numberCapacity {
                    let start = index
                    guard let (value, _) = scanNumber() else { break }
                    numbers[numberCount] = value.isNaN
                        ? JSONText.number(UnsafeRawBufferPointer(start: base + start, count: index - start)) ?? .nan
                        : value
                    numberCount += 1
                    skipWhitespace()
                    if skip(UInt8(ascii: "]")) {
                        var token = Token(kind: .array, start: firstNumber, end: numberCount, next: tokenCount + 1)
                        token.isNumberArray = true
                        return append(token)
                    }
                    guard skip(UInt8(ascii: ",")) else { break }
                    skipWhitespace()
                }
                if numberCount == numberCapacity { isFull = true }
            }
            numberCount = firstNumber
            index = open
            return false
        }

        /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`: its value (NaN when the
        /// text must be parsed slowly) and whether it is an integer; nil when it is no number.
        @inline(__always)
        private mutating func scanNumber() -> (value: Double, isInteger: Bool)? {
            var at = index
            guard at < end else { return nil }
            var accumulator = DecimalAccumulator()
            let negative = base[at] == UInt8(ascii: "-")
            if negative { at += 1 }
            guard at < end, isDigit(base[at]) else { return nil }
            if base[at] == UInt8(ascii: "0") {
                at += 1
            } else {
                while at < end, isDigit(base[at]) {
                    accumulator.add(base[at] &- UInt8(ascii: "0"))
                    at += 1
                }
            }
            var isInteger = true
            if at < end, base[at] == UInt8(ascii: ".") {
                isInteger = false
                at += 1
                guard at < end, isDigit(base[at]) else { return nil }
                while at < end, isDigit(base[at]) {
                    accumulator.addFraction(base[at] &- UInt8(ascii: "0"))
                    at += 1
                }
            }
            if at < end, base[at] | 0x20 == UInt8(ascii: "e") {
                isInteger = false
                at += 1
                let exponentStart = at
                if at < end, base[at] == UInt8(ascii: "+") || base[at] == UInt8(ascii: "-") { at += 1 }
                guard at < end, isDigit(base[at]) else { return nil }
                while at < end, isDigit(base[at]) { at += 1 }
                accumulator.addExponent(
                    JSONText.exponent(UnsafeRawBufferPointer(start: base + exponentStart, count: at - exponentStart)))
            }
            index = at
            return (accumulator.value(negative: negative) ?? .nan, isInteger)
        }

        @inline(__always)
        private func isDigit(_ byte: UInt8) -> Bool {
            byte &- UInt8(ascii: "0") < 10
        }
    }
}
