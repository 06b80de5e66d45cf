/// Why a recording cannot be read, as one sentence: where (line N / record N / header field
/// NAME), what is wrong, and what to do.
///
/// ```
/// line 12, column 'emg_uv': 'x1' is not a number; write a decimal number such as -12.5 or 3e-2
/// ```
public struct RecordingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where in the file the problem is.
    public enum Location: Sendable, Equatable {
        /// A CSV line (counted from 1), and the column when one field is at fault.
        case line(Int, column: String?)
        /// An EDF header field, with the signal (number from 1, and label) for per-signal fields.
        case headerField(String, signal: (number: Int, label: String)?)
        /// An EDF data record, counted from 1.
        case record(Int)
        /// The file as a whole.
        case file

        public static func == (lhs: Location, rhs: Location) -> Bool {
            lhs.phrase == rhs.phrase
        }

        var phrase: String {
            switch self {
            case .line(let number, nil): "line \(number)"
            case .line(let number, let column?): "line \(number), column '\(column)'"
            case .headerField(let name, nil): "EDF header field '\(name)'"
            case .headerField(let name, let signal?): "EDF header field '\(name)' of signal \(signal.number) '\(signal.label)'"
            case .record(let number): "EDF data record \(number)"
            case .file: "the file"
            }
        }
    }

    /// Where the problem is.
    public let location: Location
    /// What is wrong.
    public let problem: String
    /// What to do about it.
    public let advice: String

    public init(_ location: Location, _ problem: String, advice: String) {
        self.location = location
        self.problem = problem
        self.advice = advice
    }

    public var description: String {
        "\(location.phrase): \(problem); \(advice)"
    }
}
