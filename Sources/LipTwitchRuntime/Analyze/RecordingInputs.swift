import LipTwitchDetector
import LipTwitchProtocol
import LipTwitchRecordings

/// What the detector watches in a recording: each EMG channel on its own, and the
/// acceleration channels grouped into accelerometers by their name without the axis
/// (`ax`, `ay`, `az` are one; `chin_x`, `chin_y`, `chin_z` another). A placement named in a
/// channel's label (`emg_upper_left`, `Lower-Right EMG`) becomes its placement.
enum RecordingInputs {
    static func inputs(for format: RecordingFormat) -> [DetectorInput] {
        var inputs: [DetectorInput] = []
        var accelerometers: [(name: String, axes: [AccelerationAxis: Int])] = []
        for (column, channel) in format.channels.enumerated() {
            switch channel.quantity {
            case .emgMicrovolts:
                inputs.append(DetectorInput(kind: .emg(column: column), label: channel.label,
                                            placement: placement(in: channel.label)))
            case .acceleration(let axis):
                let name = accelerometerName(channel.label, axis: axis)
                if let index = accelerometers.firstIndex(where: { $0.name == name && $0.axes[axis] == nil }) {
                    accelerometers[index].axes[axis] = column
                } else {
                    accelerometers.append((name, [axis: column]))
                }
            }
        }
        for accelerometer in accelerometers {
            let label = accelerometer.name.isEmpty ? "accelerometer" : accelerometer.name
            inputs.append(DetectorInput(
                kind: .accelerometer(x: accelerometer.axes[.x], y: accelerometer.axes[.y], z: accelerometer.axes[.z]),
                label: label, placement: placement(in: label)))
        }
        return inputs
    }

    /// The label without its axis letter and the separators around it: `ax` → "", `chin_x`
    /// → "chin", `Acc X` → "Acc".
    private static func accelerometerName(_ label: String, axis: AccelerationAxis) -> String {
        var name = Substring(label)
        if let last = name.last, last.lowercased() == axis.rawValue { name = name.dropLast() }
        if name.lowercased() == "a" { return "" }
        let separators: Set<Character> = [" ", "_", "-", "."]
        while let last = name.last, separators.contains(last) { name = name.dropLast() }
        return String(name)
    }

    /// The PROTOCOL.md placement a label names, if any ("unspecified" otherwise).
    static func placement(in label: String) -> String {
        let normalized = String(label.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
        let named = Placement.allCases.map(\.label).filter { $0 != "unspecified" && normalized.contains($0) }
        return named.max { $0.count < $1.count } ?? Placement.unspecified.label
    }
}
