#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import LipTwitchJournal

extension PipelineConfiguration {
    /// The detector as episode records name it: its version, and a hash of its settings and
    /// the wearer's calibration (FNV-1a, 64 bits, over their JSON with sorted keys), so that
    /// episodes found with different settings are not compared one to one.
    public var episodeDetector: EpisodeRecord.Detector {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = (try? encoder.encode(detector)) ?? Data()
        if let profile { bytes += (try? encoder.encode(profile)) ?? Data() }
        return EpisodeRecord.Detector(version: detectorVersion, configHash: "fnv1a64:" + FNV1a.hex(bytes))
    }
}
