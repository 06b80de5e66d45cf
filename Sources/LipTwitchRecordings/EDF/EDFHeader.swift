/// The fixed 256-byte part of an EDF or EDF+ header (EDF specification, "the header
/// record"): version, patient and recording identification, start date and time, header
/// size, the EDF+ type in the reserved field, number and duration of data records, and
/// number of signals.
struct EDFHeader: Sendable {
    static let byteCount = 256
    /// More signals than any body-worn recording has; bounds the header buffer.
    static let maximumSignalCount = 4096

    /// "EDF+C" or "EDF+D" in the reserved field; false for plain EDF.
    let isEDFPlus: Bool
    let startTime: RecordingStartTime
    let headerByteCount: Int
    /// Nil when the header says -1 (unknown: the file was still being written).
    let recordCount: Int?
    let recordDurationSeconds: Double
    let signalCount: Int

    init(_ bytes: ArraySlice<UInt8>) throws(RecordingError) {
        precondition(bytes.count == Self.byteCount)
        func field(_ name: String, _ offset: Int, _ length: Int) -> EDFHeaderField {
            let start = bytes.startIndex + offset
            return EDFHeaderField(name: name, bytes: bytes[start..<(start + length)])
        }
        let version = field("version", 0, 8)
        if bytes.first == 0xFF {
            throw RecordingError(
                .headerField("version", signal: nil), "the file is BDF (24-bit samples), not EDF",
                advice: "convert it to EDF (16-bit), for example with EDFbrowser")
        }
        guard version.text == "0" else {
            throw version.invalid(version.text, expected: "'0', the version every EDF file has")
        }
        let reserved = field("reserved", 192, 44).text
        if reserved.hasPrefix("EDF+D") {
            throw RecordingError(
                .headerField("reserved", signal: nil), "the file is EDF+D (discontinuous: its data records have gaps between them)",
                advice: "export the recording as EDF+C (continuous), or split it at its gaps")
        }
        isEDFPlus = reserved.hasPrefix("EDF+C")
        let date = try field("startdate of recording", 168, 8).threeNumbers(
            [1...31, 1...12, 0...99], expected: "a date as dd.mm.yy")
        let time = try field("starttime of recording", 176, 8).threeNumbers(
            [0...23, 0...59, 0...59], expected: "a time as hh.mm.ss")
        startTime = RecordingStartTime(
            year: Self.year(twoDigits: date[2]), month: date[1], day: date[0], hour: time[0], minute: time[1], second: time[2])
        signalCount = try field("number of signals", 252, 4).integer(
            in: 1...Self.maximumSignalCount, expected: "a number of signals from 1 to \(Self.maximumSignalCount)")
        let expectedHeaderBytes = Self.byteCount * (signalCount + 1)
        let headerBytes = field("number of bytes in header record", 184, 8)
        headerByteCount = try headerBytes.integer(
            in: expectedHeaderBytes...expectedHeaderBytes,
            expected: "\(expectedHeaderBytes), which is 256 × (1 + \(signalCount) signals)")
        let records = try field("number of data records", 236, 8).integer(
            in: -1...Int(Int32.max), expected: "a number of data records (or -1 when unknown)")
        recordCount = records == -1 ? nil : records
        recordDurationSeconds = try field("duration of a data record", 244, 8).decimal(
            expected: "a duration in seconds of 0 or more, such as 1 or 0.25", accepting: { $0 >= 0 })
    }

    /// The EDF rule for two-digit years ("clipping date"): 85 to 99 are 1985 to 1999,
    /// 00 to 84 are 2000 to 2084.
    static func year(twoDigits: Int) -> Int {
        twoDigits >= 85 ? 1900 + twoDigits : 2000 + twoDigits
    }
}
