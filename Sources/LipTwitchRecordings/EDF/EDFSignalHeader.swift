/// The part of an EDF header that describes one signal (label, physical dimension,
/// samples per record; the free-text transducer and prefiltering fields are not needed),
/// and the linear scaling from its 16-bit digital values to its physical unit:
/// `physical = gain × digital + offset`, with
/// `gain = (physical max − physical min) / (digital max − digital min)`.
struct EDFSignalHeader: Sendable {
    static let byteCount = 256

    let number: Int
    let label: String
    let physicalDimension: String
    let samplesPerRecord: Int
    let gain: Double
    let offset: Double

    static let annotationLabel = "EDF Annotations"

    var isAnnotations: Bool { label == Self.annotationLabel }

    /// Reads every signal's fields from the `signalCount × 256` bytes that follow the
    /// fixed header: each field is stored for all signals before the next field starts.
    static func parseAll(_ bytes: ArraySlice<UInt8>, signalCount: Int) throws(RecordingError) -> [EDFSignalHeader] {
        precondition(bytes.count == byteCount * signalCount)
        let widths = [16, 80, 8, 8, 8, 8, 8, 80, 8, 32]
        var signals: [EDFSignalHeader] = []
        for index in 0..<signalCount {
            var fieldStart = bytes.startIndex
            var fields: [ArraySlice<UInt8>] = []
            for width in widths {
                let start = fieldStart + index * width
                fields.append(bytes[start..<(start + width)])
                fieldStart += width * signalCount
            }
            signals.append(try EDFSignalHeader(number: index + 1, fields: fields))
        }
        return signals
    }

    private init(number: Int, fields: [ArraySlice<UInt8>]) throws(RecordingError) {
        self.number = number
        label = EDFHeaderField(name: "label", bytes: fields[0]).text
        let signal = (number: number, label: label)
        func field(_ name: String, _ index: Int) -> EDFHeaderField {
            EDFHeaderField(name: name, bytes: fields[index], signal: signal)
        }
        physicalDimension = field("physical dimension", 2).text
        samplesPerRecord = try field("nr of samples in each data record", 8).integer(
            in: 1...(1 << 24), expected: "a number of samples of 1 or more")
        let physicalMinimum = try field("physical minimum", 3).decimal(expected: "a number")
        let physicalMaximum = try field("physical maximum", 4).decimal(expected: "a number")
        let digitalMinimum = try field("digital minimum", 5).integer(
            in: -32768...32767, expected: "an integer from -32768 to 32767")
        let digitalMaximumField = field("digital maximum", 6)
        let digitalMaximum = try digitalMaximumField.integer(
            in: -32768...32767, expected: "an integer from -32768 to 32767")
        let isAnnotations = label == Self.annotationLabel
        if !isAnnotations, digitalMaximum <= digitalMinimum {
            throw digitalMaximumField.invalid("\(digitalMaximum)", expected: "greater than the digital minimum \(digitalMinimum)")
        }
        if !isAnnotations, physicalMaximum == physicalMinimum {
            throw field("physical maximum", 4).invalid(
                "\(physicalMaximum)", expected: "different from the physical minimum (the scaling would be zero)")
        }
        gain = isAnnotations ? 1 : (physicalMaximum - physicalMinimum) / Double(digitalMaximum - digitalMinimum)
        offset = isAnnotations ? 0 : physicalMaximum - gain * Double(digitalMaximum)
    }
}
