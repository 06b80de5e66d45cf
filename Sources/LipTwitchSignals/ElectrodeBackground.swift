/// What an EMG electrode shows when the lip is at rest: amplifier and tissue noise, the
/// electrode's DC offset, baseline wander (slow drift from sweat, breathing and skin
/// stretch) and, in some rooms, mains hum. All in µV.
struct ElectrodeBackground {
    /// How much of each a channel gets.
    struct Design {
        /// White noise, µV RMS.
        var noise: Double
        /// Wander amplitude, µV (shared among three slow sines of 0.03 to 0.5 Hz).
        var wander: Double
        /// Mains frequency and fundamental amplitude (µV); amplitude 0 means no hum.
        var mainsHz: Double
        var hum: Double
    }

    private let noise: Double
    /// The noise level drifts by up to ±25 % over minutes (skin, sweat, temperature).
    private var noiseDrift: Oscillator
    private let offset: Double
    private var wander: [(oscillator: Oscillator, amplitude: Double)]
    private var hum: MainsHum?

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
            ? MainsHum(frequencyHz: design.mainsHz, amplitude: design.hum, sampleRate: sampleRate, random: &random)
            : nil
    }

    mutating func next(random: inout SignalRandom) -> Double {
        var value = offset + noise * (1 + 0.25 * noiseDrift.next()) * random.gaussian()
        for index in wander.indices {
            value += wander[index].amplitude * wander[index].oscillator.next()
        }
        if hum != nil { value += hum!.next() }
        return value
    }
}
