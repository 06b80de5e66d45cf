/// Finds a lip tremor on an accelerometer, where the envelope cannot: the twitch band
/// starts at 6 Hz (a 5 Hz tremor loses most of itself there), and the RMS envelope of an
/// oscillation ripples at twice its frequency, out of the tremor band. So this tracker
/// looks at the acceleration itself (gravity removed):
///
/// - averaged down to 50 values a second (`RhythmTracker.decimatedRate`), then each axis
///   band-passed to `tremorBand` (3 to 8 Hz, 4th-order high-pass and low-pass) and,
///   separately, low-passed below it (4th order at its lower edge): walking's steps near
///   2 Hz and head movements;
/// - every `rhythmCheckSeconds`, the autocorrelation of the band-passed axes taken
///   together over `tremorWindowSeconds` (the vector's dot product with itself a lag
///   later, so the sensor's mounting does not matter), and its highest true peak at a
///   lag in the band, as `RhythmTracker` finds it;
/// - tremor-like when that peak reaches `tremorCorrelation`, the band's RMS reaches
///   `accelerationTremorMinimumG`, the band holds at least `accelerationTremorDominance`
///   times the power below it, and each quarter of the window holds at least
///   `accelerationTremorEvenness` times the window's mean power in the band. A tremor is
///   narrow-band, sits in the band and goes on for seconds; walking puts most of its power
///   in its steps below it (the band sees their harmonics and heel strikes), head
///   movements in the turn of gravity, and a quick nod repeated a few times fills only
///   part of the window.
///
/// Cost per input sample: three additions, and every tenth sample 18 biquad sections;
/// per check two sums over the window and, only when the band is strong enough, dominant
/// and even (else no tremor whatever the rhythm), 3 × 18 lags × 128 products.
struct AccelerationTremorTracker: Sendable {
    private let decimation: Int
    private let rate: Double
    private var accumulated = SIMD3<Double>.zero
    private var position = 0
    private var sinceCheck = 0
    /// Per axis, at the decimated rate: the tremor band, and below it.
    private var band: [BiquadCascade]
    private var below: [BiquadCascade]
    /// The band-passed axes, and the power in and below the band (summed over the axes).
    private var axes: [HistoryRing<Double>]
    private var bandPower: HistoryRing<Double>
    private var belowPower: HistoryRing<Double>
    private var autocorrelation: Autocorrelation
    private let window: Int
    private let checkInterval: Int
    private let lags: ClosedRange<Int>
    private let correlationThreshold: Double
    private let requiredDip: Double
    private let minimumPower: Double
    private let dominance: Double
    private let evenness: Double

    init(configuration: DetectorConfiguration, sampleRate: Double) {
        decimation = max(1, Int((sampleRate / RhythmTracker.decimatedRate).rounded()))
        let rate = sampleRate / Double(decimation)
        self.rate = rate
        let edges = configuration.tremorBand
        let upper = min(edges.upperBound, 0.45 * rate)
        band = Array(repeating: BiquadCascade(
            .butterworthHighPass(order: 4, cutoff: edges.lowerBound, sampleRate: rate),
            .butterworthLowPass(order: 4, cutoff: upper, sampleRate: rate)), count: 3)
        below = Array(repeating: .butterworthLowPass(order: 4, cutoff: edges.lowerBound, sampleRate: rate), count: 3)
        window = max(16, Int((configuration.tremorWindowSeconds * rate).rounded()))
        checkInterval = max(1, Int((configuration.rhythmCheckSeconds * rate).rounded()))
        let shortest = max(1, Int((rate / edges.upperBound).rounded(.down)))
        lags = shortest...max(shortest, min(window / 2, Int((rate / edges.lowerBound).rounded(.up))))
        axes = Array(repeating: HistoryRing(minimumCapacity: window, initial: 0), count: 3)
        bandPower = HistoryRing(minimumCapacity: window, initial: 0)
        belowPower = HistoryRing(minimumCapacity: window, initial: 0)
        autocorrelation = Autocorrelation(maximumWindow: window, maximumLag: lags.upperBound + 1)
        correlationThreshold = configuration.tremorCorrelation
        requiredDip = configuration.rhythmDip
        minimumPower = configuration.accelerationTremorMinimumG * configuration.accelerationTremorMinimumG
        dominance = configuration.accelerationTremorDominance
        evenness = configuration.accelerationTremorEvenness
    }

    /// Adds a sample of the gravity-removed acceleration (g); returns a check when one is
    /// due.
    @inline(__always)
    mutating func add(_ acceleration: SIMD3<Double>) -> RhythmTracker.Check? {
        accumulated += acceleration
        position += 1
        guard position == decimation else { return nil }
        let value = accumulated / Double(decimation)
        accumulated = .zero
        position = 0
        var inBand = 0.0
        var slow = 0.0
        for axis in 0..<3 {
            let tremor = band[axis].process(value[axis])
            axes[axis].append(tremor)
            inBand += tremor * tremor
            let low = below[axis].process(value[axis])
            slow += low * low
        }
        bandPower.append(inBand)
        belowPower.append(slow)
        sinceCheck += 1
        guard sinceCheck >= checkInterval, belowPower.count >= window else { return nil }
        sinceCheck = 0
        return check()
    }

    /// True when every quarter of the window holds at least `evenness` times the mean
    /// power of the band over it.
    private var isEven: Bool { bandPower.isEven(window: window, evenness: evenness) }

    private mutating func check() -> RhythmTracker.Check {
        var slow = 0.0
        var meanSquare = 0.0
        for age in 0..<window {
            slow += belowPower[age: age]
            meanSquare += bandPower[age: age]
        }
        slow /= Double(window)
        meanSquare /= Double(window)
        // The band's power (its variance) is at most its mean square: when even that
        // fails a gate, so would the power, and the autocorrelation, most of a check's
        // cost, is not needed (at rest, walking, moving the head). The margin covers
        // rounding; the verdicts are those of the full check.
        let most = meanSquare * (1 + 1e-9)
        let mayBeTremor = most >= minimumPower && most >= dominance * slow && isEven
        var power = 0.0
        var rhythm = (lag: lags.lowerBound, correlation: 0.0)
        if mayBeTremor {
            let longest = min(lags.upperBound + 1, window - 1)
            power = autocorrelation.compute(axes: axes, window: window, longest: longest)
            if power > 0 { rhythm = autocorrelation.peak(in: lags, longest: longest, requiredDip: requiredDip) }
        }
        return RhythmTracker.Check(
            isTremorLike: mayBeTremor && rhythm.correlation >= correlationThreshold && power >= minimumPower
                && power >= dominance * slow,
            isSpeechLike: false, isChewingLike: false,
            frequency: rate / Double(rhythm.lag), correlation: max(0, rhythm.correlation))
    }
}
