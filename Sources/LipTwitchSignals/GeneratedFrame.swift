import LipTwitchDetector

/// One sample of every channel while it is being put together, in Double, before it is
/// clipped at the converter's rails and handed out as Float.
struct GeneratedFrame {
    var values: [Double]
    /// Channels whose electrode is off: their output sits at the rail.
    var railed: [Bool]
    /// How strongly speech and chewing reach each EMG channel.
    let voluntaryGains: [Double]

    /// A twitch shows faintly on the other EMG channels (volume conduction).
    static let crosstalk = 0.05

    init(channelCount: Int, voluntaryGains: [Double]) {
        values = Array(repeating: 0, count: channelCount)
        railed = Array(repeating: false, count: channelCount)
        self.voluntaryGains = voluntaryGains
    }

    mutating func addMuscle(_ value: Double, channel: Int?) {
        for index in voluntaryGains.indices {
            let gain = channel.map { $0 == index ? 1 : Self.crosstalk } ?? voluntaryGains[index]
            values[index] += gain * value
        }
    }

    mutating func addAcceleration(_ value: Vector3) {
        values[0] += value.x
        values[1] += value.y
        values[2] += value.z
    }

    /// Turns the acceleration by `angle` radians about `axis`: a sensor mounted at an angle.
    mutating func turnAcceleration(about axis: Vector3, by angle: Double) {
        let turned = Vector3(x: values[0], y: values[1], z: values[2]).rotated(about: axis, by: angle)
        values[0] = turned.x
        values[1] = turned.y
        values[2] = turned.z
    }

    /// Appends the frame, clipped at ±`rail`, to `output`, and its quality to `quality`.
    func emit(rail: Double, into output: inout [Float], quality: inout [SampleQuality]) {
        for index in values.indices {
            var value = values[index]
            var flags = SampleQuality.good
            if railed[index] {
                value = rail
                flags = .leadOff
            } else if abs(value) >= rail {
                value = value > 0 ? rail : -rail
                flags = .saturation
            }
            output.append(Float(value))
            quality.append(flags)
        }
    }
}
