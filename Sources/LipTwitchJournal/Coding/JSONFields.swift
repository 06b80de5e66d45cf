#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The members of one JSON object on a `JSONTape`, read by key and converted to the types
/// the journal's records hold. An absent key or `null` is nil for the optional readers and
/// a `FieldError` for the required ones; a value of the wrong type is always an error.
///
/// Lookups start where the previous one matched, so reading the keys in the order the
/// journal writes them costs one comparison each; any order works.
struct JSONFields {
    private let tokens: UnsafeBufferPointer<JSONTape.Token>
    private let numbers: UnsafeBufferPointer<Double>
    private let bytes: UnsafeRawBufferPointer
    private let first: Int
    private let end: Int
    private var hint: Int
    /// One bit per member key, from its length and first byte: a key whose bit is clear is
    /// not there, found without a search (absent optional fields are common).
    private let keyBits: UInt64

    /// The object at token `object`; nil when that token is not an object.
    init?(
        tokens: UnsafeBufferPointer<JSONTape.Token>, numbers: UnsafeBufferPointer<Double>,
        bytes: UnsafeRawBufferPointer, object: Int
    ) {
        let token = tokens[object]
        guard token.kind == .object else { return nil }
        self.tokens = tokens
        self.numbers = numbers
        self.bytes = bytes
        first = object + 1
        end = Int(token.next)
        hint = first
        var bits: UInt64 = 0
        var member = first
        while member < end {
            let key = tokens[member]
            bits |= key.hasEscapes || key.start == key.end
                ? ~0 : Self.keyBit(length: Int(key.end - key.start), first: bytes[Int(key.start)])
            member = Int(tokens[member + 1].next)
        }
        keyBits = bits
    }

    private static func keyBit(length: Int, first: UInt8) -> UInt64 {
        1 << UInt64((length &* 7 &+ Int(first)) & 63)
    }

    // MARK: Required values

    mutating func string(_ key: StaticString) throws(FieldError) -> String {
        try required(key, optionalString(key))
    }

    mutating func integer(_ key: StaticString) throws(FieldError) -> Int {
        try required(key, optionalInteger(key))
    }

    mutating func number(_ key: StaticString) throws(FieldError) -> Double {
        try required(key, optionalNumber(key))
    }

    mutating func bool(_ key: StaticString) throws(FieldError) -> Bool {
        try required(key, optionalBool(key))
    }

    mutating func time(_ key: StaticString) throws(FieldError) -> LocalTime {
        try required(key, optionalTime(key))
    }

    mutating func uuid(_ key: StaticString) throws(FieldError) -> UUID {
        try required(key, optionalUUID(key))
    }

    mutating func object(_ key: StaticString) throws(FieldError) -> JSONFields {
        try required(key, optionalObject(key))
    }

    // MARK: Optional values

    /// The bytes of a string written without escapes (a version, a class), valid for the
    /// line's lifetime.
    mutating func plainString(_ key: StaticString) throws(FieldError) -> UnsafeRawBufferPointer {
        guard let (_, token) = try find(key, .string) else { throw .missing(key.description) }
        guard !token.hasEscapes else { throw .wrongType(key.description) }
        return text(of: token)
    }

