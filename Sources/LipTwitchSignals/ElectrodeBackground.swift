/// What an EMG electrode shows when the lip is at rest: amplifier and tissue noise, the
/// electrode's DC offset, baseline wander (slow drift from sweat, breathing and skin
/// stretch) and, in some rooms, mains hum. All in µV. The noise is white, or coloured in a
/// varied recording.
struct ElectrodeBackground {
    /// How much of each a channel gets.
    struct Design {
        /// Noise, µV RMS.
        var noise: Double
        /// The noise's spectral exponent α (1/f^α), or nil for white noise.
        var noiseExponent: Double?
        /// Wander amplitude, µV (shared among three slow sines of 0.03 to 0.5 Hz).
        var wander: Double
        /// Mains frequency and fundamental amplitude (µV); amplitude 0 means no hum.
        var mainsHz: Double
        var hum: Double
        /// Scale the hum's odd and even harmonics against its fundamental.
        var oddHarmonicScale: Double
        var evenHarmonicScale: Double
    }

    private let noise: Double
    /// The noise level drifts by up to ±25 % over minutes (skin, sweat, temperature).
    private var noiseDrift: Oscillator
    private let offset: Double
    private var wander: [(oscillator: Oscillator, amplitude: Double)]
    private var hum: MainsHum?
    private var colouredNoise: ColouredNoise?

    init(design: Design, sampleRate: Double, random: inout SignalRandom) {
        noise = design.noise
        noiseDrift = Oscillator(frequencyHz: random.uniform(0.002...0.01), sampleRate: sampleRate,
                                phase: random.uniform(0...(2 * Double.pi)))
        offset = random.uniform(-3000...3000)
        wander = [0.03...0.08, 0.08...0.2, 0.2...0.5].map { band in
            let oscillator = Oscillator(frequencyHz: random.uniform(band), sampleRate: sampleRate,
                                        phase: random.uniform(0...(2 * Double.pi)))
            return (oscillator, design.wander * random.uniform(0.2...0.6))
        }
        hum = design.hum > 0
            ? MainsHum(
                frequencyHz: design.mainsHz, amplitude: design.hum, oddHarmonicScale: design.oddHarmonicScale,
                evenHarmonicScale: design.evenHarmonicScale, sampleRate: sampleRate, random: &random)
            : nil
        colouredNoise = design.noiseExponent.map {
            ColouredNoise(exponent: $0, sampleRate: sampleRate, random: &random)
        }
    }

    mutating func next(random: inout SignalRandom) -> Double {
        let draw = colouredNoise == nil ? random.gaussian() : colouredNoise!.next(random: &random)
        var value = offset + noise * (1 + 0.25 * noiseDrift.next()) * draw
        for index in wander.indices {
            value += wander[index].amplitude * wander[index].oscillator.next()
        }
        if hum != nil { value += hum!.next() }
        return value
    }
}
