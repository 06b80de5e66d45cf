import JSONLines
import LipTwitchDetector
import LipTwitchRecordings

/// An episode as a JSON line of `liptwitch analyze`: every position as an offset in
/// seconds from the start of the recording (and as a local date and time when the file
/// says when it started), amplitudes in the channel's unit (docs/DETECTOR.md, "Output").
struct EpisodeJSON {
    let sampleRate: Double
    let startTime: RecordingStartTime?

    func line(_ episode: Episode) -> String {
        var object = JSONObject(class: "episode")
        object.add("kind", episode.kind.rawValue)
        object.add("channel", episode.label)
        object.add("placement", episode.placement)
        object.add("offset_s", seconds(episode.startSample))
        object.add("end_offset_s", seconds(episode.endSample + 1))
        object.add("duration_s", seconds(episode.endSample - episode.startSample + 1))
        if let startTime {
            object.add("start", CivilTime.text(start: startTime, plusSeconds: seconds(episode.startSample)))
        }
        object.add("start_sample", episode.startSample)
        object.add("end_sample", episode.endSample)
        Self.addMeasures(of: episode, offset: seconds, seconds: seconds, to: &object)
        return object.serialized
    }

    /// The fields of an episode after where and when it was: its twitches, strength,
    /// frequency, confidence and envelope (shared with the pipeline's episode records).
    /// `offset` turns a twitch's onset sample into its `offset_s`, `seconds` a number of
    /// samples into seconds.
    static func addMeasures(
        of episode: Episode, offset: (Int) -> Double, seconds: (Int) -> Double, to object: inout JSONObject
    ) {
        object.add("twitch_count", episode.twitchCount)
        object.add("unit", episode.unit)
        object.add("peak", rounded(episode.peak))
        object.add("rms", rounded(episode.rms))
        object.add("dominant_hz", (episode.dominantFrequencyHz * 10).rounded() / 10)
        object.add("confidence", (episode.confidence * 100).rounded() / 100)
        object.add("truncated", episode.isTruncated)
        if episode.kind == .twitch {
            object.add("clusters", episode.clusterCount)
            if let cluster = episode.largestCluster {
                var largest = JSONObject()
                largest.add("twitch_count", cluster.twitchCount)
                largest.add("offset_s", offset(cluster.startSample))
                largest.add("duration_s", seconds(cluster.endSample - cluster.startSample + 1))
                object.add("largest_cluster", largest)
            }
        }
        object.add("twitches", episode.twitches.map { twitch in
            var item = JSONObject()
            item.add("offset_s", offset(twitch.onsetSample))
            item.add("duration_s", seconds(twitch.durationSamples))
            item.add("peak", rounded(twitch.peak))
            item.add("rms", rounded(twitch.rms))
            item.add("confidence", (twitch.confidence * 100).rounded() / 100)
            return item
        })
        var envelope = JSONObject()
        envelope.add("step_s", seconds(episode.envelopeStepSamples))
        envelope.add("values", episode.envelope.map { rounded(Double($0)) })
        object.add("envelope", envelope)
    }

    /// Samples as seconds, to a tenth of a millisecond.
    func seconds(_ samples: Int) -> Double {
        (Double(samples) / sampleRate * 10_000).rounded() / 10_000
    }

    /// Four significant digits: enough for µV and g alike.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        var scale = 1.0
        while abs(value) * scale < 1000 { scale *= 10 }
        while abs(value) * scale >= 10_000 { scale /= 10 }
        return (value * scale).rounded() / scale
    }
}
