import Foundation
import Testing
import TestSupport

/// docs/BAD-INPUT.md, tested: each row's command gives its exit status and one sentence
/// that holds the row's words, never a stack trace, and leaves no output file behind; the
/// document is what the rows say now.
@Suite struct BadInputTableTests {
    @Test(arguments: BadInputTable.rows)
    func badInputGetsItsStatusAndOneSentence(_ row: BadInputRow) throws {
        let files = try BadInputFiles()
        let result = try files.run(row)
        let arguments = row.arguments.joined(separator: " ")
        #expect(result.status == row.status, "liptwitch \(arguments): \(result.standardError)")
        #expect(result.standardError.contains(row.says), "liptwitch \(arguments): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n")
        switch row.status {
        case 1: #expect(lines.count == 1 && lines[0].hasPrefix("Error: "), "one sentence: \(result.standardError)")
        case 64: #expect(lines.first?.hasPrefix("Error: ") == true && lines.count <= 3, "\(result.standardError)")
        default: #expect(!lines.contains { $0.hasPrefix("Error: ") }, "\(result.standardError)")
        }
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Swift runtime failure", "Current stack trace"] {
            #expect(!result.standardError.contains(marker), "liptwitch \(arguments): \(result.standardError)")
        }
        if let output = row.output {
            #expect(!FileManager.default.fileExists(atPath: files.path + "/" + output), "\(output) was left behind")
        }
        let partial = try FileManager.default.contentsOfDirectory(atPath: files.path).filter { $0.contains(".partial-") }
        #expect(partial.isEmpty, "left behind: \(partial)")
    }

    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/BAD-INPUT.md").standardizedFileURL

    /// With `LIPTWITCH_WRITE_BAD_INPUT=1` in the environment, writes the document instead.
    @Test func theDocumentIsCurrent() throws {
        let files = try BadInputFiles()
        let said = try BadInputTable.rows.map { row in (row, files.message(try files.run(row))) }
        let markdown = BadInputMarkdown.render(said)
        if ProcessInfo.processInfo.environment["LIPTWITCH_WRITE_BAD_INPUT"] == "1" {
            try Data(markdown.utf8).write(to: Self.document)
        }
        let current = try String(contentsOf: Self.document, encoding: .utf8)
        #expect(current == markdown, """
            docs/BAD-INPUT.md is not what the rows say now: regenerate it with
            LIPTWITCH_WRITE_BAD_INPUT=1 swift test --skip-build --filter BadInputTableTests
            """)
    }
}
