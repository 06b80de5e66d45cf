import JSONLines
import LipTwitchDetector

/// A calibration profile as text: the one line of JSON `liptwitch calibrate` writes, the
/// daemon and `liptwitch analyze` read, and a daemon capture's header carries
/// (docs/DETECTOR.md, "Calibration"). Pure: the file around it is `ProfileFile`'s.
public enum ProfileJSON {
    /// The JSON of `profile` (one line, without its newline); `source`, the recording it
    /// was calibrated from, is left out when nil.
    public static func encode(_ profile: DetectorProfile, calibratedFrom source: String?) -> String {
        var object = JSONObject()
        object.add("format", "liptwitch-profile")
        object.add("version", 1)
        if let source { object.add("calibrated_from", source) }
        object.add("channels", profile.channels.map { channel in
            var item = JSONObject()
            item.add("label", channel.label)
            item.add("placement", channel.placement)
            item.add("unit", channel.unit)
            item.add("rest_floor", channel.restFloor)
            item.add("press_rms", channel.pressRMS)
            item.add("press_count", channel.pressCount)
            return item
        })
        return object.serialized
    }

    /// The profile `text` holds (what `encode` makes).
    public static func decode(_ text: String) throws(ProfileJSONError) -> DetectorProfile {
        let node: JSONNode
        do {
            node = try JSONNode(parsing: text)
        } catch {
            throw ProfileJSONError("it is not JSON (\(error))")
        }
        guard node["format"]?.string == "liptwitch-profile", node["version"]?.number == 1,
            let items = node["channels"]?.array, !items.isEmpty
        else { throw ProfileJSONError("it is not a LipTwitch profile of version 1") }
        var channels: [DetectorProfile.Channel] = []
        for item in items {
            guard let label = item["label"]?.string, let unit = item["unit"]?.string,
                let floor = item["rest_floor"]?.number, let press = item["press_rms"]?.number, floor > 0, press > 0
            else { throw ProfileJSONError("a channel lacks its label, unit, rest_floor or press_rms") }
            guard let count = pressCount(item["press_count"]) else {
                throw ProfileJSONError("a channel's press_count is not a count of presses")
            }
            channels.append(DetectorProfile.Channel(
                label: label, placement: item["placement"]?.string ?? "unspecified", unit: unit, restFloor: floor,
                pressRMS: press, pressCount: count))
        }
        return DetectorProfile(channels: channels)
    }

    /// A channel's `press_count`: 0 when absent; nil when it is not a whole number from 0
    /// to a million (a number a profile never holds would trap as an `Int`).
    private static func pressCount(_ node: JSONNode?) -> Int? {
        guard let node else { return 0 }
        guard let number = node.number, number >= 0, number <= 1_000_000, let count = Int(exactly: number) else {
            return nil
        }
        return count
    }
}
