/// The scalar spellings JSON requires: escaped strings and finite numbers.
enum JSONValue {
    static func appendString(_ string: String, to text: inout String) {
        text.append("\"")
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text.append("\\\"")
            case "\\": text.append("\\\\")
            case "\n": text.append("\\n")
            case "\r": text.append("\\r")
            case "\t": text.append("\\t")
            case _ where scalar.value < 0x20:
                text.append("\\u00")
                text.append(hexDigits[Int(scalar.value >> 4)])
                text.append(hexDigits[Int(scalar.value & 0xF)])
            default:
                text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    /// A whole number as an integer (`2`, not `2.0`), others in their shortest form that
    /// reads back exactly; a non-finite value, which JSON cannot hold, as `null`.
    static func appendNumber<Number: BinaryFloatingPoint & LosslessStringConvertible>(
        _ value: Number, to text: inout String
    ) {
        guard value.isFinite else {
            text.append("null")
            return
        }
        if value == value.rounded(), abs(value) < 1e15 {
            text.append(String(Int64(value)))
        } else {
            text.append(String(value))
        }
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")
}
