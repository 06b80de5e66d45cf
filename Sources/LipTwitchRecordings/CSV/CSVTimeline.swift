/// Checks a CSV time column against the sample rate, row to row, and says how many
/// samples are missing before each row.
///
/// Each row must come one sample period after the previous one, within a quarter of a
/// period. A jump of a whole number of periods (within the same tolerance) is a gap: the
/// samples in it are missing, and delivered as NaN so that sample indices keep matching
/// time. A step of less than one period, a jump between two whole periods, or a gap longer
/// than `maximumGapSeconds` is an error.
struct CSVTimeline: Sendable {
    static let tolerance = 0.25
    static let maximumGapSeconds = 3600.0

    let sampleRateHz: Double
    private let period: Double
    private var previous: (time: Double, line: Int)?

    init(sampleRateHz: Double) {
        self.sampleRateHz = sampleRateHz
        period = 1 / sampleRateHz
    }

    /// The sample rate the first rows' times give: the median time difference is a first
    /// guess at the period; the differences that are a whole number of such periods
    /// (within the tolerance; a gap counts as several) then give the period as their sum
    /// over their count of periods. The rate is rounded to a whole number of hertz when
    /// within 0.1 % of one, which absorbs timestamp jitter.
    static func estimatedRate(times: [Double]) throws(RecordingError) -> Double {
        let differences = zip(times.dropFirst(), times).map { $0 - $1 }
        let sorted = differences.sorted()
        let middle = sorted.count / 2
        let median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        var span = 0.0
        var periods = 0.0
        for difference in differences {
            let count = (difference / median).rounded()
            guard count >= 1, abs(difference - count * median) <= tolerance * median else { continue }
            span += difference
            periods += count
        }
        // No step near the median (as in steps of 1, 3, 2 and 8 periods), or times beyond
        // any clock's: no rate to tell.
        guard periods > 0, span.isFinite else {
            throw RecordingError(
                .file, "the steps of its time column are too irregular to tell the sample rate",
                advice: "give rows evenly spaced in time, or give the sample rate (--rate)")
        }
        let rate = periods / span
        return abs(rate - rate.rounded()) <= rate * 1e-3 ? rate.rounded() : rate
    }

    /// The number of missing samples before the row at `line` with time `time` (seconds).
    mutating func missingSamples(before time: Double, line: Int) throws(RecordingError) -> Int {
        defer { previous = (time, line) }
        guard let previous else { return 0 }
        let step = time - previous.time
        let periods = (step / period).rounded()
        let location = RecordingError.Location.line(line, column: nil)
        if periods < 1 {
            throw RecordingError(
                location, "the time \(time) s is \(Self.seconds(step)) s after the previous row's (line \(previous.line)), less than one sample period (\(Self.seconds(period)) s at \(sampleRateHz) Hz)",
                advice: "keep the rows in time order, one row per sample, or give the sample rate (--rate) to ignore the time column")
        }
        if abs(step - periods * period) > Self.tolerance * period {
            throw RecordingError(
                location, "the time jumps by \(Self.seconds(step)) s from line \(previous.line), which is not a whole number of sample periods (\(Self.seconds(period)) s at \(sampleRateHz) Hz)",
                advice: "fix the time column so rows are evenly spaced, or give the sample rate (--rate) to ignore it")
        }
        if step > Self.maximumGapSeconds {
            throw RecordingError(
                location, "the time jumps by \(Self.seconds(step)) s from line \(previous.line), a gap of more than an hour",
                advice: "split the file at the gap and analyse each part")
        }
        return Int(periods) - 1
    }

    private static func seconds(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        return "\(rounded)"
    }

    /// Before the rate is known: each row must at least come after the previous one.
    static func requireIncreasing(_ time: Double, line: Int, after previous: (time: Double, line: Int)) throws(RecordingError) {
        guard time <= previous.time else { return }
        throw RecordingError(
            .line(line, column: nil), "the time \(time) s is not after the previous row's \(previous.time) s (line \(previous.line))",
            advice: "keep the rows in time order, one row per sample, or give the sample rate (--rate) to ignore the time column")
    }
}
