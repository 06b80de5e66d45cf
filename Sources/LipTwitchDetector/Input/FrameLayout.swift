/// Where each input's values sit in a frame, and the unpacking of blocks of frames
/// (sample-major, `columnCount` values each) into contiguous `InputFrame`s, one input at a time. A NaN value
/// is a missing sample (a gap in a recording's time column): it becomes `.gap` quality.
struct FrameLayout: Sendable {
    let columnCount: Int
    private let columns: [[Int?]]

    init(inputs: [DetectorInput], columnCount: Int) {
        self.columnCount = columnCount
        columns = inputs.map(\.columns)
    }

    /// Frames in a block of `valueCount` values.
    func frameCount(_ valueCount: Int) -> Int { valueCount / columnCount }

    /// Unpacks input `input`'s frames of `frames` (a range of frame numbers in the block)
    /// into `unpacked`, replacing what it held.
    @inline(__always)
    func unpack(_ values: UnsafeBufferPointer<Float>, quality: UnsafeBufferPointer<SampleQuality>?,
                input: Int, frames: Range<Int>, into unpacked: inout [InputFrame]) {
        unpacked.removeAll(keepingCapacity: true)
        let lanes = columns[input]
        for frame in frames {
            let base = frame * columnCount
            var inputFrame = InputFrame.empty
            for (lane, column) in lanes.enumerated() {
                guard let column else { continue }
                let value = values[base + column]
                if value.isNaN { inputFrame.quality.insert(.gap) } else { inputFrame.values[lane] = value }
                if let quality { inputFrame.quality.formUnion(quality[base + column]) }
            }
            unpacked.append(inputFrame)
        }
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
