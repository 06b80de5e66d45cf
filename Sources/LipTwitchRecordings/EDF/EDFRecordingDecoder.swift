/// Decodes an EDF or EDF+C file (European Data Format, 16-bit): the header, then one data
/// record at a time, each delivered as one `SampleBlock` of the EMG and acceleration
/// signals (see `EDFSignalMeaning`), followed by the annotations its `EDF Annotations`
/// signal holds.
///
/// Refused with a `RecordingError`: EDF+D (discontinuous), BDF (24-bit), delivered
/// signals of different sample rates (LipTwitch does not resample), header fields that
/// are not what the specification says. Signals of other dimensions are skipped and
/// listed in `skippedSignals`. A header `number of data records` of -1 (unknown) reads to
/// the end of the file; a record duration need not be whole seconds.
///
/// Memory: the header and one data record.
public struct EDFRecordingDecoder: RecordingDecoder {
    private enum Stage: Sendable {
        case fixedHeader
        case signalHeaders(EDFHeader)
        case records(EDFLayout)
    }

    private var stage = Stage.fixedHeader
    private var buffer: [UInt8] = []
    private var needed = EDFHeader.byteCount
    private var pending: [RecordingEvent] = []
    private var pendingHead = 0
    /// An error found in a record whose samples are still pending: thrown once they are out.
    private var pendingError: RecordingError?
    private var recordsRead = 0
    /// Seconds between the header's start time and the first sample (the onset of the
    /// first record's time-keeping annotation, EDF+ only).
    private var firstRecordOnset: Double?
    private var bytesSeen = 0
    private var bytesAfterLastRecord = 0

    /// Signals present in the file but not delivered, and why; known once the format is.
    public private(set) var skippedSignals: [EDFSkippedSignal] = []

    public init() {}

    public mutating func decode(_ input: inout ArraySlice<UInt8>) throws(RecordingError) -> RecordingEvent? {
        while true {
            if let event = nextPending() { return event }
            if let error = pendingError { throw error }
            if case .records(let layout) = stage, let count = layout.header.recordCount, recordsRead == count {
                bytesAfterLastRecord += input.count
                input = input[input.endIndex...]
                return nil
            }
            let taken = min(needed - buffer.count, input.count)
            buffer.append(contentsOf: input.prefix(taken))
            input = input.dropFirst(taken)
            bytesSeen += taken
            guard buffer.count == needed else { return nil }
            try process()
        }
    }

    public mutating func finish() throws(RecordingError) -> RecordingEvent? {
        if let event = nextPending() { return event }
        if let error = pendingError { throw error }
        switch stage {
        case .fixedHeader where bytesSeen == 0:
            throw RecordingError(.file, "it is empty", advice: "give an EDF file that holds a recording")
        case .fixedHeader, .signalHeaders:
            throw RecordingError(
                .file, "it ends inside the EDF header, after \(bytesSeen) bytes",
                advice: "the file was cut off: copy or export it again")
        case .records(let layout):
            if !buffer.isEmpty {
                throw RecordingError(
                    .record(recordsRead + 1),
                    "the file ends \(buffer.count) bytes into this record of \(layout.recordByteCount); the \(recordsRead) complete records before it were read",
                    advice: "the file was cut off: copy or export it again to analyse the rest")
            }
            if let count = layout.header.recordCount, recordsRead < count {
                throw RecordingError(
                    .file, "the header says \(count) data records but the file holds \(recordsRead)",
                    advice: "the file was cut off: copy or export it again to analyse the rest")
            }
            if bytesAfterLastRecord > 0 {
                throw RecordingError(
                    .file, "\(bytesAfterLastRecord) bytes follow the \(recordsRead) data records the header declares, and were ignored",
                    advice: "fix the header's 'number of data records' or re-export the file")
            }
            return nil
        }
    }

    private mutating func process() throws(RecordingError) {
        switch stage {
        case .fixedHeader:
            let header = try EDFHeader(buffer[...])
            stage = .signalHeaders(header)
            needed = header.headerByteCount
        case .signalHeaders(let header):
            let signals = try EDFSignalHeader.parseAll(buffer[EDFHeader.byteCount...], signalCount: header.signalCount)
            let layout = try EDFLayout(header: header, signals: signals)
            skippedSignals = layout.skippedSignals
            stage = .records(layout)
            needed = layout.recordByteCount
            pending.append(.format(layout.format))
            buffer = []
            buffer.reserveCapacity(needed)
            return
        case .records(let layout):
            deliverRecord(layout)
        }
    }

    private mutating func deliverRecord(_ layout: EDFLayout) {
        let index = recordsRead
        recordsRead += 1
        pending.append(.samples(layout.block(record: buffer, index: index)))
        let entries: [EDFAnnotationList.Entry]
        do {
            entries = try layout.annotationEntries(record: buffer, index: index)
        } catch {
            pendingError = error
            return
        }
        buffer.removeAll(keepingCapacity: true)
        if index == 0, layout.header.isEDFPlus, let first = entries.first, first.texts.isEmpty {
            firstRecordOnset = first.onsetSeconds
        }
        let start = firstRecordOnset ?? 0
        for entry in entries {
            for text in entry.texts {
                pending.append(
                    .annotation(
                        RecordingAnnotation(
                            onsetSeconds: entry.onsetSeconds - start, durationSeconds: entry.durationSeconds, text: text)))
            }
        }
    }

    private mutating func nextPending() -> RecordingEvent? {
        guard pendingHead < pending.count else { return nil }
        let event = pending[pendingHead]
        pendingHead += 1
        if pendingHead == pending.count {
            pending.removeAll(keepingCapacity: true)
            pendingHead = 0
        }
        return event
    }
}
