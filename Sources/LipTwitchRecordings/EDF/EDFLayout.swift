/// How an EDF file's data records turn into LipTwitch events, decided once from the
/// header: which signals are delivered (in header order) and how each is scaled to µV or
/// g, where each signal lies in a record, and which signals hold annotations.
struct EDFLayout: Sendable {
    /// Bounds the one record the decoder holds in memory.
    static let maximumRecordByteCount = 16 << 20

    let header: EDFHeader
    let format: RecordingFormat
    let skippedSignals: [EDFSkippedSignal]
    let recordByteCount: Int
    let samplesPerRecord: Int
    /// Per delivered channel: byte offset of its samples in a record, and the scaling from
    /// digital value to µV or g.
    private let channelOffsets: [Int]
    private let channelGains: [Double]
    private let channelIntercepts: [Double]
    /// Byte ranges of the `EDF Annotations` signals in a record.
    private let annotationRanges: [Range<Int>]

    init(header: EDFHeader, signals: [EDFSignalHeader]) throws(RecordingError) {
        self.header = header
        var offset = 0
        var delivered: [(signal: EDFSignalHeader, channel: RecordingChannel, scale: Double, offset: Int)] = []
        var skipped: [EDFSkippedSignal] = []
        var annotationRanges: [Range<Int>] = []
        for signal in signals {
            let byteCount = 2 * signal.samplesPerRecord
            switch EDFSignalMeaning(signal) {
            case .channel(let channel, let scale): delivered.append((signal, channel, scale, offset))
            case .annotations: annotationRanges.append(offset..<(offset + byteCount))
            case .skipped(let reason): skipped.append(EDFSkippedSignal(number: signal.number, label: signal.label, reason: reason))
            }
            offset += byteCount
        }
        recordByteCount = offset
        guard recordByteCount <= Self.maximumRecordByteCount else {
            throw RecordingError(
                .headerField("nr of samples in each data record", signal: nil),
                "one data record holds \(recordByteCount) bytes, more than LipTwitch reads (\(Self.maximumRecordByteCount))",
                advice: "re-export the file with shorter data records (1 s is usual)")
        }
        guard let first = delivered.first else {
            let listed = skipped.map(\.description).joined(separator: "; ")
            throw RecordingError(
                .file, "it has no EMG or acceleration signal\(listed.isEmpty ? "" : " (\(listed))")",
                advice: "give a file with EMG in uV, mV or V, or acceleration in g or m/s2, labelled with its axis")
        }
        if let other = delivered.first(where: { $0.signal.samplesPerRecord != first.signal.samplesPerRecord }) {
            func describe(_ signal: EDFSignalHeader) -> String {
                "signal \(signal.number) '\(signal.label)' (\(Self.rate(signal.samplesPerRecord, header.recordDurationSeconds)) Hz)"
            }
            throw RecordingError(
                .file, "\(describe(first.signal)) and \(describe(other.signal)) have different sample rates",
                advice: "LipTwitch does not resample: write every EMG and acceleration signal at one rate")
        }
        guard header.recordDurationSeconds > 0 else {
            throw RecordingError(
                .headerField("duration of a data record", signal: nil), "it is 0, but the file has signals with samples",
                advice: "fix the header: a data record lasts a positive number of seconds, such as 1")
        }
        samplesPerRecord = first.signal.samplesPerRecord
        format = RecordingFormat(
            sampleRateHz: Self.rate(samplesPerRecord, header.recordDurationSeconds),
            channels: delivered.map(\.channel), startTime: header.startTime)
        skippedSignals = skipped
        channelOffsets = delivered.map(\.offset)
        channelGains = delivered.map { $0.signal.gain * $0.scale }
        channelIntercepts = delivered.map { $0.signal.offset * $0.scale }
        self.annotationRanges = annotationRanges
    }

    private static func rate(_ samplesPerRecord: Int, _ duration: Double) -> Double {
        Double(samplesPerRecord) / duration
    }

    /// The samples of data record `index` (from 0), whose bytes are `record`.
    func block(record: [UInt8], index: Int) -> SampleBlock {
        let channelCount = channelOffsets.count
        let values = [Float](unsafeUninitializedCapacity: samplesPerRecord * channelCount) { values, count in
            record.withUnsafeBufferPointer { bytes in
                for channel in 0..<channelCount {
                    let gain = channelGains[channel]
                    let intercept = channelIntercepts[channel]
                    var byte = channelOffsets[channel]
                    for sample in 0..<samplesPerRecord {
                        let digital = Int16(bitPattern: UInt16(bytes[byte]) | UInt16(bytes[byte + 1]) << 8)
                        values[sample * channelCount + channel] = Float(gain * Double(digital) + intercept)
                        byte += 2
                    }
                }
            }
            count = samplesPerRecord * channelCount
        }
        return SampleBlock(
            firstSampleIndex: index * samplesPerRecord, sampleCount: samplesPerRecord, channelCount: channelCount,
            values: values)
    }

    /// The annotation lists of data record `index` (from 0), in order.
    func annotationEntries(record: [UInt8], index: Int) throws(RecordingError) -> [EDFAnnotationList.Entry] {
        var entries: [EDFAnnotationList.Entry] = []
        for range in annotationRanges {
            do {
                entries += try EDFAnnotationList.entries(in: record[range])
            } catch {
                throw RecordingError(
                    .record(index + 1), "in the EDF Annotations signal, \(error.problem)",
                    advice: "the annotations are damaged; re-export the file, or remove its EDF Annotations signal")
            }
        }
        return entries
    }
}
