import LipTwitchJournal
import LipTwitchLink
import LipTwitchProtocol
import LipTwitchRuntime
import LipTwitchSimulator
import Testing
import TestSupport

@Suite("SensorPipeline")
struct SensorPipelineTests {
    static let anchor = WallClockAnchor(
        monotonic: HostTime(nanoseconds: 5_000_000_000),
        wall: LocalTime(epochMilliseconds: 1_795_000_000_000, utcOffsetMinutes: 60))

    /// Feeds `activity` to a new pipeline and finishes it after the last input.
    static func run(_ activity: [(PortActivity, HostTime)]) -> (records: [PipelineRecord], counters: PipelineCounters) {
        var pipeline = SensorPipeline(configuration: PipelineConfiguration(anchor: anchor))
        var records: [PipelineRecord] = []
        for output in activity.linkOutputs { pipeline.handle(output, into: &records) }
        pipeline.finish(at: (activity.last?.1 ?? .zero) + .milliseconds(1), into: &records)
        return (records, pipeline.counters)
    }

    static func session(_ configuration: SimulatorConfiguration, seconds: Double) -> [(PortActivity, HostTime)] {
        var session = SimulatedSession(configuration: configuration)
        return session.connect() + session.stream(seconds: seconds)
    }

    @Test("a clean session: one stream, no gap, a level every 100 ms, every sample counted")
    func cleanSession() {
        let (records, counters) = Self.run(Self.session(SimulatorConfiguration(), seconds: 5))
        let starts = records.compactMap { if case .streamStarted(let start) = $0 { start } else { nil } }
        #expect(starts.count == 1)
        #expect(starts.first?.identity.serialNumber == "LT-SIM-0001")
        #expect(records.allSatisfy { if case .gap = $0 { false } else { true } })
        #expect(counters.samples >= 9_800 && counters.samples <= 10_000)
        let levels = records.compactMap { if case .level(let level) = $0 { level } else { nil } }
        #expect(UInt64(levels.count) == counters.samples / 200)
        #expect(levels.allSatisfy { $0.rms.count == 2 && $0.unit == "uV" && $0.rms.allSatisfy { $0 > 0 } })
        #expect(zip(levels, levels.dropFirst()).allSatisfy { $0.at < $1.at })
        guard case .streamEnded(let end) = records[records.count - 2] else {
            Issue.record("the stream should end before the last counters")
            return
        }
        #expect(end.reason == .finished && end.samples == counters.samples)
        #expect(counters.staleBatches == 0 && counters.decoder.crcFailures == 0)
    }

