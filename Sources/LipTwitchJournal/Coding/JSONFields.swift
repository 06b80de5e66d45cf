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
    /// One bit per member key (`keyBit`): a key whose bit is clear is not there, found
    /// without a search (absent optional fields are common). Made at the first key not found
    /// at the hint: objects read in the order written never need it.
    private var keyBits: UInt128?

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
    }

    /// The bits of every member's key.
    private func memberKeyBits() -> UInt128 {
        var bits: UInt128 = 0
        var member = first
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        while member < end {
            let key = tokens[member]
            bits |= key.hasEscapes || key.start == key.end
                ? ~0 : Self.keyBit(base + Int(key.start), count: Int(key.end &- key.start), readsPast: true)
            member = Int(tokens[member + 1].next)
        }
        return bits
    }

    /// The bit of the `count` bytes at `key` (at least one) among 128, from its length, its
    /// first four bytes and its last two. The multiplier was chosen (by trying multipliers
    /// against the keys of each record kind and of each nested object in docs/JOURNAL.md) so
    /// that every key the journal writes has a bit of its own within its object: looking up
    /// an absent field never searches. Any other key still works, sharing bits at worst.
    /// `readsPast`: at least 4 bytes can be read at `key` (a key in a line, which its closing
    /// quote, a colon and a value follow), so a short key is loaded at once and masked.
    @inline(__always)
    private static func keyBit(_ key: UnsafePointer<UInt8>, count: Int, readsPast: Bool = false) -> UInt128 {
        let raw = UnsafeRawPointer(key)
        var head: UInt64 = 0
        if count >= 4 || readsPast {
            head = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            if count < 4 { head &= (1 &<< UInt64(8 * count)) &- 1 }
        } else {
            for index in 0..<count { head |= UInt64(key[index]) &<< (8 * index) }
        }
        let tail = count >= 2
            ? UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)))
            : UInt64(key[0])
        let word = head | tail &<< 32 | UInt64(truncatingIfNeeded: count) &<< 48
        return 1 &<< UInt128((word &* 0xF86C_7A99_2A75_4E11) &>> 57)
    }

    // MARK: Required values

    @inline(__always)
    mutating func string(_ key: StaticString) throws(FieldError) -> String {
        try required(key, optionalString(key))
    }

    @inline(__always)
    mutating func integer(_ key: StaticString) throws(FieldError) -> Int {
        try required(key, optionalInteger(key))
    }

    @inline(__always)
    mutating func number(_ key: StaticString) throws(FieldError) -> Double {
        try required(key, optionalNumber(key))
    }

    @inline(__always)
    mutating func bool(_ key: StaticString) throws(FieldError) -> Bool {
        try required(key, optionalBool(key))
    }

    @inline(__always)
    mutating func time(_ key: StaticString) throws(FieldError) -> LocalTime {
        try required(key, optionalTime(key))
    }

    @inline(__always)
    mutating func uuid(_ key: StaticString) throws(FieldError) -> UUID {
        try required(key, optionalUUID(key))
    }

    @inline(__always)
    mutating func object(_ key: StaticString) throws(FieldError) -> JSONFields {
        try required(key, optionalObject(key))
    }

    // MARK: Optional values

    /// The bytes of a string written without escapes (a version, a class), valid for the
    /// line's lifetime.
    @inline(__always)
    mutating func plainString(_ key: StaticString) throws(FieldError) -> UnsafeRawBufferPointer {
        let (text, hasEscapes) = try stringText(key)
        guard !hasEscapes else { throw .wrongType(key.description) }
        return text
    }

    /// The bytes of a required string as written (between the quotes, escapes unresolved),
    /// valid for the line's lifetime: for a value that is compared rather than kept.
    @inline(__always)
    mutating func stringText(_ key: StaticString) throws(FieldError) -> (text: UnsafeRawBufferPointer, hasEscapes: Bool) {
        guard let (_, token) = try find(key, .string) else { throw .missing(key.description) }
        return (text(of: token), token.hasEscapes)
    }

    @inline(__always)
    mutating func optionalString(_ key: StaticString) throws(FieldError) -> String? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return JSONText.string(text(of: token), hasEscapes: token.hasEscapes)
    }

    @inline(__always)
    mutating func optionalInteger(_ key: StaticString) throws(FieldError) -> Int? {
        guard let (_, token) = try find(key, .number) else { return nil }
        return try converted(key, JSONText.integer(token, in: bytes))
    }

    @inline(__always)
    mutating func optionalNumber(_ key: StaticString) throws(FieldError) -> Double? {
        guard let (_, token) = try find(key, .number) else { return nil }
        return try converted(key, JSONText.number(token, in: bytes))
    }

    @inline(__always)
    mutating func optionalBool(_ key: StaticString) throws(FieldError) -> Bool? {
        guard let index = find(key) else { return nil }
        switch tokens[index].kind {
        case .literalTrue: return true
        case .literalFalse: return false
        case .null: return nil
        default: throw .wrongType(key.description)
        }
    }

    @inline(__always)
    mutating func optionalTime(_ key: StaticString) throws(FieldError) -> LocalTime? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return try converted(key, LocalTime(rfc3339: text(of: token)))
    }

    @inline(__always)
    mutating func optionalUUID(_ key: StaticString) throws(FieldError) -> UUID? {
        guard let (_, token) = try find(key, .string) else { return nil }
        return try converted(key, JSONText.uuid(text(of: token)))
    }

    @inline(__always)
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

    /// The value token of `key`: at the hint (the member after the last one found), or
    /// searched for from there. Inlined, so that the key's length is known where it is
    /// compared: reading the fields in the order written costs a few instructions each.
    @inline(__always)
    private mutating func find(_ key: StaticString) -> Int? {
        let keyCount = key.utf8CodeUnitCount
        guard first < end, keyCount > 0 else { return nil }
        if matches(tokens[hint], key.utf8Start, keyCount) { return found(at: hint) }
        return search(key, bit: Self.keyBit(key.utf8Start, count: keyCount))
    }

    /// The value token of `key` when it is not at the hint: searched for from there, wrapping
    /// around once, when the key's bit (worked out where the key is a constant) says it may
    /// be there.
    @inline(never)
    private mutating func search(_ key: StaticString, bit: UInt128) -> Int? {
        let keyCount = key.utf8CodeUnitCount
        let keyStart = key.utf8Start
        let bits = keyBits ?? memberKeyBits()
        keyBits = bits
        guard bits & bit != 0 else { return nil }
        var member = hint
        while true {
            let nextMember = Int(tokens[member + 1].next)
            member = nextMember < end ? nextMember : first
            guard member != hint else { return nil }
            if matches(tokens[member], keyStart, keyCount) { return found(at: member) }
        }
    }

    /// The value token of the member whose key is at `member`; the hint moves past it.
    @inline(__always)
    private mutating func found(at member: Int) -> Int {
        let valueIndex = member + 1
        let nextMember = Int(tokens[valueIndex].next)
        hint = nextMember < end ? nextMember : first
        return valueIndex
    }

    /// True when the key token spells the `count` bytes at `key`.
    @inline(__always)
    private func matches(_ token: JSONTape.Token, _ key: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard !token.hasEscapes else { return matchesEscaped(token, key, count) }
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

    /// `matches` for a key written with escapes.
    @inline(never)
    private func matchesEscaped(_ token: JSONTape.Token, _ key: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let text = JSONText.string(text(of: token), hasEscapes: true)
        return text.utf8.elementsEqual(UnsafeBufferPointer(start: key, count: count))
    }

    /// The value token of `key` when it is of `kind`; nil when absent, null or skipped.
    @inline(__always)
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
