import LipTwitchDetector

/// The frames a gap lost, as the detector and the calibrator take them: zeros marked
/// `.gap`, handed over a chunk at a time so that a long gap needs no long buffer.
struct MissingFrames: Sendable {
    private var values: [Float] = []
    private var quality: [SampleQuality] = []
    /// Frames handed over at a time.
    private static let chunk = 4096

    /// Calls `body` with `samples` missing frames of `columns` values, in chunks.
    mutating func feed(_ samples: UInt64, columns: Int, to body: ([Float], [SampleQuality]) -> Void) {
        var left = samples
        while left > 0 {
            let frames = Int(min(left, UInt64(Self.chunk)))
            if values.count != frames * columns {
                values = Array(repeating: 0, count: frames * columns)
                quality = Array(repeating: .gap, count: frames * columns)
            }
            body(values, quality)
            left -= UInt64(frames)
        }
    }
}
