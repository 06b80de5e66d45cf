/// The range a varied parameter is drawn from: `tuning` for the tuning variation, and
/// for the held-out variation the rest of `full`, on either side of `tuning` (in
/// proportion to the two sides' widths), so held-out values are never tuning values.
struct VariedRange {
    /// The tuning band.
    let tuning: ClosedRange<Double>
    /// The whole band; it holds `tuning`.
    let full: ClosedRange<Double>

    init(tuning: ClosedRange<Double>, full: ClosedRange<Double>) {
        precondition(full.lowerBound <= tuning.lowerBound && tuning.upperBound <= full.upperBound)
        self.tuning = tuning
        self.full = full
    }

    /// The held-out bands: below and above the tuning band.
    var heldOut: [ClosedRange<Double>] {
        [full.lowerBound...tuning.lowerBound, tuning.upperBound...full.upperBound].filter {
            $0.upperBound > $0.lowerBound
        }
    }

    /// A value from the held-out bands when `heldOut`, otherwise from the tuning band.
    func draw(heldOut: Bool, random: inout SignalRandom) -> Double {
        guard heldOut else { return random.uniform(tuning) }
        let bands = self.heldOut
        let width = bands.reduce(0) { $0 + $1.upperBound - $1.lowerBound }
        var position = random.uniform(0...width)
        for band in bands {
            let bandWidth = band.upperBound - band.lowerBound
            if position <= bandWidth { return band.lowerBound + position }
            position -= bandWidth
        }
        return full.upperBound
    }
}
