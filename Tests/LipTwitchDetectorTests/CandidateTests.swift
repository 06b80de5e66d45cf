import LipTwitchDetector
import LipTwitchSignals
import Testing

/// Candidates: a burst shaped like a twitch is announced as soon as it ends, away from
/// talking and chewing, and every announcement is settled later: confirmed as an onset or
/// dismissed with a reason.
@Suite struct CandidateTests {
    /// What happened to the candidates of a run.
    struct Outcome {
        var announced = 0
        var confirmed = 0
        var dismissed: [DetectorCandidate.Dismissal: Int] = [:]
        var unsettled = 0
        /// Dismissals of candidates never announced (there must be none).
        var strayDismissals = 0
        var onsets = 0
        /// From the end of each announced burst to its announcement, seconds.
        var delays: [Double] = []

        init(_ run: ScenarioRun) {
            var open: [Int: Int] = [:]
            for (position, event) in run.events.enumerated() {
                switch event {
                case .candidate(let candidate):
                    announced += 1
                    open[candidate.onsetSample] = position
                    delays.append(Double(candidate.knownAtSample - candidate.endSample) / run.sampleRate)
                case .onset(let onset) where onset.kind == .twitch:
                    onsets += 1
                    if open.removeValue(forKey: onset.onsetSample) != nil { confirmed += 1 }
                case .dismissed(let candidate, let why):
                    if open.removeValue(forKey: candidate.onsetSample) != nil {
                        dismissed[why, default: 0] += 1
                    } else {
                        strayDismissals += 1
                    }
                default:
                    break
                }
            }
            unsettled = open.count
            delays.sort()
        }
    }

    static let profile = try? DetectorScenarioTests.calibrate(seed: 7)

    @Test func cleanTwitchesAreAnnouncedAtOnceAndConfirmed() throws {
        let outcome = Outcome(try ScenarioRun(.clean, seconds: 600, seed: 7, blockSizes: [37, 500, 4096], profile: Self.profile))
        #expect(outcome.unsettled == 0 && outcome.strayDismissals == 0)
        #expect(outcome.confirmed >= outcome.onsets * 95 / 100, "\(outcome.confirmed) of \(outcome.onsets) announced")
        #expect(outcome.dismissed.values.reduce(0, +) <= 1)
        let worst = try #require(outcome.delays.last)
        #expect(worst <= 0.25, "announced up to \(worst) s after the burst ended")
    }

    /// In conversation most bursts are voluntary at once or never announced; the few that
    /// are announced and then dismissed are said to be voluntary.
    @Test func talkingIsRarelyAnnounced() throws {
        let outcome = Outcome(try ScenarioRun(.talkingChewing, seconds: 1200, seed: 7, profile: Self.profile))
        #expect(outcome.unsettled == 0 && outcome.strayDismissals == 0)
        let falseAlarms = outcome.dismissed.values.reduce(0, +)
        #expect(falseAlarms * 3 <= 60, "\(falseAlarms) dismissed in 20 minutes")
        #expect(outcome.dismissed[.voluntary] == falseAlarms)
    }
}
