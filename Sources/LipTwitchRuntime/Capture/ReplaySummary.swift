/// What a replay found, for its last line and the journal's session record.
struct ReplaySummary: Sendable {
    var streams = 0
    var gaps = 0
    var markers = 0

    mutating func count(_ record: PipelineRecord) {
        switch record {
        case .streamStarted: streams += 1
        case .gap: gaps += 1
        case .marker: markers += 1
        default: break
        }
    }

    /// The readable last line.
    func sentence(_ outcome: CapturePlayback.Outcome) -> String {
        let complete = if case .complete = outcome.ending { "" } else { " (cut short)" }
        return "replayed\(complete): \(streams) streams, \(gaps) gaps, \(markers) markers, "
            + "\(outcome.counters.samples) samples per channel"
    }
}
