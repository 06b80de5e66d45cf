import JSONLines
import LipTwitchCapture

extension CaptureHeader {
    /// The header as the first JSON line of a replay: class `capture`, the format, the
    /// tool, the description, the port, the start, the sensor, and `"profile":true` when it
    /// recorded the live detector's calibration profile.
    public var json: JSONObject {
        var object = JSONObject(class: "capture")
        object.add("format", "\(CaptureFormat.major).\(formatMinor)")
        object.add("tool", tool)
        object.add("description", description)
        if let devicePath { object.add("device", devicePath) }
        if driver != .liptwitch { object.add("driver", driver.recorded) }
        if lineRates.count == 1 { object.add("baud", lineRates[0]) }
        if lineRates.count > 1 { object.add("line_rates", lineRates) }
        object.add("start", startWall.rfc3339)
        if let identity {
            object.add("sensor", identity.serialNumber)
            object.add("sensor_kind", identity.sensorKind.label)
        }
        if profileJSON != nil { object.add("profile", true) }
        return object
    }

    /// The header for people: what the capture shows, of which sensor, when.
    public var sentence: String {
        let sensor = identity.map { "\($0.serialNumber) (\($0.sensorKind.label))" } ?? "an unidentified sensor"
        let about = description.isEmpty ? "" : ": \(description)"
        return "capture of \(sensor)\(devicePath.map { " on \($0)" } ?? ""), started \(startWall.rfc3339) "
            + "by \(tool)\(about)"
    }
}

extension CaptureEnding {
    /// How the capture ended, as the last JSON line of a replay: class `capture_end`.
    public var json: JSONObject {
        var object = JSONObject(class: "capture_end")
        switch self {
        case .complete:
            object.add("complete", true)
        case .cut(let cut):
            object.add("complete", false)
            object.add("records", cut.records)
            object.add("partial_bytes", cut.partialBytes)
        }
        return object
    }
}
