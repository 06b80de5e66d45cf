/// Watches the envelope for rhythm: at 3 to 8 Hz, the band of both a tremor and the
/// syllables of speech, and at 1 to 2 Hz, chewing. The envelope is averaged down to 50 values a second into a ring;
/// at every check (a quarter second) it computes the normalized autocorrelation over two
/// windows and finds its highest true peak (a local maximum after a dip of `rhythmDip`:
/// a smooth, slowly changing envelope correlates at short lags too, but has no dip) at a
/// lag within the band:
///
/// - over `tremorWindowSeconds` (2.56 s): a tremor is very regular, so its peak stays high
///   (above `tremorCorrelation`) over a long window, the correlation at twice its lag too
///   (above `tremorRepeatCorrelation`), and it fills three quarters of the window at
///   least (`tremorEvenness`);
/// - over half that: speech is irregular, so its syllable rhythm shows only over a short
///   window, and only moderately (above `speechCorrelation`).
///
/// - over `chewingWindowSeconds` (4 s), at the lags of `chewingBand` (0.8 to 2.5 Hz): the
///   jaw's rhythm, above `chewingCorrelation`.
///
/// Each counts only when the window is active (mean envelope above
/// `tremorActivityRatio` × floor). Cost: about 2 × 18 lags × 128 and 65 lags × 200
/// products per check, some 40 operations per input sample at 2 kHz.
struct RhythmTracker: Sendable {
    /// The outcome of one check.
    struct Check: Sendable {
        var isTremorLike: Bool
        var isSpeechLike: Bool
        var isChewingLike: Bool
        /// The long window's rhythm: frequency (Hz) and autocorrelation at its lag.
        var frequency: Double
        var correlation: Double
    }

    static let decimatedRate = 50.0

    private var values: HistoryRing<Double>
    private let decimation: Int
    private let tremorWindow: Int
    let speechWindowSamples: Int
    let chewingWindowSamples: Int
    private let speechWindow: Int
    private let checkInterval: Int
    private let lags: ClosedRange<Int>
    private let chewingWindow: Int
    private let chewingLags: ClosedRange<Int>
    private let chewingThreshold: Double
    private let tremorThreshold: Double
    private let repeatThreshold: Double
    private let evenness: Double
    private let speechThreshold: Double
    private let activityRatio: Double
    private let rate: Double
    /// Autocorrelation by lag, 0 up to one past the longest lag: scratch space.
    private var autocorrelation: Autocorrelation
    private var accumulated = 0.0
    private var position = 0
    private var sinceCheck = 0

    private let requiredDip: Double

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        decimation = max(1, Int((sampleRate / Self.decimatedRate).rounded()))
        let rate = sampleRate / Double(decimation)
        self.rate = rate
        tremorWindow = max(16, Int((configuration.tremorWindowSeconds * rate).rounded()))
        speechWindow = tremorWindow / 2
        speechWindowSamples = speechWindow * decimation
        checkInterval = max(1, Int((configuration.rhythmCheckSeconds * rate).rounded()))
        let shortest = max(1, Int((rate / configuration.tremorBand.upperBound).rounded(.down)))
        let longest = max(shortest, min(speechWindow / 2, Int((rate / configuration.tremorBand.lowerBound).rounded(.up))))
        lags = shortest...longest
        chewingWindow = max(tremorWindow, Int((configuration.chewingWindowSeconds * rate).rounded()))
        let chewingShortest = max(longest + 1, Int((rate / configuration.chewingBand.upperBound).rounded(.down)))
        let chewingLongest = max(chewingShortest, min(chewingWindow / 2, Int((rate / configuration.chewingBand.lowerBound).rounded(.up))))
        chewingLags = chewingShortest...chewingLongest
        chewingWindowSamples = chewingWindow * decimation
        chewingThreshold = configuration.chewingCorrelation
        tremorThreshold = configuration.tremorCorrelation
        repeatThreshold = configuration.tremorRepeatCorrelation
        evenness = configuration.tremorEvenness
        speechThreshold = configuration.speechCorrelation
        activityRatio = configuration.tremorActivityRatio
        requiredDip = configuration.rhythmDip
        values = HistoryRing(minimumCapacity: chewingWindow, initial: 0)
        autocorrelation = Autocorrelation(maximumWindow: chewingWindow, maximumLag: chewingLongest + 1)
    }

    /// Adds an envelope sample; returns a check when one is due.
    @inline(__always)
    mutating func add(envelope: Double, floor: Double?) -> Check? {
        accumulated += envelope
        position += 1
        guard position == decimation else { return nil }
        values.append(accumulated / Double(decimation))
        accumulated = 0
        position = 0
        sinceCheck += 1
        guard sinceCheck >= checkInterval, values.count >= tremorWindow, let floor else { return nil }
        sinceCheck = 0
        let long = peak(window: tremorWindow, lags: lags)
        let isTremorLike = long.mean >= activityRatio * floor && long.correlation >= tremorThreshold
            && autocorrelation.correlation(atLag: 2 * long.lag) >= repeatThreshold
            && values.isEven(window: tremorWindow, evenness: evenness, quarters: 3) { $0 * $0 }
        let short = peak(window: speechWindow, lags: lags)
        let chewing = values.count >= chewingWindow
            ? peak(window: chewingWindow, lags: chewingLags) : (lag: 0, correlation: 0.0, mean: 0.0)
        return Check(
            isTremorLike: isTremorLike,
            isSpeechLike: short.mean >= activityRatio * floor && short.correlation >= speechThreshold,
            isChewingLike: chewing.mean >= activityRatio * floor && chewing.correlation >= chewingThreshold,
            frequency: rate / Double(long.lag), correlation: max(0, long.correlation))
    }

    /// The highest true autocorrelation peak in the band over the newest `window` values,
    /// and their mean.
    private mutating func peak(window: Int, lags: ClosedRange<Int>) -> (lag: Int, correlation: Double, mean: Double) {
        let longest = min(lags.upperBound + 1, window - 1)
        let (mean, varies) = autocorrelation.compute(values, window: window, longest: longest)
        guard varies else { return (lags.lowerBound, 0, mean) }
        let best = autocorrelation.peak(in: lags, longest: longest, requiredDip: requiredDip)
        return (best.lag, best.correlation, mean)
    }
}
