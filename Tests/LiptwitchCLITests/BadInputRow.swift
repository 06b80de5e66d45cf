import Testing

/// One row of docs/BAD-INPUT.md: a subcommand given one kind of bad input, the exit status
/// it must end with, and words its one sentence on standard error must hold. In
/// `arguments`, `DIR` stands for the directory of `BadInputFiles`.
struct BadInputRow: Sendable, CustomTestStringConvertible {
    let command: String
    let input: BadInputKind
    let arguments: [String]
    let status: Int32
    let says: String
    /// The file the command would have written (`DIR/...`): it must not be there afterwards.
    var output: String?

    var testDescription: String { "\(command): \(input.rawValue)" }
}
