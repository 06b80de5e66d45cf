#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of one motor-unit action potential on the skin, as a function of time in
/// units of its width σ, scaled to a peak of about its amplitude. Each is over by |u| = 4 (the asymmetric
/// one by 4 × its stretch on the late side).
enum ActionPotentialShape: Equatable {
    /// The Mexican hat (second derivative of a Gaussian): triphasic and symmetric, the
    /// generator's fixed design.
    case triphasic
    /// The first derivative of a Gaussian: biphasic, as under a bipolar electrode pair
    /// along the fibres.
    case biphasic
    /// A triphasic wave whose late phase is stretched by `stretch` (1.6 to 2.6): the
    /// slower, dispersed tail of a unit whose fibres conduct at different speeds.
    case asymmetricTriphasic(stretch: Double)

    /// How far after its centre the wave lasts, in widths.
    var tailWidths: Double {
        switch self {
        case .triphasic, .biphasic: 4
        case .asymmetricTriphasic(let stretch): 4 * stretch
        }
    }

    /// The wave of peak `amplitude` at `u` widths from its centre.
    func value(at u: Double, amplitude: Double) -> Double {
        switch self {
        case .triphasic:
            guard abs(u) < 4 else { return 0 }
            let u2 = u * u
            return amplitude * (1 - u2) * exp(-u2 / 2)
        case .biphasic:
            guard abs(u) < 4 else { return 0 }
            // -u e^{-u²/2} peaks at u = ∓1 with e^{-1/2}; e^{1/2} scales that to 1.
            return -amplitude * u * exp(0.5 - u * u / 2)
        case .asymmetricTriphasic(let stretch):
            return Self.triphasic.value(at: u > 0 ? u / stretch : u, amplitude: amplitude)
        }
    }
}
