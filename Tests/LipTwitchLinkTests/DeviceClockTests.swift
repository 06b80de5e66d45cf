import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSignals
import Testing

/// Device time to host time, against synthetic sensors whose true sample times are known.
@Suite struct DeviceClockTests {
    /// Feeds `seconds` of batches and returns the error of every placed first sample
    /// (placed − true, ns) after `warmUp` seconds.
    private func errors(_ sensor: inout SyntheticSensorClock, _ clock: inout DeviceClock, seconds: Int, warmUp: Int = 5)
        -> [Int64]
    {
        let batches = seconds * sensor.sampleRateHz / sensor.batchSize
        let skip = warmUp * sensor.sampleRateHz / sensor.batchSize
        var result: [Int64] = []
        for number in 0..<batches {
            let delivery = sensor.next()
            let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
            if number >= skip { result.append(timing.firstSampleTime.nanoseconds - delivery.trueFirstSampleTime.nanoseconds) }
        }
        return result
    }

    @Test func withoutJitterOrDriftTheMappingIsExactUpToTheTransportDelay() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        let errors = errors(&sensor, &clock, seconds: 10, warmUp: 0)
        #expect(errors.allSatisfy { abs($0 - 300_000) <= 1000 }, "\(errors.prefix(5))")
    }

    /// Seeds 3 and 7 deliver the first batch 24 ms and 2.7 ms late: the mapping starts
    /// that late and must slew back within the warm-up.
    @Test(arguments: [-100.0, 0, 37, 100], [UInt64(1), 2, 3, 5, 7, 8, 10, 12])
    func jitterIsSmoothedAndDriftFollowed(drift: Double, seed: UInt64) {
        var sensor = SyntheticSensorClock(driftPartsPerMillion: drift, random: SignalRandom(seed: seed))
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        let errors = errors(&sensor, &clock, seconds: 120, warmUp: 8)
        let worst = errors.map { abs($0 - sensor.minimumDelay) }.max() ?? 0
        // The arrival times scatter over ~10 ms (exponential, mean 2 ms, and 20 ms hiccups);
        // the placed times stay within a tenth of a millisecond of the truth (30 to 95 µs
        // over these seeds) once the drift line has 8 s of minima (seed 10 is 17 ppm off
        // and 190 µs late at 5 s).
        #expect(worst < 100_000, "worst error \(worst) ns at \(drift) ppm, seed \(seed)")
        #expect(abs(clock.driftPartsPerMillion - drift) < 3, "estimated \(clock.driftPartsPerMillion) ppm")
    }

    @Test func theDeviceClockWrapsWithoutAJump() {
        var sensor = SyntheticSensorClock(driftPartsPerMillion: 50, deviceStartMicros: (1 << 32) - 3_000_000)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        var previous: BatchTiming?
        for _ in 0..<(10 * 2000 / 16) {
            let delivery = sensor.next()
            let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
            #expect(!timing.clockRestarted)
            if let previous {
                #expect(timing.deviceMicros > previous.deviceMicros)
                #expect(timing.firstSampleTime.nanoseconds >= previous.time(ofSample: 16).nanoseconds - 5_000)
            }
            #expect(abs(timing.firstSampleTime.nanoseconds - delivery.trueFirstSampleTime.nanoseconds) < 25_000_000)
            previous = timing
        }
        #expect(previous!.deviceMicros > 1 << 32, "unwrapped past 2^32 µs")
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func placedTimesOnlyMoveForwardWhileTheEstimateSettles(seed: UInt64) {
        var sensor = SyntheticSensorClock(meanExtraDelay: 5_000_000, hiccupChance: 0.05, random: SignalRandom(seed: seed))
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        var previousEnd = HostTime(nanoseconds: 0)
        for _ in 0..<1000 {
            let delivery = sensor.next()
            let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
            // A batch starts where the previous one ended or later (the end is rounded to
            // the nanosecond).
            #expect(timing.firstSampleTime.nanoseconds >= previousEnd.nanoseconds - 1)
            previousEnd = timing.time(ofSample: 16)
        }
    }

    @Test func aFirstBatchDeliveredLateBiasesTheTimesForLessThanASecond() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        let late = sensor.next()
        _ = clock.place(late.batch, receivedAt: late.receivedAt + .milliseconds(20))
        let errors = errors(&sensor, &clock, seconds: 2, warmUp: 0)
        let settled = errors.firstIndex { abs($0 - sensor.minimumDelay) < 1000 }
        // 20 ms back at 50 ms per second of device time: 0.4 s, 50 batches of 8 ms.
        #expect(settled.map { $0 <= 52 } == true, "settled after \(settled.map(String.init) ?? "never") batches")
    }

    @Test func lostBatchesBecomeAGapOfExactlyTheMissingSamples() throws {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 100)
        let missingFrom = sensor.nextIndex
        sensor.drop(2)
        let delivery = sensor.next()
        let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
        guard case .gap(let gap) = timing.continuity else {
            Issue.record("expected a gap, got \(timing.continuity)")
            return
        }
        #expect(gap.samples == 32)
        #expect(gap.duration == .milliseconds(16))
        #expect(gap.firstMissingIndex == missingFrom)
        #expect(abs(gap.start.nanoseconds - sensor.trueTime(ofSample: missingFrom).nanoseconds - 300_000) < 1000)
        #expect(timing.streamIndex == missingFrom + 32)
        let next = sensor.next()
        #expect(clock.place(next.batch, receivedAt: next.receivedAt).continuity == .continuous)
    }

    @Test func theSampleIndexWrapsWithoutAGap() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        let base = UInt32.max - 31
        var indices: [UInt64] = []
        for number in 0..<4 {
            let delivery = sensor.next(indexBase: base)
            let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
            #expect(timing.continuity == (number == 0 ? .streamStart : .continuous))
            indices.append(timing.streamIndex)
        }
        #expect(indices == [UInt64(base), UInt64(base) + 16, UInt64(base) + 32, UInt64(base) + 48])
    }

    @Test func aCountThatGoesBackIsANewStreamNotAGap() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 10)
        let delivery = sensor.next(indexBase: 0 &- 160)
        let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
        #expect(timing.continuity == .streamStart)
        #expect(timing.streamIndex == 0)
        #expect(!timing.clockRestarted)
    }

    @Test func aNewStartCountsFromZeroAndKeepsTheClock() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 100)
        sensor.drop(50)
        clock.startStream(sampleRateHz: 2000)
        let delivery = sensor.next(indexBase: 0 &- UInt32(sensor.nextIndex))
        let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
        #expect(timing.continuity == .streamStart)
        #expect(timing.streamIndex == 0)
        #expect(!timing.clockRestarted)
        #expect(abs(timing.firstSampleTime.nanoseconds - delivery.trueFirstSampleTime.nanoseconds - 300_000) < 1000)
    }

    @Test func aSensorClockThatStartsOverRestartsTheMapping() {
        var sensor = SyntheticSensorClock(deviceStartMicros: 600_000_000, meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 500)
        // The sensor reboots: its clock is near zero again while the host's runs on.
        sensor.deviceStartMicros = 0 &- sensor.nextIndex * 500 &+ 2_000_000
        let delivery = sensor.next()
        let timing = clock.place(delivery.batch, receivedAt: delivery.receivedAt)
        #expect(timing.clockRestarted)
        #expect(abs(timing.firstSampleTime.nanoseconds - delivery.trueFirstSampleTime.nanoseconds - 300_000) < 1000)
        let next = sensor.next()
        #expect(!clock.place(next.batch, receivedAt: next.receivedAt).clockRestarted)
    }

    @Test func aLateDeliveryIsNotARestart() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 500)
        var late = sensor.next()
        late.receivedAt = late.receivedAt + .seconds(3)
        let timing = clock.place(late.batch, receivedAt: late.receivedAt)
        #expect(!timing.clockRestarted)
        #expect(abs(timing.firstSampleTime.nanoseconds - late.trueFirstSampleTime.nanoseconds - 300_000) < 1000)
    }

    @Test func markersArePlacedOnTheSameClock() throws {
        var sensor = SyntheticSensorClock(deviceStartMicros: (1 << 32) - 1_000_000, meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        #expect(clock.hostTime(ofDeviceMicros: 0) == nil)
        clock.startStream(sampleRateHz: 2000)
        let batch = try #require(clock.feed(&sensor, batches: 1000))
        let marker = try #require(clock.hostTime(ofDeviceMicros: batch.batch.timestampMicros &- 10_000))
        let truth = batch.trueFirstSampleTime.nanoseconds - 10_000_000
        #expect(abs(marker.nanoseconds - truth - 300_000) < 1000)
    }

    @Test func resetForgetsTheSensor() {
        var sensor = SyntheticSensorClock(meanExtraDelay: 0, hiccupChance: 0)
        var clock = DeviceClock()
        clock.startStream(sampleRateHz: 2000)
        clock.feed(&sensor, batches: 10)
        clock.reset()
        #expect(clock.hostTime(ofDeviceMicros: 0) == nil)
    }
}

extension DeviceClock {
    /// Places the sensor's next `batches` batches; returns the last delivery.
    @discardableResult
    mutating func feed(_ sensor: inout SyntheticSensorClock, batches: Int) -> SyntheticSensorClock.Delivery? {
        var last: SyntheticSensorClock.Delivery?
        for _ in 0..<batches {
            let delivery = sensor.next()
            _ = place(delivery.batch, receivedAt: delivery.receivedAt)
            last = delivery
        }
        return last
    }
}
