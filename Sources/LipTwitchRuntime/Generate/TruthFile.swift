import JSONLines
import LipTwitchSignals
import LipTwitchSystem

/// The ground truth of a generated recording, written beside it as `NAME.truth.json`
/// while the recording is made: the description first, then each event as it completes,
/// then the sample count (docs/DETECTOR.md, "Ground truth").
struct TruthFile {
    private let output: BufferedOutput
    private let sampleRate: Double
    private var eventCount = 0

    /// The truth file's path for a recording at `recordingPath`: `x.csv` → `x.truth.json`.
    static func path(besideRecording recordingPath: String) -> String {
        let slash = recordingPath.lastIndex(of: "/")
        let nameStart = slash.map { recordingPath.index(after: $0) } ?? recordingPath.startIndex
        if let dot = recordingPath[nameStart...].lastIndex(of: "."), dot > nameStart {
            return recordingPath[..<dot] + ".truth.json"
        }
        return recordingPath + ".truth.json"
    }

    init(path: String, generator: ScenarioGenerator, durationSeconds: Double) throws(SystemError) {
        output = try BufferedOutput(path: path)
        sampleRate = generator.sampleRateHz
        var head = JSONObject()
        head.add("format", "liptwitch-truth")
        head.add("version", 1)
        head.add("scenario", generator.scenario.rawValue)
        head.add("seed", generator.seed)
        if generator.variation != .none {
            head.add("variation", generator.variation.rawValue)
            if let mains = generator.mainsHz { head.add("mains_hz", mains) }
        }
        head.add("sample_rate_hz", generator.sampleRateHz)
        head.add("duration_s", durationSeconds)
        head.add("rail", generator.rail)
        head.add("channels", generator.channels.map { channel in
            var object = JSONObject()
            object.add("column", channel.columnName)
            object.add("unit", channel.unit)
            object.add("placement", channel.placement)
            return object
        })
        var text = head.serialized
        text.removeLast()
        try output.write(line: text + ",\"events\":[")
    }

    mutating func write(_ events: [TruthEvent]) throws(SystemError) {
        for event in events {
            var object = JSONObject()
            object.add("kind", event.kind.rawValue)
            if let channel = event.channel { object.add("channel", channel) }
            object.add("onset_sample", event.onsetSample)
            object.add("offset_sample", event.offsetSample)
            object.add("onset_s", Double(event.onsetSample) / sampleRate)
            object.add("offset_s", Double(event.offsetSample) / sampleRate)
            object.add("peak", event.peakAmplitude)
            if let frequency = event.frequencyHz { object.add("frequency_hz", frequency) }
            try output.write(line: (eventCount == 0 ? "" : ",") + object.serialized)
            eventCount += 1
        }
    }

    func close(sampleCount: Int) throws(SystemError) {
        try output.write(line: "],\"sample_count\":\(sampleCount)}")
        try output.flush()
    }
}
