import LipTwitchRecordings
import Testing

/// Every malformed CSV gets one sentence naming the line (and field) and what is valid.
@Suite("Malformed CSV recordings")
struct CSVErrorTests {
    struct Case: Sendable, CustomStringConvertible {
        let description: String
        let text: String
        var rate: Double?
        let message: String
    }

    static let cases: [Case] = [
        Case(
            description: "too few fields", text: "time_s,emg_uv,ax_g\n0,1,2\n0.1,3\n",
            message: "line 3: the row has 2 fields but the header has 3 columns; give every row one value per column, separated by commas"),
        Case(
            description: "too many fields", text: "# c\ntime_s,emg_uv\n0,1\n0.1,3,4\n",
            message: "line 4: the row has 3 fields but the header has 2 columns; give every row one value per column, separated by commas"),
        Case(
            description: "not a number", text: "time_s,emg_uv,az_g\n0,1,1\n0.1,x1,1\n",
            message: "line 3, column 'emg_uv': 'x1' is not a number; write a decimal number such as -12.5 or 3e-2, or NaN for a missing value"),
        Case(
            description: "empty field", text: "time_s,emg_uv\n0,\n",
            message: "line 2, column 'emg_uv': '' is not a number; write a decimal number such as -12.5 or 3e-2, or NaN for a missing value"),
        Case(
            description: "decimal comma", text: "time_s,emg_uv\n0,1\n0.1,\"2,5\"\n",
            message: "line 3: the row has 3 fields but the header has 2 columns; give every row one value per column, separated by commas"),
        Case(
            description: "infinite", text: "time_s,emg_uv\n0,1e999\n",
            message: "line 2, column 'emg_uv': '1e999' is out of range; write a finite number, or NaN for a missing value"),
        Case(
            description: "bad time", text: "time_s,emg_uv\n0,1\n0..1,2\n",
            message: "line 3, column 'time_s': '0..1' is not a number; write a decimal number such as -12.5 or 3e-2, or NaN for a missing value"),
        Case(
            description: "missing time", text: "time_s,emg_uv\n0,1\nnan,2\n",
            message: "line 3, column 'time_s': the time is missing (NaN); give every row its time in seconds"),
        Case(
            description: "unknown unit", text: "time_s,emg_uv,emg\n",
            message: "line 1, column 'emg': the column name has no known unit; end each channel name with its unit: _uv or _mv for EMG, _g or _ms2 for acceleration (e.g. emg_uv, ax_g)"),
        Case(
            description: "unknown unit after comments", text: "# one\n\n#two\ntime_s,emg_nv\n",
            message: "line 4, column 'emg_nv': the column name has no known unit; end each channel name with its unit: _uv or _mv for EMG, _g or _ms2 for acceleration (e.g. emg_uv, ax_g)"),
        Case(
            description: "acceleration without axis", text: "time_s,acc_ms2\n",
            message: "line 1, column 'acc_ms2': an acceleration column needs its axis in its name; name it ax_ms2, ay_ms2, az_ms2 or NAME_x_ms2"),
        Case(
            description: "no time column", text: "emg_uv\n1\n",
            message: "line 1, column 'emg_uv': the first column is not the time; make the first column the time in seconds (named time_s, t or time), or give the sample rate (--rate)"),
        Case(
            description: "no channel", text: "time_s\n0\n",
            message: "line 1: the header has no channel column; add at least one channel column after the time; end each channel name with its unit: _uv or _mv for EMG, _g or _ms2 for acceleration (e.g. emg_uv, ax_g)"),
        Case(
            description: "duplicate column", text: "time_s,emg_uv,EMG_uV\n",
            message: "line 1, column 'emg_uv': the header names this column twice; give every column its own name"),
        Case(
            description: "empty column name", text: "time_s,,emg_uv\n",
            message: "line 1, column '#2': the header has an empty column name; name every column: the time first (time_s), then the channels (end each channel name with its unit: _uv or _mv for EMG, _g or _ms2 for acceleration (e.g. emg_uv, ax_g))"),
        Case(
            description: "time goes back", text: "t,emg_uv\n0,1\n0.1,2\n0.05,3\n",
            message: "line 4: the time 0.05 s is not after the previous row's 0.1 s (line 3); keep the rows in time order, one row per sample, or give the sample rate (--rate) to ignore the time column"),
        Case(
            description: "irregular step", text: "t,emg_uv\n0,1\n0.01,2\n0.02,3\n0.035,4\n",
            message: "line 5: the time jumps by 0.015 s from line 4, which is not a whole number of sample periods (0.01 s at 100.0 Hz); fix the time column so rows are evenly spaced, or give the sample rate (--rate) to ignore it"),
        Case(
            description: "too short a step", text: "t,emg_uv\n0,1\n0.01,2\n0.02,3\n0.022,4\n",
            message: "line 5: the time 0.022 s is 0.002 s after the previous row's (line 4), less than one sample period (0.01 s at 100.0 Hz); keep the rows in time order, one row per sample, or give the sample rate (--rate) to ignore the time column"),
        Case(
            description: "gap over an hour", text: "t,emg_uv\n0,1\n1,2\n2,3\n4000,4\n",
            message: "line 5: the time jumps by 3998.0 s from line 4, a gap of more than an hour; split the file at the gap and analyse each part"),
        // Found by the CSV fuzzer (scripts/fuzz csv): no step is near the median one, so the
        // rate came out NaN and the decoder delivered a format no detector can take.
        Case(
            description: "no regular step", text: "time_s,emg_uv\n0,1\n0.00025,2\n0.001,3\n0.00142548,4\n.0035,5\n",
            message: "the file: the steps of its time column are too irregular to tell the sample rate; give rows evenly spaced in time, or give the sample rate (--rate)"),
        Case(
            description: "one row", text: "t,emg_uv\n0,1\n",
            message: "the file: it has 1 data row, too few to tell the sample rate from the time column; give at least two rows, or give the sample rate (--rate)"),
        Case(
            description: "empty file", text: "# only a comment\n\n",
            message: "the file: it has no header line; start the file with a header such as time_s,emg_uv and put one sample per line after it"),
    ]

    @Test(arguments: cases)
    func sayWhichLineAndFieldIsWrong(_ testCase: Case) {
        for chunking in [Chunking.whole, .byteByByte] {
            let result = chunking.decode(testCase.text.bytes, with: CSVRecordingDecoder(sampleRateHz: testCase.rate))
            #expect(result.error?.description == testCase.message, "\(chunking)")
        }
    }

    @Test func samplesBeforeTheBadLineAreDeliveredFirst() {
        var text = "t,emg_uv\n"
        for row in 0..<2000 { text += "\(Double(row) / 100),\(row)\n" }
        text += "20,oops\n"
        let result = Chunking.whole.decode(text.bytes, with: CSVRecordingDecoder())
        #expect(result.error?.location == .line(2002, column: "emg_uv"))
        #expect(result.blocks.map(\.sampleCount) == [1024])
    }

    @Test func anOverlongLineIsRefused() {
        let line = String(repeating: "1", count: (1 << 20) + 10)
        let result = Chunking.random(seed: 9, maxSize: 70_000).decode(("t,emg_uv\n" + line).bytes, with: CSVRecordingDecoder())
        #expect(result.error?.description == "line 2: the line is longer than 1048576 bytes; give a CSV file with one sample per line")
    }
}
