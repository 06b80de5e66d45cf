import LipTwitchDetector
import LipTwitchSignals
import Testing

/// Clusters of twitches (issue 15): a run of short, weak bursts within seconds is
/// twitching, however regularly its twitches follow one another; speech and chewing are
/// rhythmic and larger. And an episode says which clusters it holds.
@Suite struct ClusterTests {
    /// Tuning recordings whose clusters were taken for chewing or speech before a rhythm
    /// had to be as strong as quiet syllables (F1 0.85 and 0.74 over these 150 s, 0.99
    /// and 0.94 since).
    @Test(arguments: [UInt64(1001), 1002])
    func clustersAreTwitchesNotChewingOrSpeech(seed: UInt64) throws {
        let profile = try DetectorScenarioTests.calibrate(seed: seed, variation: .tuning)
        let run = try ScenarioRun(.clusters, seconds: 150, seed: seed, profile: profile, variation: .tuning)
        #expect(run.score.f1 >= 0.92, "\(run.score)")
        #expect(run.episodes.contains { $0.clusterCount > 0 })
    }

    /// The episode's clusters are the runs of its twitches less than `clusterGapSeconds`
    /// apart (end to onset), counted when they hold two or more; the largest is the first
    /// of the biggest. Tremor episodes hold none.
    @Test func episodesReportTheirClusters() throws {
        let configuration = DetectorConfiguration()
        let run = try ScenarioRun(.clusters, seconds: 150, seed: 11, profile: DetectorScenarioTests.profile)
        let gap = Int(configuration.clusterGapSeconds * run.sampleRate)
        let twitchEpisodes = run.episodes.filter { $0.kind == .twitch }
        #expect(twitchEpisodes.count > 5)
        for episode in twitchEpisodes {
            var runs: [Episode.Cluster] = []
            for twitch in episode.twitches {
                if var last = runs.last, twitch.onsetSample - last.endSample <= gap {
                    last.twitchCount += 1
                    last.endSample = max(last.endSample, twitch.endSample)
                    runs[runs.count - 1] = last
                } else {
                    runs.append(Episode.Cluster(
                        twitchCount: 1, startSample: twitch.onsetSample, endSample: twitch.endSample))
                }
            }
            let clusters = runs.filter { $0.twitchCount >= 2 }
            #expect(episode.clusterCount == clusters.count)
            let largest = clusters.reduce(nil as Episode.Cluster?) { best, cluster in
                cluster.twitchCount > (best?.twitchCount ?? 0) ? cluster : best
            }
            #expect(episode.largestCluster == largest)
            if let largest {
                #expect(largest.twitchCount <= episode.twitchCount)
                #expect(largest.startSample >= episode.startSample && largest.endSample <= episode.endSample)
            }
        }
        #expect(twitchEpisodes.contains { ($0.largestCluster?.twitchCount ?? 0) >= 3 })
        let tremor = try ScenarioRun(.tremor, seconds: 30, seed: 11, profile: DetectorScenarioTests.profile)
        for episode in tremor.episodes where episode.kind == .tremor {
            #expect(episode.clusterCount == 0 && episode.largestCluster == nil)
        }
    }
}
