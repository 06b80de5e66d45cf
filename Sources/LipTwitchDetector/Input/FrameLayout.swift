/// Where each input's values sit in a frame, and the unpacking of blocks of frames
/// (sample-major, `columnCount` values each) into one `InputFrame` per input. A NaN value
/// is a missing sample (a gap in a recording's time column): it becomes `.gap` quality.
struct FrameLayout: Sendable {
    let columnCount: Int
    private let columns: [[Int?]]

    init(inputs: [DetectorInput], columnCount: Int) {
        self.columnCount = columnCount
        columns = inputs.map(\.columns)
    }

    /// Calls `body` with each input's frame, frame after frame; returns the frame count.
    @inline(__always)
    func unpack(_ values: UnsafeBufferPointer<Float>, quality: UnsafeBufferPointer<SampleQuality>?,
                _ body: (_ input: Int, _ frame: InputFrame) -> Void) -> Int {
        let frames = values.count / columnCount
        for frame in 0..<frames {
            let base = frame * columnCount
            for input in columns.indices {
                var unpacked = InputFrame.empty
                for (lane, column) in columns[input].enumerated() {
                    guard let column else { continue }
                    let value = values[base + column]
                    if value.isNaN { unpacked.quality.insert(.gap) } else { unpacked.values[lane] = value }
                    if let quality { unpacked.quality.formUnion(quality[base + column]) }
                }
                body(input, unpacked)
            }
        }
        return frames
    }

    /// Runs `body` with buffer views of the arrays.
    static func withBuffers(_ values: [Float], _ quality: [SampleQuality]?,
                            _ body: (UnsafeBufferPointer<Float>, UnsafeBufferPointer<SampleQuality>?) -> Void) {
        values.withUnsafeBufferPointer { valueBuffer in
            if let quality {
                quality.withUnsafeBufferPointer { body(valueBuffer, $0) }
            } else {
                body(valueBuffer, nil)
            }
        }
    }
}
