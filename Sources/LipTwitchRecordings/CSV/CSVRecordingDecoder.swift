/// Decodes a CSV recording: a header line naming the columns (`CSVColumns`), then one row
/// per sample; `#` comment lines and blank lines anywhere are skipped, CR LF line ends are
/// accepted.
///
/// The sample rate comes from `sampleRateHz` when given (then the time column is optional,
/// and if present must hold numbers but is otherwise ignored), or else from the time
/// column of the first `rateEstimationRows` rows (`CSVTimeline.estimatedRate`), after which every
/// row is checked against it (`CSVTimeline`: gaps of whole periods become NaN samples,
/// other irregular steps are errors). The first row is sample 0.
///
/// Blocks hold `samplesPerBlock` samples (the last one fewer), whatever the chunking.
/// Memory: one line (at most 1 MiB), one block, and the first rows while the rate is
/// being estimated.
public struct CSVRecordingDecoder: RecordingDecoder {
    /// Rows whose time differences give the sample rate.
    public static let rateEstimationRows = 1000
    /// Samples per delivered block.
    public static let samplesPerBlock = 1024

    private let rateOverride: Double?
    private var lines = CSVLineSplitter()
    private var columns: CSVColumns?
    /// What every row needs of `columns`, kept apart so that a row does not copy them.
    private var fieldCount = 0
    private var secondsPerTimeUnit: Double?
    private var scales: [Float] = []
    private var timeline: CSVTimeline?
    private var pendingFormat: RecordingFormat?
    private var blocks = SampleBlockBuilder(channelCount: 1, samplesPerBlock: samplesPerBlock)
    /// Parsed fields of the current line.
    private var fields: [Double] = []
    /// Rows read before the rate was known, replayed once it is: times, line numbers, values.
    private var earlyTimes: [Double] = []
    private var earlyLines: [Int] = []
    private var earlyValues: [Float] = []
    private var replayedEarlyRows = 0
    /// Missing samples to deliver before `waitingRow`.
    private var missingSamples = 0
    private var waitingRow: [Float] = []

    /// `sampleRateHz` overrides the rate the time column gives (`--rate`).
    public init(sampleRateHz: Double? = nil) {
        precondition(sampleRateHz.map { $0 > 0 && $0.isFinite } ?? true, "a sample rate is positive and finite")
        rateOverride = sampleRateHz
    }

    public mutating func decode(_ input: inout ArraySlice<UInt8>) throws(RecordingError) -> RecordingEvent? {
        try step(&input, endOfInput: false)
    }

    /// Bytes of buffer the decoder holds: bounded by the longest line and the first rows,
    /// never by the length of the recording.
    var retainedCapacity: Int {
        lines.retainedCapacity + blocks.retainedCapacity
            + MemoryLayout<Double>.stride * (fields.capacity + earlyTimes.capacity)
            + MemoryLayout<Int>.stride * earlyLines.capacity
            + MemoryLayout<Float>.stride * (earlyValues.capacity + waitingRow.capacity)
    }

    public mutating func finish() throws(RecordingError) -> RecordingEvent? {
        var nothing = ArraySlice<UInt8>()
        return try step(&nothing, endOfInput: true)
    }

    private mutating func step(_ input: inout ArraySlice<UInt8>, endOfInput: Bool) throws(RecordingError) -> RecordingEvent? {
        while true {
            if let format = pendingFormat.take() { return .format(format) }
            if blocks.isFull, let block = blocks.take() { return .samples(block) }
            if missingSamples > 0 {
                blocks.appendMissingSample()
                missingSamples -= 1
            } else if !waitingRow.isEmpty {
                for value in waitingRow { blocks.append(value) }
                waitingRow.removeAll(keepingCapacity: true)
            } else if timeline != nil, replayedEarlyRows < earlyTimes.count {
                try replayEarlyRow()
            } else if let line = try lines.next(&input, endOfInput: endOfInput) {
                try handle(line)
            } else if endOfInput {
                return try endOfFile()
            } else {
                return nil
            }
        }
    }

