import JSONLines
import LipTwitchDiscovery
import LipTwitchSystem

/// `liptwitch devices`: every candidate port, whether it was taken and why, and advice
/// on standard error when no sensor was found or the setup is incomplete.
public struct DeviceListing {
    /// JSON lines instead of text.
    public var json: Bool
    /// Every tty, not only USB ports and named devices.
    public var includeAll: Bool

    public init(json: Bool, includeAll: Bool) {
        self.json = json
        self.includeAll = includeAll
    }

    /// True for the entries shown without `--all`: USB ports, and whatever was taken or named.
    static func isOfInterest(_ candidate: DeviceCandidate, _ verdict: CandidateVerdict) -> Bool {
        switch candidate.source {
        case .udev: candidate.isUSB || verdict.isAccepted
        case .explicitOnly, .missing: true
        }
    }

    public func write(_ survey: DeviceSurvey, to output: BufferedOutput) throws(SystemError) {
        let shown = survey.entries.filter { includeAll || Self.isOfInterest($0.candidate, $0.verdict) }
        let taken = shown.filter(\.verdict.isAccepted)
        if json {
            for entry in shown { try output.write(line: Self.jsonLine(entry)) }
            var summary = JSONObject(class: "summary")
            summary.add("shown", shown.count)
            summary.add("taken", taken.count)
            summary.add("hidden", survey.entries.count - shown.count)
            summary.add("udev_database", survey.hasUdevDatabase)
            try output.write(line: summary.serialized)
        } else {
            let width = (shown.map(\.candidate.devicePath.count).max() ?? 0) + 2
            for entry in shown {
                for line in Self.textLines(entry, width: width) { try output.write(line: line) }
            }
        }
        try output.flush()
        for note in DiscoveryAdvice.notes(survey: survey, shown: shown, includeAll: includeAll) {
            StandardError.write(note)
        }
    }

    static func jsonLine(_ entry: SurveyEntry) -> String {
        var object = JSONObject(class: "device")
        CandidateDescription(candidate: entry.candidate).addFields(to: &object)
        object.add("taken", entry.verdict.isAccepted)
        object.add("reason_code", entry.verdict.code)
        object.add("reason", entry.verdict.sentence)
        return object.serialized
    }

    static func textLines(_ entry: SurveyEntry, width: Int) -> [String] {
        let path = entry.candidate.devicePath
        let padding = String(repeating: " ", count: max(0, width - path.count))
        let head = "\(path)\(padding)\(entry.verdict.isAccepted ? "taken" : "not taken"): \(entry.verdict.sentence)"
        let indent = String(repeating: " ", count: width)
        return [head] + CandidateDescription(candidate: entry.candidate).detailLines.map { indent + $0 }
    }
}
