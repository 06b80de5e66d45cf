import JSONLines
import LipTwitchDetector
import LipTwitchRecordings

/// The first line of `liptwitch analyze`: which file, at which rate, the EMG band the
/// detector passes at that rate, which channels (as the detector watches them) and which
/// calibration profile.
enum RecordingJSON {
    static func line(
        file: String, format: RecordingFormat, inputs: [DetectorInput], configuration: DetectorConfiguration,
        profileSource: String?
    ) -> String {
        var object = JSONObject(class: "recording")
        object.add("file", file)
        object.add("sample_rate_hz", format.sampleRateHz)
        if inputs.contains(where: { !$0.isAccelerometer }) {
            let band = configuration.emgPassBand(sampleRate: format.sampleRateHz)
            object.add("emg_band_hz", [band.lowerBound, band.upperBound])
        }
        if let start = format.startTime { object.add("start", CivilTime.text(start: start, plusSeconds: 0)) }
        object.add("channels", inputs.map { input in
            var channel = JSONObject()
            channel.add("label", input.label)
            channel.add("placement", input.placement)
            channel.add("unit", input.unit)
            return channel
        })
        if let profileSource { object.add("profile", profileSource) }
        return object.serialized
    }
}
