/// Finds the samples that cannot be trusted: those the sensor flagged, and runs of
/// identical values at least `flatlineSamples` long, which is what a converter at its rail
/// looks like in a file that carries no flags (lead-off, saturation).
///
/// To mark the whole run, including its first samples, it looks ahead: a frame comes out
/// `flatlineSamples` frames after it went in (10 ms at the default), with its verdict.
struct ValidityGate: Sendable {
    private var frames: HistoryRing<InputFrame>
    private let lookahead: Int
    private var runStart = 0
    private var received = 0

    init(flatlineSamples: Int) {
        lookahead = max(2, flatlineSamples)
        frames = HistoryRing(minimumCapacity: lookahead + 1, initial: .empty)
    }

    /// How many frames are held back.
    var delay: Int { lookahead }

    /// Takes a frame; returns the frame from `delay` frames ago, judged, once there is one.
    mutating func push(_ frame: InputFrame) -> InputFrame? {
        if received > 0, frame.values != frames[age: 0].values { runStart = received }
        frames.append(frame)
        let runLength = received - runStart + 1
        if runLength == lookahead + 1 {
            for age in 0..<runLength { frames[age: age].isFlat = true }
        } else if runLength > lookahead + 1 {
            frames[age: 0].isFlat = true
        }
        received += 1
        return received > lookahead ? frames[age: lookahead] : nil
    }

    /// Hands out the frames still held back, oldest first (at the end of the input).
    mutating func flush(_ body: (InputFrame) -> Void) {
        var age = min(lookahead, received)
        while age > 0 {
            age -= 1
            body(frames[age: age])
        }
        received = 0
        frames.removeAll()
    }
}
