/// The meaning of a CSV file's columns, read from its header line: an optional first
/// column with the time, then one column per channel whose name ends with its unit.
///
/// | name ends with | quantity | delivered as |
/// | --- | --- | --- |
/// | `_uv` | EMG in µV | µV |
/// | `_mv` | EMG in mV | µV (× 1000) |
/// | `_g` | acceleration in g | g |
/// | `_ms2` | acceleration in m/s² | g (÷ 9.80665) |
///
/// Acceleration names carry their axis: `ax_g`, `ay_g`, `az_g`, or `NAME_x_g` (likewise
/// with `_ms2`). The time column is `time_s`, `t_s`, `time` or `t` (seconds), or
/// `time_ms`/`t_ms` (milliseconds). Names are matched without regard to case.
struct CSVColumns: Sendable {
    /// Seconds per unit of the time column; nil when the file has no time column.
    let secondsPerTimeUnit: Double?
    let channels: [RecordingChannel]
    /// Factor from the file's unit to the delivered unit, per channel.
    let scales: [Float]

    /// Total columns in every row.
    var fieldCount: Int { channels.count + (secondsPerTimeUnit == nil ? 0 : 1) }

    /// Column names in order, for messages.
    let names: [String]

    static let timeColumnNames: [String: Double] = [
        "time_s": 1, "t_s": 1, "time": 1, "t": 1, "time_ms": 0.001, "t_ms": 0.001,
    ]
    private static let validUnits =
        "end each channel name with its unit: _uv or _mv for EMG, _g or _ms2 for acceleration (e.g. emg_uv, ax_g)"

    /// Reads the header line numbered `lineNumber`; without a time column the caller must
    /// know the sample rate (`timeColumnRequired` false).
    init(headerLine: ArraySlice<UInt8>, lineNumber: Int, timeColumnRequired: Bool) throws(RecordingError) {
        var names = String(decoding: headerLine, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
            .map { Self.cleaned($0) }
        self.names = names
        for (position, name) in names.enumerated() {
            if name.isEmpty {
                throw RecordingError(
                    .line(lineNumber, column: "#\(position + 1)"), "the header has an empty column name",
                    advice: "name every column: the time first (time_s), then the channels (\(Self.validUnits))")
            }
            if names[..<position].contains(name) {
                throw RecordingError(
                    .line(lineNumber, column: name), "the header names this column twice",
                    advice: "give every column its own name")
            }
        }
        if let unit = Self.timeColumnNames[names[0]] {
            secondsPerTimeUnit = unit
            names.removeFirst()
        } else if timeColumnRequired {
            throw RecordingError(
                .line(lineNumber, column: names[0]), "the first column is not the time",
                advice: "make the first column the time in seconds (named time_s, t or time), or give the sample rate (--rate)")
        } else {
            secondsPerTimeUnit = nil
        }
        if names.isEmpty {
            throw RecordingError(
                .line(lineNumber, column: nil), "the header has no channel column",
                advice: "add at least one channel column after the time; \(Self.validUnits)")
        }
        var channels: [RecordingChannel] = []
        var scales: [Float] = []
        for name in names {
            let (channel, scale) = try Self.channel(named: name, lineNumber: lineNumber)
            channels.append(channel)
            scales.append(scale)
        }
        self.channels = channels
        self.scales = scales
    }

    private static func cleaned(_ field: Substring) -> String {
        var name = field.trimmingCharacters(in: [" ", "\t"])
        if name.count >= 2, name.first == "\"", name.last == "\"" { name = name.dropFirst().dropLast() }
        return name.lowercased()
    }

    private static func channel(named name: String, lineNumber: Int) throws(RecordingError) -> (RecordingChannel, Float) {
        let emgUnits: [(suffix: String, scale: Float)] = [("_uv", 1), ("_mv", 1000)]
        for unit in emgUnits where name.hasSuffix(unit.suffix) && name.count > unit.suffix.count {
            return (RecordingChannel(label: String(name.dropLast(unit.suffix.count)), quantity: .emgMicrovolts), unit.scale)
        }
        let accelerationUnits: [(suffix: String, scale: Float)] = [("_g", 1), ("_ms2", Float(1 / PhysicalQuantity.standardGravity))]
        for unit in accelerationUnits where name.hasSuffix(unit.suffix) && name.count > unit.suffix.count {
            let label = String(name.dropLast(unit.suffix.count))
            guard let axis = axis(of: label) else {
                throw RecordingError(
                    .line(lineNumber, column: name), "an acceleration column needs its axis in its name",
                    advice: "name it ax\(unit.suffix), ay\(unit.suffix), az\(unit.suffix) or NAME_x\(unit.suffix)")
            }
            return (RecordingChannel(label: label, quantity: .acceleration(axis: axis)), unit.scale)
        }
        throw RecordingError(.line(lineNumber, column: name), "the column name has no known unit", advice: validUnits)
    }

    /// `ax`, `x` or `..._x` (likewise y, z).
    private static func axis(of label: String) -> AccelerationAxis? {
        guard let last = label.last, let axis = AccelerationAxis(rawValue: String(last)) else { return nil }
        let rest = label.dropLast()
        return rest.isEmpty || rest == "a" || rest.hasSuffix("_") ? axis : nil
    }
}
