/// One sample of one detector input: up to three values (EMG uses the first; an
/// accelerometer x, y, z) and what is known to be wrong with it.
struct InputFrame: Sendable {
    var values: SIMD3<Float>
    var quality: SampleQuality
    /// Set by `ValidityGate`: part of a run of identical values (a converter at its rail).
    var isFlat = false

    static let empty = InputFrame(values: .zero, quality: .good)

    var isValid: Bool { quality.isEmpty && !isFlat }
}
