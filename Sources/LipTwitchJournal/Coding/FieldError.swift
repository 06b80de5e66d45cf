/// Why a line that is valid JSON is still not a valid record: a required field is missing,
/// or a field holds the wrong type of value.
enum FieldError: Error, Equatable {
    case missing(String)
    case wrongType(String)
    /// A number too large for the field (an envelope value beyond a Float's range).
    case outOfRange(String)

    /// `field 'start' is missing`.
    var detail: String {
        switch self {
        case .missing(let key): "field '\(key)' is missing"
        case .wrongType(let key): "field '\(key)' has the wrong type"
        case .outOfRange(let key): "field '\(key)' holds a number out of range"
        }
    }
}
