#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The fields of the live stream's own lines (`version`, `link`, `onset`, `candidate`,
/// `level`, `counters`, `error`) that the console shows; lines of the journal's classes are read by
/// the journal's decoder. Fields a class does not have are nil.
struct LiveMessage: Decodable {
    var `class`: String
    var time: String?
    var sensor: String?
    /// version
    var `protocol`: String?
    var daemon: String?
    /// link
    var path: String?
    var phase: String?
    var message: String?
    /// onset, candidate
    var channel: Int?
    var placement: String?
    /// candidate: `announced` or `dismissed`, and why
    var event: String?
    var reason: String?
    /// marker
    var kind: String?
    /// level
    var unit: String?
    var rms: ChannelReadings?

    init?(_ line: String) {
        guard let message = try? JSONDecoder().decode(LiveMessage.self, from: Data(line.utf8)) else { return nil }
        self = message
    }

    /// A level line's `rms`: one reading per channel (null for a channel without one). An
    /// onset's or a candidate's `rms` is one number, the burst's, and reads as none here,
    /// so that the rest of its line still reads.
    struct ChannelReadings: Decodable {
        var values: [Double?]

        init(from decoder: any Decoder) throws {
            values = (try? decoder.singleValueContainer().decode([Double?].self)) ?? []
        }
    }
}
