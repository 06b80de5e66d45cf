import LipTwitchLink

/// Reads a capture (docs/CAPTURE.md) from bytes in chunks of any size, one event per call,
/// like the protocol's decoder: `decode(&input)` returns the next event, or nil when it
/// needs more bytes; `finish()` at the end of the file says whether the capture is
/// complete or where it was cut.
///
/// ```swift
/// var input = chunk[...]
/// while let event = try decoder.decode(&input) { handle(event) }
/// ...
/// switch try decoder.finish() { case .complete: ...; case .cut(let cut): ... }
/// ```
///
/// Records of a kind this version does not know are skipped (and counted); bytes after
/// the end record are counted and ignored. Memory is one record at most.
public struct CaptureDecoder: Sendable {
    private enum Stage: Sendable {
        case fixedHeader
        case fields(length: Int, minor: UInt16)
        case recordHeader
        case payload(kind: UInt8, length: Int, delta: UInt32)
        case ended(at: HostTime)
    }

    private var stage = Stage.fixedHeader
    /// The bytes of the part being read.
    private var pending: [UInt8] = []
    /// The time of the last record.
    private var time = HostTime.zero
    public private(set) var header: CaptureHeader?
    /// Records read (wait records included).
    public private(set) var recordCount = 0
    /// Records of a kind this version does not know.
    public private(set) var skippedRecords = 0
    public private(set) var bytesAfterEnd = 0

    public init() {}

    /// Consumes bytes from the front of `input` until one event is ready, and returns it;
    /// returns nil once `input` is exhausted. Throws when the file is not a capture this
    /// LipTwitch can read.
    public mutating func decode(_ input: inout ArraySlice<UInt8>) throws(CaptureError) -> CaptureEvent? {
        while true {
            switch stage {
            case .fixedHeader:
                guard fill(CaptureFormat.fixedHeaderLength, from: &input) else {
                    guard CaptureFormat.magic.starts(with: pending.prefix(CaptureFormat.magic.count)) else {
                        throw .notACapture
                    }
                    return nil
                }
                try readFixedHeader()
            case .fields(let length, let minor):
                guard fill(length, from: &input) else { return nil }
                let header = try CaptureHeader(fields: pending[...], formatMinor: minor)
                self.header = header
                time = header.startMonotonic
                pending.removeAll(keepingCapacity: true)
                stage = .recordHeader
                return .header(header)
            case .recordHeader:
                guard fill(CaptureFormat.recordHeaderLength, from: &input) else { return nil }
                let bytes = pending[...]
                stage = .payload(
                    kind: bytes[bytes.startIndex], length: Int(bytes.littleEndian(UInt16.self, at: 2)),
                    delta: bytes.littleEndian(UInt32.self, at: 4))
                pending.removeAll(keepingCapacity: true)
            case .payload(let kind, let length, let delta):
                guard fill(length, from: &input) else { return nil }
                if let event = takeRecord(kind: kind, delta: delta) { return event }
            case .ended:
                bytesAfterEnd += input.count
                input = input[input.endIndex...]
                return nil
            }
        }
    }

    /// How the capture ended, once every byte went through `decode`.
    public func finish() throws(CaptureError) -> CaptureEnding {
        switch stage {
        case .ended(let at):
            return .complete(at: at)
        case .fixedHeader:
            guard CaptureFormat.magic.starts(with: pending.prefix(CaptureFormat.magic.count)) else {
                throw .notACapture
            }
            return .cut(CaptureCut(inHeader: true, records: 0, partialBytes: pending.count, lastTime: nil))
        case .fields:
            return .cut(
                CaptureCut(
                    inHeader: true, records: 0, partialBytes: CaptureFormat.fixedHeaderLength + pending.count,
                    lastTime: nil))
        case .recordHeader:
            return .cut(cut(partialBytes: pending.count))
        case .payload:
            return .cut(cut(partialBytes: CaptureFormat.recordHeaderLength + pending.count))
        }
    }

    private func cut(partialBytes: Int) -> CaptureCut {
        CaptureCut(
            inHeader: false, records: recordCount, partialBytes: partialBytes,
            lastTime: recordCount > 0 ? time : nil)
    }

    /// Moves bytes from `input` into `pending` until it holds `count`; returns whether it does.
    private mutating func fill(_ count: Int, from input: inout ArraySlice<UInt8>) -> Bool {
        let wanted = count - pending.count
        if wanted > 0 {
            let taken = input.prefix(wanted)
            pending.append(contentsOf: taken)
            input = input.dropFirst(taken.count)
        }
        return pending.count >= count
    }

    private mutating func readFixedHeader() throws(CaptureError) {
        let bytes = pending[...]
        guard bytes.prefix(CaptureFormat.magic.count).elementsEqual(CaptureFormat.magic) else { throw .notACapture }
        let major = bytes.littleEndian(UInt16.self, at: 8)
        let minor = bytes.littleEndian(UInt16.self, at: 10)
        guard major == CaptureFormat.major else { throw .newerFormat(major: major, minor: minor) }
        let length = Int(bytes.littleEndian(UInt32.self, at: 12))
        guard length <= CaptureFormat.maximumFieldsLength else {
            throw .damagedHeader("its fields claim \(length) bytes")
        }
        pending.removeAll(keepingCapacity: true)
        stage = .fields(length: length, minor: minor)
    }

    /// The record whose payload `pending` holds; nil for one that yields no event.
    private mutating func takeRecord(kind: UInt8, delta: UInt32) -> CaptureEvent? {
        time = time + .nanoseconds(Int64(delta))
        recordCount += 1
        stage = .recordHeader
        let payload = pending
        pending.removeAll(keepingCapacity: true)
        switch CaptureFormat.RecordKind(rawValue: kind) {
        case .wait:
            return nil
        case .read:
            return payload.isEmpty ? nil : .activity(.read(payload), at: time)
        case .opened:
            return .activity(.opened(path: String(decoding: payload, as: UTF8.self)), at: time)
        case .hungUp:
            return .activity(.hungUp(String(decoding: payload, as: UTF8.self)), at: time)
        case .closed:
            return .activity(.closed, at: time)
        case .stop:
            return .stopRequested(at: time)
        case .end:
            stage = .ended(at: time)
            return .end(at: time)
        case nil:
            skippedRecords += 1
            return nil
        }
    }
}
