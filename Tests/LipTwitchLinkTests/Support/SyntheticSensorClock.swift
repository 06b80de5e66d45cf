import Foundation
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSignals
import LipTwitchSimulator

/// A sensor's batches as a host would receive them, with the truth beside them: the sensor
/// clock runs `driftPartsPerMillion` fast, starts at `deviceStartMicros` (wrapping at
/// 2^32), and every batch arrives after its last sample plus a seeded transport delay.
struct SyntheticSensorClock {
    var sampleRateHz = 2000
    var batchSize = 16
    var driftPartsPerMillion = 0.0
    var deviceStartMicros: UInt64 = 0
    /// The smallest transport delay, ns.
    var minimumDelay: Int64 = 300_000
    /// Mean of the exponential delay on top, ns (0: none).
    var meanExtraDelay = 2_000_000.0
    /// Chance of a 20 ms USB hiccup per batch.
    var hiccupChance = 0.01
    var random = SignalRandom(seed: 1)
    /// The host time sample 0 was taken at.
    let hostStart = HostTime(nanoseconds: 5_000_000_000)
    private(set) var nextIndex: UInt64 = 0

    /// One received batch, and the host time its first sample was really taken at.
    struct Delivery {
        var batch: SampleBatch
        var receivedAt: HostTime
        var trueFirstSampleTime: HostTime
    }

    /// Host time sample `index` was taken at: the sensor clock defines the sampling, the
    /// host sees that clock run fast by the drift.
    func trueTime(ofSample index: UInt64) -> HostTime {
        let deviceNanoseconds = Double(index) * 1e9 / Double(sampleRateHz)
        return hostStart + .nanoseconds(Int64(deviceNanoseconds / (1 + driftPartsPerMillion * 1e-6)))
    }

    /// Device timestamp (µs, wrapped) of sample `index`.
    func timestamp(ofSample index: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: deviceStartMicros &+ index * 1_000_000 / UInt64(sampleRateHz))
    }

    /// The next batch; `indexBase` shifts the wire index (to test its wrap).
    mutating func next(indexBase: UInt32 = 0) -> Delivery {
        let index = nextIndex
        nextIndex += UInt64(batchSize)
        var delay = minimumDelay
        if meanExtraDelay > 0 {
            delay += Int64(-meanExtraDelay * log(Double.random(in: Double.ulpOfOne..<1, using: &random)))
        }
        if Double.random(in: 0..<1, using: &random) < hiccupChance { delay += 20_000_000 }
        let batch = SampleBatch(
            firstSampleIndex: indexBase &+ UInt32(truncatingIfNeeded: index), timestampMicros: timestamp(ofSample: index),
            sampleCount: batchSize, channelCount: 1, format: .int16, values: Array(repeating: 0, count: batchSize))
        let lastSample = trueTime(ofSample: index + UInt64(batchSize - 1))
        return Delivery(batch: batch, receivedAt: lastSample + .nanoseconds(delay), trueFirstSampleTime: trueTime(ofSample: index))
    }

    /// Skips `batches` batches: lost on the way.
    mutating func drop(_ batches: Int) {
        nextIndex += UInt64(batches * batchSize)
    }
}
