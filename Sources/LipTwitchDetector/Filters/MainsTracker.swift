/// Finds the mains frequency in an EMG signal and keeps checking it.
///
/// Over each one-second block (a whole number of cycles of both 50 and 60 Hz) it
/// measures the power at 50 Hz, at 60 Hz and, as a reference for the noise around them,
/// at 55 Hz (Goertzel). A block votes for 50 or 60 Hz when that power is at least 10 times
/// the reference and 4 times the other; two votes in a row for the same frequency decide
/// it, and two in a row for the other frequency later switch to it. Until the first
/// decision, `frequency` is nil (the caller then notches both).
struct MainsTracker: Sendable {
    private var at50: Goertzel
    private var at60: Goertzel
    private var reference: Goertzel
    private let blockLength: Int
    private var position = 0
    private var lastVote: Double?
    /// The mains frequency found, in Hz, or nil while undecided.
    private(set) var frequency: Double?

    init(sampleRate: Double) {
        at50 = Goertzel(frequency: 50, sampleRate: sampleRate)
        at60 = Goertzel(frequency: 60, sampleRate: sampleRate)
        reference = Goertzel(frequency: 55, sampleRate: sampleRate)
        blockLength = max(1, Int(sampleRate.rounded()))
    }

    /// Adds a sample (high-passed, not yet notched); true when the decision changed.
    @inline(__always)
    mutating func add(_ x: Double) -> Bool {
        at50.add(x)
        at60.add(x)
        reference.add(x)
        position += 1
        guard position == blockLength else { return false }
        position = 0
        let p50 = at50.takePower(), p60 = at60.takePower(), noise = reference.takePower()
        var vote: Double?
        if p50 > 10 * noise, p50 > 4 * p60 { vote = 50 }
        if p60 > 10 * noise, p60 > 4 * p50 { vote = 60 }
        defer { lastVote = vote }
        guard let vote, vote == lastVote, vote != frequency else { return false }
        frequency = vote
        return true
    }
}
