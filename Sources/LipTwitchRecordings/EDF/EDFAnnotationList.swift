/// Reads the time-stamped annotation lists (TALs) of one data record's `EDF Annotations`
/// signal (EDF+ specification, section 2.2.2): each TAL is
/// `+onset[0x15 duration] 0x14 text 0x14 [text 0x14 ...] 0x00`, and the rest of the signal
/// is 0x00 padding. The first TAL of every record keeps time (its only text is empty);
/// empty texts are not annotations.
enum EDFAnnotationList {
    /// What is wrong with a TAL, for the error message.
    struct Malformed: Error {
        let problem: String
    }

    /// A TAL's onset (seconds, relative to the header's start time), duration and texts.
    struct Entry {
        let onsetSeconds: Double
        let durationSeconds: Double?
        let texts: [String]
    }

    static func entries(in bytes: ArraySlice<UInt8>) throws(Malformed) -> [Entry] {
        var entries: [Entry] = []
        for list in bytes.split(separator: 0, omittingEmptySubsequences: true) {
            entries.append(try entry(list))
        }
        return entries
    }

    private static func entry(_ list: ArraySlice<UInt8>) throws(Malformed) -> Entry {
        let parts = list.split(separator: 0x14, omittingEmptySubsequences: false)
        guard parts.count >= 2, list.last == 0x14 else {
            throw Malformed(problem: "a time-stamped annotation list does not end with 0x14 before its 0x00")
        }
        let timing = parts[0].split(separator: 0x15, omittingEmptySubsequences: false)
        guard timing.count <= 2, let onset = number(timing[0], signed: true) else {
            throw Malformed(problem: "a time-stamped annotation list has no valid onset ('\(text(parts[0]))')")
        }
        var duration: Double?
        if timing.count == 2 {
            guard let value = number(timing[1], signed: false) else {
                throw Malformed(problem: "a time-stamped annotation list has no valid duration ('\(text(timing[1]))')")
            }
            duration = value
        }
        let texts = parts.dropFirst().dropLast().map(text).filter { !$0.isEmpty }
        return Entry(onsetSeconds: onset, durationSeconds: duration, texts: texts)
    }

    /// An onset starts with `+` or `-`; a duration has no sign. Both are decimals.
    private static func number(_ bytes: ArraySlice<UInt8>, signed: Bool) -> Double? {
        let text = text(bytes)
        guard let first = text.first, signed == (first == "+" || first == "-"),
            text.dropFirst(signed ? 1 : 0).allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            let value = Double(text), value.isFinite
        else { return nil }
        return value
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
