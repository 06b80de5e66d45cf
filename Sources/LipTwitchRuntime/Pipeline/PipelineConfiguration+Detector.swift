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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return EpisodeRecord.Detector(
            version: detectorVersion, configHash: "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex)
    }
}
