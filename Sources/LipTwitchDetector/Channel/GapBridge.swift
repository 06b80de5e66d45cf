/// What the filters see in place of bad samples (lost, flagged, flat), and how the good
/// samples are joined on after them, so that neither the gap nor the return rings through
/// the filters (docs/DETECTOR.md, "Gaps").
///
/// In a gap, the last `period` of what the filters saw is repeated, carried along by the
/// change over that period (x̂[n] = x[n − P] + (x[L] − x[L − P]), L the last good sample):
/// mains hum and its harmonics go on in phase (the period is 0.1 s, a whole number of
/// 50 Hz and 60 Hz cycles), baseline wander goes on along its slope, and the noise stays
/// at its level, so the envelope neither dips nor jumps. When good samples come back,
/// the signal is shifted by the difference between the prediction and the first of them:
/// a constant, which the DC blocker and high-pass ignore, so the return is seamless.
struct GapBridge: Sendable {
    private var history: HistoryRing<SIMD3<Double>>
    private let period: Int
    private var trend = SIMD3<Double>.zero
    private var offset = SIMD3<Double>.zero
    private var bridging = false

    /// The bridge for a signal sampled at `sampleRate`.
    init(sampleRate: Double) {
        period = max(1, Int((0.1 * sampleRate).rounded()))
        history = HistoryRing(minimumCapacity: period + 1, initial: .zero)
    }

    /// The value the filters see for a good sample (`value`) or a bad one (nil).
    @inline(__always)
    mutating func next(_ value: SIMD3<Double>?) -> SIMD3<Double> {
        let output: SIMD3<Double>
        if let value {
            if bridging {
                offset = predicted - value
                bridging = false
            }
            output = value + offset
        } else {
            if !bridging {
                trend = history.count > period ? history[age: 0] - history[age: period] : .zero
                bridging = true
            }
            output = predicted
        }
        history.append(output)
        return output
    }

    /// The period's repetition for the next sample (the last value held before a full
    /// period has been seen).
    private var predicted: SIMD3<Double> {
        guard history.count >= period else { return history.count > 0 ? history[age: 0] : .zero }
        return history[age: period - 1] + trend
    }
}
