import LipTwitchSignals

/// Event-level scoring, as in BENCHMARKS.md: a detection matches a true twitch on the same
/// channel when its onset is within 100 ms, one to one (closest pairs first).
struct EventScore: CustomStringConvertible {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    /// Onset errors of the matched pairs, s.
    var onsetErrors: [Double] = []
    /// Detections inside talking or chewing, and inside tremor.
    var falseDuringVoluntary = 0
    var twitchesDuringTremor = 0
    /// True tremor segments, and those a tremor episode overlaps.
    var tremorSegments = 0
    var tremorFound = 0

    static let tolerance = 0.1

    init(truth: [TruthEvent], detections: [(input: Int, onset: Int)], tremorEpisodes: [(Int, Int)],
         sampleRate: Double) {
        let twitches = truth.filter { $0.kind == .twitch }
        let window = Int(Self.tolerance * sampleRate)
        var pairs: [(distance: Int, truth: Int, detection: Int)] = []
        for (t, twitch) in twitches.enumerated() {
            for (d, detection) in detections.enumerated() where detection.input == (twitch.channel ?? 0) {
                let distance = abs(detection.onset - twitch.onsetSample)
                if distance <= window { pairs.append((distance, t, d)) }
            }
        }
        var usedTruth = Set<Int>(), usedDetections = Set<Int>()
        for pair in pairs.sorted(by: { $0.distance < $1.distance })
        where !usedTruth.contains(pair.truth) && !usedDetections.contains(pair.detection) {
            usedTruth.insert(pair.truth)
            usedDetections.insert(pair.detection)
            onsetErrors.append(Double(pair.distance) / sampleRate)
        }
        truePositives = usedTruth.count
        falseNegatives = twitches.count - truePositives
        falsePositives = detections.count - usedDetections.count
        for (d, detection) in detections.enumerated() where !usedDetections.contains(d) {
            let inside = { (kinds: Set<TruthEvent.Kind>) in
                truth.contains { kinds.contains($0.kind) && $0.onsetSample <= detection.onset && detection.onset <= $0.offsetSample }
            }
            if inside([.talking, .chewing]) { falseDuringVoluntary += 1 }
            if inside([.tremor]) { twitchesDuringTremor += 1 }
        }
        let tremors = truth.filter { $0.kind == .tremor }
        tremorSegments = tremors.count
        tremorFound = tremors.filter { segment in
            tremorEpisodes.contains { $0.0 <= segment.offsetSample && $0.1 >= segment.onsetSample }
        }.count
    }

    var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    var medianOnsetError: Double {
        let sorted = onsetErrors.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    var description: String {
        "tp \(truePositives) fp \(falsePositives) fn \(falseNegatives) P \(rounded(precision)) R \(rounded(recall)) "
            + "F1 \(rounded(f1)) onset \(Int(medianOnsetError * 1000)) ms, fp in voluntary \(falseDuringVoluntary), "
            + "twitches in tremor \(twitchesDuringTremor), tremor \(tremorFound)/\(tremorSegments)"
    }

    private func rounded(_ value: Double) -> String {
        String(Double(Int(value * 1000)) / 1000)
    }
}
