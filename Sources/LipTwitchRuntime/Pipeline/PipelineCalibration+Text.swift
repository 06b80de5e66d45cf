import JSONLines
import LipTwitchDetector

extension PipelineCalibration {
    /// The step as a sentence for people (the time stamp is the caller's).
    public var sentence: String {
        switch step {
        case .progress(let event): "calibration: " + Self.text(of: event, inputs: inputs)
        case .finished(let profile): "calibration complete: " + Self.summary(of: profile)
        case .failed(let reason): "calibration failed: \(reason)"
        }
    }

    /// What `event` says about `inputs`, in words.
    static func text(of event: CalibrationEvent, inputs: [DetectorInput]) -> String {
        switch event {
        case .resting(let left):
            "rest, \(left) s left"
        case .restMeasured(let floors):
            "rest floor " + zip(inputs, floors).map { input, floor in
                "\(input.label) \(ReadableNumber.text(floor)) \(input.unit) RMS"
            }.joined(separator: ", ")
        case .press(let input, let rms, let seconds, let count):
            "press \(count) on \(inputs[input].label), \(ReadableNumber.text(rms)) \(inputs[input].unit) RMS for "
                + "\(ElapsedTime.decimal(seconds)) s"
        case .shortPress(let input, let seconds):
            "a press of \(ElapsedTime.decimal(seconds)) s on \(inputs[input].label) is too short to count"
        }
    }

    /// Each channel of `profile`: its rest floor, its press strength, how many presses.
    public static func summary(of profile: DetectorProfile) -> String {
        profile.channels.map { channel in
            "\(channel.label): rest \(ReadableNumber.text(channel.restFloor)) \(channel.unit) RMS, presses "
                + "\(ReadableNumber.text(channel.pressRMS)) \(channel.unit) RMS (\(channel.pressCount) found)"
        }.joined(separator: "; ")
    }

    /// The step's fields in a JSON line (after `class`, `t` and `time`).
    func addFields(to object: inout JSONObject) {
        object.add("stream", stream)
        switch step {
        case .progress(.resting(let left)):
            object.add("event", "resting")
            object.add("seconds_left", left)
        case .progress(.restMeasured(let floors)):
            object.add("event", "rest_measured")
            object.add("channels", zip(inputs, floors).map { input, floor in
                var channel = Self.channelObject(input)
                channel.add("rest_floor", EpisodeJSON.rounded(floor))
                return channel
            })
        case .progress(.press(let input, let rms, let seconds, let count)):
            object.add("event", "press")
            object.add("label", inputs[input].label)
            object.add("rms", EpisodeJSON.rounded(rms))
            object.add("duration_s", EpisodeJSON.rounded(seconds))
            object.add("count", count)
        case .progress(.shortPress(let input, let seconds)):
            object.add("event", "short_press")
            object.add("label", inputs[input].label)
            object.add("duration_s", EpisodeJSON.rounded(seconds))
        case .finished(let profile):
            object.add("event", "finished")
            object.add("channels", profile.channels.map { channel in
                var item = JSONObject()
                item.add("label", channel.label)
                item.add("unit", channel.unit)
                item.add("rest_floor", EpisodeJSON.rounded(channel.restFloor))
                item.add("press_rms", EpisodeJSON.rounded(channel.pressRMS))
                item.add("press_count", channel.pressCount)
                return item
            })
        case .failed(let reason):
            object.add("event", "failed")
            object.add("message", reason)
        }
    }

    private static func channelObject(_ input: DetectorInput) -> JSONObject {
        var channel = JSONObject()
        channel.add("label", input.label)
        channel.add("unit", input.unit)
        return channel
    }
}
