/// docs/BAD-INPUT.md as data: every subcommand that reads a file, a journal or a port,
/// with each kind of bad input that applies to it (`BadInputTableTests` runs them all).
/// Exit status 1: the input cannot be used; 64: a usage error (a flag out of range); 0:
/// the command did what it could and said what it skipped.
enum BadInputTable {
    private static func row(
        _ command: String, _ input: BadInputKind, _ arguments: [String], _ status: Int32, _ says: String,
        output: String? = nil
    ) -> BadInputRow {
        BadInputRow(command: command, input: input, arguments: arguments, status: status, says: says, output: output)
    }

    /// A command that reads one file named by `file` in `arguments` and may write `output`.
    private static func fileRows(
        _ command: String, _ arguments: @escaping (String) -> [String], output: String?,
        _ cases: [(BadInputKind, String, Int32, String)]
    ) -> [BadInputRow] {
        cases.map { input, file, status, says in
            row(command, input, arguments("DIR/" + file), status, says, output: output)
        }
    }

    static let rows: [BadInputRow] =
        fileRows("decode", { ["decode", $0] }, output: nil, [
            (.missing, "missing.bin", 1, "no such file or directory. Check the path"),
            (.directory, "dir", 1, "it is a directory. Give the path of a file"),
            (.empty, "empty.bin", 0, "0 bytes, 0 frames"),
            (.randomBytes, "random.bin", 0, "bytes discarded"),
            (.truncated, "cut.ltcap", 0, "of an unfinished frame at the end"),
            (.unreadable, "secret.ltcap", 1, "permission denied. Check the file's owner and mode"),
            (.symlinkLoop, "loop", 1, "leads back to itself. Fix the link"),
        ])
        + [row("decode", .flagOutOfRange, ["decode", "DIR/empty.bin", "--only", "everything"], 64, "--only")]
        + fileRows("analyze", { ["analyze", $0, "--out", "DIR/out.jsonl"] }, output: "out.jsonl", [
            (.missing, "missing.csv", 1, "no such file or directory. Check the path"),
            (.directory, "dir", 1, "it is a directory. Give the path of a file"),
            (.empty, "empty.csv", 1, "it has no header line; start the file with a header"),
            (.randomBytes, "random.bin", 1, "give a .csv or .edf file"),
            (.truncated, "cut.edf", 1, "the file was cut off"),
            (.lyingHeader, "lying.edf", 1, "fix the header or re-export the file"),
            (.nanInCSV, "nan.csv", 1, "'inf' is not a number"),
            (.longLine, "long.csv", 1, "the line is longer than 1048576 bytes"),
            (.unreadable, "secret.csv", 1, "permission denied. Check the file's owner and mode"),
            (.symlinkLoop, "loop", 1, "leads back to itself. Fix the link"),
        ])
        + [row("analyze", .flagOutOfRange, ["analyze", "DIR/nan.csv", "--rate", "0"], 64, "--rate must be more than 0")]
        + fileRows("analyze --profile", { ["analyze", "DIR/nan.csv", "--profile", $0] }, output: nil, [
            (.missing, "missing.json", 1, "there is no profile at"),
            (.empty, "empty.json", 1, "make a new one with liptwitch calibrate"),
            (.randomBytes, "random.bin", 1, "make a new one with liptwitch calibrate"),
        ])
        + fileRows("calibrate", { ["calibrate", $0, "--out", "DIR/profile.json"] }, output: "profile.json", [
            (.missing, "missing.csv", 1, "no such file or directory. Check the path"),
            (.directory, "dir", 1, "it is a directory. Give the path of a file"),
            (.empty, "empty.csv", 1, "it has no header line; start the file with a header"),
            (.randomBytes, "random.bin", 1, "give a .csv or .edf file"),
            (.truncated, "cut.ltcap", 1, "ends early"),
            (.lyingHeader, "lying.ltcap", 1, "ends inside its header"),
            (.nanInCSV, "nan.csv", 1, "'inf' is not a number"),
            (.longLine, "long.csv", 1, "the line is longer than 1048576 bytes"),
            (.unreadable, "secret.csv", 1, "permission denied. Check the file's owner and mode"),
            (.symlinkLoop, "loop", 1, "leads back to itself. Fix the link"),
        ])
        + [
            row("calibrate", .notATTY, ["calibrate", "--device", "DIR/empty.bin", "--out", "DIR/profile.json"], 1,
                "is not a serial port", output: "profile.json"),
            row("calibrate", .flagOutOfRange, ["calibrate", "--presses", "2"], 64, "--presses must be between 3 and 20"),
        ]
        + fileRows("replay", { ["replay", $0] }, output: nil, [
            (.missing, "missing.ltcap", 1, "no such file or directory. Check the path"),
            (.directory, "dir", 1, "it is a directory. Give the path of a file"),
            (.empty, "empty.ltcap", 1, "there is nothing to replay"),
            (.randomBytes, "random.bin", 1, "make one with liptwitch capture"),
            (.truncated, "cut.ltcap", 1, "everything before the cut was replayed"),
            (.lyingHeader, "lying.ltcap", 1, "ends inside its header"),
            (.unreadable, "secret.ltcap", 1, "permission denied. Check the file's owner and mode"),
            (.symlinkLoop, "loop", 1, "leads back to itself. Fix the link"),
        ])
        + [
            row("replay", .flagOutOfRange, ["replay", "DIR/cut.ltcap", "--speed", "0"], 64, "--speed"),
            row("replay", .missing, ["replay", "DIR/cut.ltcap", "--samples", "DIR/missing/samples.csv"], 1,
                "the directory it names must exist"),
        ]
        + fileRows("journal", { ["journal", "--journal", $0] }, output: nil, [
            (.missing, "missing", 0, "nothing recorded yet"),
            (.empty, "empty.bin", 1, "something that is not a directory is in the way"),
            (.randomBytes, "journal", 0, "skipped 2 lines: 2 unreadable"),
            (.symlinkLoop, "loop", 1, "too many levels of symbolic links"),
        ])
        + [row("journal", .flagOutOfRange, ["journal", "--since", "yesterday-ish"], 64, "--since")]
        + fileRows("report", { ["report", "--journal", $0] }, output: nil, [
            (.missing, "missing", 1, "nothing recorded yet"),
            (.empty, "empty.bin", 1, "something that is not a directory is in the way"),
            (.symlinkLoop, "loop", 1, "too many levels of symbolic links"),
        ])
        + [row("report", .flagOutOfRange, ["report", "--since", "yesterday-ish"], 64, "--since")]
        + fileRows("export", { ["export", "--format", "csv", "--journal", $0, "--out", "DIR/export.csv"] }, output: "export.csv", [
            (.missing, "missing", 1, "there is nothing to export"),
            (.empty, "empty.bin", 1, "something that is not a directory is in the way"),
            (.symlinkLoop, "loop", 1, "too many levels of symbolic links"),
        ])
        + [row("export", .flagOutOfRange, ["export", "--format", "xls"], 64, "choose csv or fhir")]
        + fileRows("note", { ["note", "x", "--journal", $0] }, output: nil, [
            (.empty, "empty.bin", 1, "something that is not a directory is in the way"),
            (.symlinkLoop, "loop", 1, "too many levels of symbolic links"),
        ])
        + [row("note", .flagOutOfRange, ["note", "x", "--at", "25:99", "--journal", "DIR/j"], 64, "--at")]
        + fileRows("link", { ["link", "--device", $0] }, output: nil, [
            (.missing, "missing", 1, "no sensor at"),
            (.directory, "dir", 1, "is not a serial port"),
            (.notATTY, "empty.bin", 1, "is not a serial port: give the sensor's device"),
            (.symlinkLoop, "loop", 1, "leads back to itself; fix the link"),
        ])
        + [row("link", .flagOutOfRange, ["link", "--device", "DIR/missing", "--rate", "0"], 64, "--rate")]
        + fileRows("capture", { ["capture", "--device", $0, "--out", "DIR/c.ltcap", "--duration", "1"] }, output: "c.ltcap", [
            (.missing, "missing", 1, "no sensor at"),
            (.notATTY, "empty.bin", 1, "is not a serial port: give the sensor's device"),
            (.symlinkLoop, "loop", 1, "leads back to itself; fix the link"),
        ])
        + [row("capture", .flagOutOfRange, ["capture", "--device", "DIR/missing", "--out", "DIR/c.ltcap", "--duration", "0"],
               64, "--duration")]
}