    @Test("the same input gives the same records, bit for bit")
    func deterministic() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultInjection(garbage: 0.02, bitFlip: 0.02, drop: 0.02)
        let activity = Self.session(configuration, seconds: 3)
        #expect(Self.run(activity).records == Self.run(activity).records)
    }

    @Test("lost frames are sequence gaps of exactly the missing samples; a stall is an overrun")
    func gaps() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultInjection(drop: 0.05, stall: .init(after: 1, duration: 0.3))
        let (records, counters) = Self.run(Self.session(configuration, seconds: 3))
        let gaps = records.compactMap { if case .gap(let gap) = $0 { gap } else { nil } }
        #expect(gaps.contains { $0.reason == .sequenceGap })
        #expect(gaps.contains { $0.reason == .overrun && $0.duration >= .milliseconds(250) })
        #expect(gaps.reduce(0) { $0 + ($1.lostSamples ?? 0) } == counters.missingSamples)
        #expect(gaps.allSatisfy { $0.start < $0.end })
        #expect(counters.gaps == gaps.count)
    }

    @Test("samples before START is acknowledged are stale; a hang-up ends the stream; the next is after a gap")
    func streamsAndStaleSamples() {
        var session = SimulatedSession(configuration: SimulatorConfiguration())
        var activity = session.connect() + session.stream(seconds: 1)
        activity.append((.hungUp("end of file"), session.hostNow()))
        activity.append((.closed, session.hostNow()))
        // The sensor keeps streaming; the port opens again mid-stream: stale until START.
        let reopened = session.hostNow() + .milliseconds(500)
        activity.append((.opened(path: "/dev/scripted"), reopened))
        let stale = session.stream(seconds: 0.5).map { ($0.0, $0.1 + .milliseconds(500)) }
        activity += stale
        // A sensor that powered up again shakes hands after the stale batches.
        var restart = SimulatedSession(configuration: SimulatorConfiguration())
        let shift = session.hostNow() + .milliseconds(600) - restart.offset
        activity += (restart.connect().dropFirst() + restart.stream(seconds: 1)).map { ($0.0, $0.1 + shift) }

        let (records, counters) = Self.run(activity)
        let ends = records.compactMap { if case .streamEnded(let end) = $0 { end.reason } else { nil } }
        #expect(ends == [.disconnected, .finished])
        #expect(counters.streams == 2 && counters.hangUps == 1)
        #expect(counters.staleBatches > 0)
        let gaps = records.compactMap { if case .gap(let gap) = $0 { gap } else { nil } }
        #expect(gaps.map(\.reason) == [.disconnected])
        #expect(gaps.first.map { $0.duration > .milliseconds(400) } == true)
    }

    @Test("counters come every interval of read time, and at the finish")
    func periodicCounters() {
        let (records, _) = Self.run(Self.session(SimulatorConfiguration(), seconds: 25))
        let times = records.compactMap { if case .counters(_, let at) = $0 { at } else { nil } }
        #expect(times.count == 3)
    }

    @Test("the detector's onsets and episodes land where the simulator put its twitches")
    func episodesAtTheTwitches() {
        var session = SimulatedSession(configuration: SimulatorConfiguration())
        let activity = session.connect() + session.stream(seconds: 30)
        let truth = session.takeGroundTruth()
        let (records, _) = Self.run(activity)
        let episodes = records.compactMap { if case .episode(let episode) = $0 { episode } else { nil } }
        let onsets = records.compactMap { if case .onset(let onset) = $0 { onset } else { nil } }
        #expect(!truth.isEmpty && !episodes.isEmpty && !onsets.isEmpty)
        // Every twitch onset the detector reports is within 100 ms of one the simulator made
        // on that channel, in device time.
        for episode in episodes {
            for twitch in episode.episode.twitches {
                let onset = episode.startDeviceMicros + Int64(episode.offset(ofSample: twitch.onsetSample) * 1e6)
                #expect(
                    truth.contains { $0.event.channel == episode.channel && abs(Int64($0.deviceMicros) - onset) < 100_000 },
                    "a twitch at device time \(onset) µs on channel \(episode.channel) the simulator did not make")
            }
            #expect(episode.start < episode.end)
        }
        for onset in onsets { #expect(onset.at <= onset.confirmedAt) }
    }

    @Test("a candidate is placed at its burst, announced soon after it ends, and settled before the finish")
    func candidatesComeFirst() {
        var session = SimulatedSession(configuration: SimulatorConfiguration())
        let activity = session.connect() + session.stream(seconds: 30)
        let (records, _) = Self.run(activity)
        var announced: [HostTime: PipelineCandidate] = [:]
        var settled = 0
        for record in records {
            switch record {
            case .candidate(let placed) where placed.dismissal == nil:
                #expect(placed.at < placed.end && placed.end <= placed.knownAt)
                #expect(placed.knownAt - placed.end < .milliseconds(300))
                announced[placed.at] = placed
            case .candidate(let placed):
                if announced.removeValue(forKey: placed.at) != nil { settled += 1 }
            case .onset(let onset):
                if let placed = announced.removeValue(forKey: onset.at) {
                    settled += 1
                    #expect(placed.knownAt < onset.confirmedAt && placed.channel == onset.channel)
                }
            default:
                break
            }
        }
        #expect(settled > 0)
        #expect(announced.isEmpty, "never settled: \(announced.values.map(\.at))")
    }
}
