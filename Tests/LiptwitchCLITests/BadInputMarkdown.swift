/// docs/BAD-INPUT.md from the rows and what each command said (`BadInputTableTests`).
enum BadInputMarkdown {
    static let preamble = """
        # Bad input

        What each `liptwitch` subcommand that reads a file, a journal or a port does with bad
        input: its exit status and the one sentence it writes on standard error (`DIR` is the
        directory the test made the inputs in). Every row is a test
        (`Tests/LiptwitchCLITests/BadInputTable.swift`): the status, the sentence, no stack
        trace, and no output file left behind (commands that write one write it whole or not
        at all). Regenerate this file after changing a message:
        `LIPTWITCH_WRITE_BAD_INPUT=1 swift test --skip-build --filter BadInputTableTests`.

        Exit status: **1** the input cannot be used (the sentence says what to do); **64** a
        usage error, such as a flag out of range (the sentence, then the usage line); **0**
        the command did what it could with what it was given, and said what it skipped.

        The inputs: a missing file; a directory; an empty file; 4 KiB of random bytes; a
        capture cut in half, an EDF file cut inside its last record; a capture header whose
        fields claim 1 MiB, an EDF header whose length is not 256 × (1 + signals); a CSV with
        NaN and infinities; a CSV line of 2 MiB (the readers refuse lines over 1 MiB, so a
        100 MB line gets the same sentence, only slower); a file of mode 000 (read as `nobody`
        when the tests run as root, who reads any file); a symbolic link to itself; a regular
        file given as the sensor's port; a flag out of range. A port that vanishes mid-read is
        covered by the link tests (`docs/LINK.md`), not here.

        | command | bad input | exit | what it says |
        | --- | --- | --- | --- |

        """

    static func render(_ rows: [(row: BadInputRow, message: String)]) -> String {
        preamble + rows.map { row, message in
            // A usage error's first line is its sentence (the usage follows); a command that
            // went on says every line.
            let lines = message.split(separator: "\n").map(String.init)
            let said = row.status == 64 ? lines.prefix(1) : lines[...]
            let escaped = said.joined(separator: "<br>").replacingOccurrences(of: "|", with: "\\|")
            return "| `\(row.command)` | \(row.input.rawValue) | \(row.status) | \(escaped) |\n"
        }.joined()
    }
}