    private mutating func handle(_ line: ArraySlice<UInt8>) throws(RecordingError) {
        guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
            first != UInt8(ascii: "#")
        else { return }
        guard columns != nil else {
            let columns = try CSVColumns(headerLine: line, lineNumber: lines.lineNumber, timeColumnRequired: rateOverride == nil)
            self.columns = columns
            (fieldCount, secondsPerTimeUnit, scales) = (columns.fieldCount, columns.secondsPerTimeUnit, columns.scales)
            blocks = SampleBlockBuilder(channelCount: columns.channels.count, samplesPerBlock: Self.samplesPerBlock)
            if let rateOverride { start(rateHz: rateOverride) }
            return
        }
        try parse(line)
        let time = secondsPerTimeUnit.map { fields[0] * $0 }
        let valuesStart = fieldCount - scales.count
        if let time, rateOverride == nil {
            if timeline == nil {
                try keepEarlyRow(time: time, valuesFrom: valuesStart)
                return
            }
            missingSamples = try timeline!.missingSamples(before: time, line: lines.lineNumber)
        }
        // The row waits only behind missing samples; otherwise it goes straight into the
        // block, which has room (a full block is handed out before the next line is read).
        for offset in scales.indices {
            let value = Float(fields[valuesStart + offset]) * scales[offset]
            if missingSamples > 0 { waitingRow.append(value) } else { blocks.append(value) }
        }
    }

    private mutating func parse(_ line: ArraySlice<UInt8>) throws(RecordingError) {
        let lineNumber = lines.lineNumber
        let problem = CSVFields.parse(line, expectedCount: fieldCount, into: &fields)
        if problem == nil, secondsPerTimeUnit == nil || !fields[0].isNaN { return }
        guard let columns else { return }
        switch problem {
        case nil:
            throw RecordingError(
                .line(lineNumber, column: columns.names[0]), "the time is missing (NaN)",
                advice: "give every row its time in seconds")
        case .fieldCount(let count)?:
            throw RecordingError(
                .line(lineNumber, column: nil), "the row has \(count) fields but the header has \(columns.fieldCount) columns",
                advice: "give every row one value per column, separated by commas")
        case .notANumber(let field)?:
            throw RecordingError(
                .line(lineNumber, column: columns.names[field]), "'\(CSVFields.text(of: line, field: field))' is not a number",
                advice: "write a decimal number such as -12.5 or 3e-2, or NaN for a missing value")
        case .outOfRange(let field)?:
            throw RecordingError(
                .line(lineNumber, column: columns.names[field]), "'\(CSVFields.text(of: line, field: field))' is out of range",
                advice: "write a finite number, or NaN for a missing value")
        }
    }

    private mutating func keepEarlyRow(time: Double, valuesFrom valuesStart: Int) throws(RecordingError) {
        if let previousTime = earlyTimes.last, let previousLine = earlyLines.last {
            try CSVTimeline.requireIncreasing(time, line: lines.lineNumber, after: (previousTime, previousLine))
        }
        earlyTimes.append(time)
        earlyLines.append(lines.lineNumber)
        for (offset, scale) in scales.enumerated() { earlyValues.append(Float(fields[valuesStart + offset]) * scale) }
        if earlyTimes.count == Self.rateEstimationRows {
            start(rateHz: try CSVTimeline.estimatedRate(times: earlyTimes))
        }
    }

    private mutating func replayEarlyRow() throws(RecordingError) {
        let index = replayedEarlyRows
        replayedEarlyRows += 1
        missingSamples = try timeline!.missingSamples(before: earlyTimes[index], line: earlyLines[index])
        let width = blocks.channelCount
        waitingRow.append(contentsOf: earlyValues[(index * width)..<((index + 1) * width)])
        if replayedEarlyRows == earlyTimes.count {
            earlyTimes = []
            earlyLines = []
            earlyValues = []
            replayedEarlyRows = 0
        }
    }

    private mutating func start(rateHz: Double) {
        timeline = CSVTimeline(sampleRateHz: rateHz)
        pendingFormat = RecordingFormat(sampleRateHz: rateHz, channels: columns?.channels ?? [])
    }

    private mutating func endOfFile() throws(RecordingError) -> RecordingEvent? {
        guard columns != nil else {
            throw RecordingError(
                .file, "it has no header line",
                advice: "start the file with a header such as time_s,emg_uv and put one sample per line after it")
        }
        if timeline == nil {
            guard earlyTimes.count >= 2 else {
                throw RecordingError(
                    .file, "it has \(earlyTimes.count) data row\(earlyTimes.count == 1 ? "" : "s"), too few to tell the sample rate from the time column",
                    advice: "give at least two rows, or give the sample rate (--rate)")
            }
            start(rateHz: try CSVTimeline.estimatedRate(times: earlyTimes))
            return try finish()
        }
        return blocks.take().map { .samples($0) }
    }
}
