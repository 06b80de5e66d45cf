import LipTwitchRecordings
import Testing

/// Broken EDF files: each gets one sentence naming the header field or record, the value,
/// and what was expected; whatever was complete before a cut is delivered first.
@Suite("Broken EDF recordings")
struct EDFErrorTests {
    static func decode(_ bytes: [UInt8]) -> DecodeResult {
        Chunking.random(seed: 11, maxSize: 500).decode(bytes, with: EDFRecordingDecoder())
    }

    static func patched(_ name: String, _ change: (inout EDFHeaderPatch) -> Void) throws -> [UInt8] {
        var patch = EDFHeaderPatch(bytes: try EDFFixtures.load()[name].edf)
        change(&patch)
        return patch.bytes
    }

    @Test func aFileCutInsideARecordDeliversTheCompleteRecordsThenSaysSo() throws {
        let fixture = try EDFFixtures.load()["emg_accel_plus"]
        let edf = fixture.edf
        let recordSize = (edf.count - 1792) / 5
        let result = Self.decode(Array(edf[..<(1792 + 2 * recordSize + 100)]))
        #expect(result.blocks.count == 2)
        // pyedflib writes one annotation into each record's annotation signal.
        #expect(result.annotations.map(\.text) == fixture.truth.annotations.prefix(2).map(\.text))
        #expect(result.error?.description
            == "EDF data record 3: the file ends 100 bytes into this record of \(recordSize); the 2 complete records before it were read; the file was cut off: copy or export it again to analyse the rest")
    }

    @Test func aFileCutAtARecordBoundaryHasFewerRecordsThanItsHeaderSays() throws {
        let edf = try EDFFixtures.load()["plain_mv_ms2"].edf
        let result = Self.decode(Array(edf.dropLast((edf.count - 768) / 4)))
        #expect(result.blocks.count == 3)
        #expect(result.error?.description
            == "the file: the header says 4 data records but the file holds 3; the file was cut off: copy or export it again to analyse the rest")
    }

    @Test func bytesAfterTheDeclaredRecordsAreAnError() throws {
        let result = Self.decode(try EDFFixtures.load()["plain_mv_ms2"].edf + [1, 2, 3])
        #expect(result.blocks.count == 4)
        #expect(result.error?.description
            == "the file: 3 bytes follow the 4 data records the header declares, and were ignored; fix the header's 'number of data records' or re-export the file")
    }

    @Test func aFileCutInsideTheHeader() throws {
        let edf = try EDFFixtures.load()["plain_mv_ms2"].edf
        #expect(Self.decode(Array(edf[..<300])).error?.description
            == "the file: it ends inside the EDF header, after 300 bytes; the file was cut off: copy or export it again")
        #expect(Self.decode([]).error?.description == "the file: it is empty; give an EDF file that holds a recording")
    }

    struct HeaderCase: Sendable, CustomStringConvertible {
        let description: String
        let change: @Sendable (inout EDFHeaderPatch) -> Void
        let message: String
    }

    static let headerCases: [HeaderCase] = [
        HeaderCase(
            description: "wrong header size", change: { $0.set(offset: 184, width: 8, "1024") },
            message: "EDF header field 'number of bytes in header record': '1024' is not 768, which is 256 × (1 + 2 signals); fix the header or re-export the file"),
        HeaderCase(
            description: "non-numeric physical minimum", change: { $0.set(signal: 0, "physicalMinimum", "-5,0") },
            message: "EDF header field 'physical minimum' of signal 1 'EMG': '-5,0' is not a number; fix the header or re-export the file"),
        HeaderCase(
            description: "non-numeric samples per record", change: { $0.set(signal: 1, "samplesPerRecord", "five") },
            message: "EDF header field 'nr of samples in each data record' of signal 2 'ACC_Z': 'five' is not a number of samples of 1 or more; fix the header or re-export the file"),
        HeaderCase(
            description: "digital range upside down", change: { $0.set(signal: 0, "digitalMaximum", "-32768") },
            message: "EDF header field 'digital maximum' of signal 1 'EMG': '-32768' is not greater than the digital minimum -32768; fix the header or re-export the file"),
        HeaderCase(
            description: "digital value beyond 16 bits", change: { $0.set(signal: 0, "digitalMaximum", "65535") },
            message: "EDF header field 'digital maximum' of signal 1 'EMG': '65535' is not an integer from -32768 to 32767; fix the header or re-export the file"),
        HeaderCase(
            description: "zero physical range", change: { $0.set(signal: 0, "physicalMaximum", "-5") },
            message: "EDF header field 'physical maximum' of signal 1 'EMG': '-5.0' is not different from the physical minimum (the scaling would be zero); fix the header or re-export the file"),
        HeaderCase(
            description: "unknown dimensions", change: { $0.set(signal: 0, "dimension", "furlong"); $0.set(signal: 1, "dimension", "degC") },
            message: "the file: it has no EMG or acceleration signal (signal 1 'EMG': physical dimension 'furlong' is neither EMG (uV, mV, V) nor acceleration (g, m/s2); signal 2 'ACC_Z': physical dimension 'degC' is neither EMG (uV, mV, V) nor acceleration (g, m/s2)); give a file with EMG in uV, mV or V, or acceleration in g or m/s2, labelled with its axis"),
        HeaderCase(
            description: "different sample rates", change: { $0.set(signal: 1, "samplesPerRecord", "100") },
            message: "the file: signal 1 'EMG' (500.0 Hz) and signal 2 'ACC_Z' (100.0 Hz) have different sample rates; LipTwitch does not resample: write every EMG and acceleration signal at one rate"),
        HeaderCase(
            description: "EDF+D", change: { $0.set(offset: 192, width: 44, "EDF+D") },
            message: "EDF header field 'reserved': the file is EDF+D (discontinuous: its data records have gaps between them); export the recording as EDF+C (continuous), or split it at its gaps"),
        HeaderCase(
            description: "BDF", change: { $0.bytes[0] = 0xFF; $0.set(offset: 1, width: 7, "BIOSEMI") },
            message: "EDF header field 'version': the file is BDF (24-bit samples), not EDF; convert it to EDF (16-bit), for example with EDFbrowser"),
        HeaderCase(
            description: "not EDF at all", change: { $0.set(offset: 0, width: 8, "1") },
            message: "EDF header field 'version': '1' is not '0', the version every EDF file has; fix the header or re-export the file"),
        HeaderCase(
            description: "bad start date", change: { $0.set(offset: 168, width: 8, "32.01.24") },
            message: "EDF header field 'startdate of recording': '32.01.24' is not a date as dd.mm.yy; fix the header or re-export the file"),
        HeaderCase(
            description: "bad start time", change: { $0.set(offset: 176, width: 8, "22:41:07") },
            message: "EDF header field 'starttime of recording': '22:41:07' is not a time as hh.mm.ss; fix the header or re-export the file"),
        HeaderCase(
            description: "bad record count", change: { $0.set(offset: 236, width: 8, "-2") },
            message: "EDF header field 'number of data records': '-2' is not a number of data records (or -1 when unknown); fix the header or re-export the file"),
        HeaderCase(
            description: "bad record duration", change: { $0.set(offset: 244, width: 8, "1s") },
            message: "EDF header field 'duration of a data record': '1s' is not a duration in seconds of 0 or more, such as 1 or 0.25; fix the header or re-export the file"),
        HeaderCase(
            description: "zero record duration", change: { $0.set(offset: 244, width: 8, "0") },
            message: "EDF header field 'duration of a data record': it is 0, but the file has signals with samples; fix the header: a data record lasts a positive number of seconds, such as 1"),
        HeaderCase(
            description: "no signals", change: { $0.set(offset: 252, width: 4, "0") },
            message: "EDF header field 'number of signals': '0' is not a number of signals from 1 to 4096; fix the header or re-export the file"),
    ]

    @Test(arguments: headerCases)
    func headerFieldsAreValidated(_ testCase: HeaderCase) throws {
        let result = Self.decode(try Self.patched("plain_mv_ms2", testCase.change))
        #expect(result.error?.description == testCase.message)
        #expect(result.events.isEmpty)
    }

    @Test func aMalformedAnnotationListNamesItsRecord() throws {
        var edf = try EDFFixtures.load()["short_records"].edf
        let recordSize = (edf.count - 768) / 12
        let annotationsStart = 768 + recordSize * 4 + 400
        edf.replaceSubrange(annotationsStart..<(annotationsStart + 4), with: Array("x0.4".utf8))
        let result = Self.decode(edf)
        #expect(result.blocks.count == 5)
        #expect(result.error?.description
            == "EDF data record 5: in the EDF Annotations signal, a time-stamped annotation list has no valid onset ('x0.4000000'); the annotations are damaged; re-export the file, or remove its EDF Annotations signal")
    }
}
