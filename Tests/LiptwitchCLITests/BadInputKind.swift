/// The kinds of bad input docs/BAD-INPUT.md has a column for, in its order.
enum BadInputKind: String, Sendable, CaseIterable {
    case missing = "missing file"
    case directory = "a directory"
    case empty = "an empty file"
    case randomBytes = "random bytes"
    case truncated = "a truncated file"
    case lyingHeader = "a header that lies about its length"
    case nanInCSV = "NaN and infinities in a CSV"
    case longLine = "a 2 MiB line"
    case unreadable = "an unreadable file"
    case symlinkLoop = "a symbolic link loop"
    case notATTY = "a path that is not a tty"
    case flagOutOfRange = "a flag out of range"
}