    mutating func optionalString(_ key: StaticString) throws(FieldError) -> String? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return JSONText.string(text(of: token), hasEscapes: token.hasEscapes)
    }

    mutating func optionalInteger(_ key: StaticString) throws(FieldError) -> Int? {
        guard let (_, token) = try find(key, .number) else { return nil }
        return try converted(key, JSONText.integer(token, in: bytes))
    }

    mutating func optionalNumber(_ key: StaticString) throws(FieldError) -> Double? {
        guard let (_, token) = try find(key, .number) else { return nil }
        return try converted(key, JSONText.number(token, in: bytes))
    }

    mutating func optionalBool(_ key: StaticString) throws(FieldError) -> Bool? {
        guard let index = find(key) else { return nil }
        switch tokens[index].kind {
        case .literalTrue: return true
        case .literalFalse: return false
        case .null: return nil
        default: throw .wrongType(key.description)
        }
    }

    mutating func optionalTime(_ key: StaticString) throws(FieldError) -> LocalTime? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return try converted(key, LocalTime(rfc3339: text(of: token)))
    }

    mutating func optionalUUID(_ key: StaticString) throws(FieldError) -> UUID? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return try converted(key, JSONText.uuid(text(of: token)))
    }

    mutating func optionalObject(_ key: StaticString) throws(FieldError) -> JSONFields? {
        guard let (index, _) = try find(key, .object) else { return nil }
        return JSONFields(tokens: tokens, numbers: numbers, bytes: bytes, object: index)
    }

    /// An array of numbers; nil when the key is absent.
    mutating func optionalNumbers(_ key: StaticString) throws(FieldError) -> [Double]? {
        guard let (_, token) = try find(key, .array) else { return nil }
        guard token.isNumberArray else {
            return try optionalArray(key) { element throws(FieldError) in try element.number() }
        }
        let values = Array(numbers[Int(token.start)..<Int(token.end)])
        guard !values.contains(where: \.isNaN) else { throw .wrongType(key.description) }
        return values
    }

    /// An array of numbers a Float holds; nil when the key is absent. A value beyond a
    /// Float's range is refused, not read as infinity (which writes back as `null`).
    mutating func optionalFloats(_ key: StaticString) throws(FieldError) -> [Float]? {
        try optionalNumbers(key).map { values throws(FieldError) in
            guard values.allSatisfy({ abs($0) <= Double(Float.greatestFiniteMagnitude) }) else {
                throw .outOfRange(key.description)
            }
            return values.map(Float.init)
        }
    }

    /// An array of integers; nil when the key is absent.
    mutating func optionalIntegers(_ key: StaticString) throws(FieldError) -> [Int]? {
        try optionalNumbers(key).map { values throws(FieldError) in
            try values.map { value throws(FieldError) in
                guard value == value.rounded(), abs(value) <= 0x1p53 else { throw .wrongType(key.description) }
                return Int(value)
            }
        }
    }

    /// The elements of an array, each converted by `element`; nil when the key is absent.
    mutating func optionalArray<Element>(
        _ key: StaticString, _ element: (JSONElement) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element]? {
        guard let index = find(key) else { return nil }
        let token = tokens[index]
        if token.kind == .null || token.kind == .skipped { return nil }
        guard token.kind == .array else { throw .wrongType(key.description) }
        var elements: [Element] = []
        var count = 0
        var child = index + 1
        while child < Int(token.next) {
            count += 1
            child = Int(tokens[child].next)
        }
        elements.reserveCapacity(count)
        child = index + 1
        while child < Int(token.next) {
            elements.append(try element(JSONElement(key: key, tokens: tokens, numbers: numbers, bytes: bytes, index: child)))
            child = Int(tokens[child].next)
        }
        return elements
    }

    /// Every member as (key, element), in file order: for objects whose keys are data.
    func members<Element>(
        _ key: StaticString, _ element: (String, JSONElement) throws(FieldError) -> Element
    ) throws(FieldError) -> [Element] {
        var elements: [Element] = []
        var member = first
        while member < end {
            let keyToken = tokens[member]
            let name = JSONText.string(text(of: keyToken), hasEscapes: keyToken.hasEscapes)
            elements.append(try element(name, JSONElement(key: key, tokens: tokens, numbers: numbers, bytes: bytes, index: member + 1)))
            member = Int(tokens[member + 1].next)
        }
        return elements
    }

    // MARK: Lookup

    private func text(of token: JSONTape.Token) -> UnsafeRawBufferPointer {
        JSONTape.text(of: token, in: bytes)
    }

    /// The value token of `key`, searching from the hint and wrapping around once.
    private mutating func find(_ key: StaticString) -> Int? {
        let keyCount = key.utf8CodeUnitCount
        let keyStart = key.utf8Start
        guard first < end, keyCount > 0, keyBits & Self.keyBit(length: keyCount, first: keyStart[0]) != 0 else {
            return nil
        }
        var member = hint
        repeat {
            let keyToken = tokens[member]
            let valueIndex = member + 1
            let nextMember = Int(tokens[valueIndex].next)
            if matches(keyToken, keyStart, keyCount) {
                hint = nextMember < end ? nextMember : first
                return valueIndex
            }
            member = nextMember < end ? nextMember : first
        } while member != hint
        return nil
    }

    /// True when the key token spells the `count` bytes at `key`.
    @inline(__always)
    private func matches(_ token: JSONTape.Token, _ key: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard !token.hasEscapes else {
            let text = JSONText.string(text(of: token), hasEscapes: true)
            return text.utf8.elementsEqual(UnsafeBufferPointer(start: key, count: count))
        }
        guard Int(token.end &- token.start) == count else { return false }
        let here = bytes.baseAddress! + Int(token.start)
        let there = UnsafeRawPointer(key)
        // Two loads that cover the key between them, overlapping when it is not a multiple of
        // their width: no byte-by-byte tail.
        func same<Word: FixedWidthInteger>(_: Word.Type) -> Bool {
            let last = count - MemoryLayout<Word>.size
            var offset = 0
            while offset < last {
                guard here.loadUnaligned(fromByteOffset: offset, as: Word.self)
                    == there.loadUnaligned(fromByteOffset: offset, as: Word.self)
                else { return false }
                offset += MemoryLayout<Word>.size
            }
            return here.loadUnaligned(fromByteOffset: last, as: Word.self)
                == there.loadUnaligned(fromByteOffset: last, as: Word.self)
        }
        switch count {
        case 8...: return same(UInt64.self)
        case 4...: return same(UInt32.self)
        case 2...: return same(UInt16.self)
        default: return count == 0 || here.load(as: UInt8.self) == key[0]
        }
    }

    /// The value token of `key` when it is of `kind`; nil when absent, null or skipped.
    private mutating func find(_ key: StaticString, _ kind: JSONTape.Kind) throws(FieldError)
        -> (index: Int, token: JSONTape.Token)?
    {
        guard let index = find(key) else { return nil }
        let token = tokens[index]
        if token.kind == .null || token.kind == .skipped { return nil }
        guard token.kind == kind else { throw .wrongType(key.description) }
        return (index, token)
    }

    private func converted<Value>(_ key: StaticString, _ value: Value?) throws(FieldError) -> Value {
        guard let value else { throw .wrongType(key.description) }
        return value
    }

    private func required<Value>(_ key: StaticString, _ value: Value?) throws(FieldError) -> Value {
        guard let value else { throw .missing(key.description) }
        return value
    }
}
