/// Whether, and how, a recording departs from the generator's fixed design: its
/// motor-unit action potentials, firing rates, noise colour and level, mains hum,
/// electrode pops, cable motion, speech and chewing rhythms, accelerometer mounting and
/// head motion (`SignalVariation` lists every range and where it comes from).
///
/// Without variation (`.none`, the default) the generator makes exactly the recordings it
/// always made. With it, the departures are drawn from the seed (the same seed, the same
/// recording) and from the seed alone, so a scenario and the calibration recording of one
/// seed come from the same lip, electrodes and room.
public enum ScenarioVariation: String, Sendable, CaseIterable {
    /// The generator's fixed design, bit for bit.
    case none
    /// The ranges detector work may look at and tune against.
    case tuning
    /// Ranges and shapes never used for tuning: the outer bands of every range, a
    /// different action-potential shape, pink to brown noise, strong odd hum harmonics,
    /// two-time-constant pops. Only for measuring.
    case heldOut = "held-out"

    /// What the variation does, in one line.
    public var summary: String {
        switch self {
        case .none: "the fixed design: the recordings the generator has always made"
        case .tuning: "varied within the ranges detector work may tune against"
        case .heldOut: "varied outside them, with other shapes: for measuring, never tuning"
        }
    }
}
