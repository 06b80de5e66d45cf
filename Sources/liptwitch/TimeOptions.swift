import ArgumentParser
import LipTwitchJournal

/// Checks time options (`--since`, `--until`) without a clock, for `validate()`.
enum TimeOptions {
    /// Throws a `ValidationError` naming the first option whose value is not a time.
    static func check(_ options: [(name: String, value: String?)]) throws {
        for (name, value) in options {
            guard let value else { continue }
            do { _ = try TimeExpression(parsing: value) } catch { throw ValidationError("\(name): \(error)") }
        }
    }
}
