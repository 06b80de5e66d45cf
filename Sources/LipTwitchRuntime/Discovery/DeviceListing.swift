import JSONLines
import LipTwitchDiscovery
import LipTwitchDrivers
import LipTwitchSystem

/// `liptwitch devices`: every candidate port, whether it was taken and why, and advice
/// on standard error when no sensor was found or the setup is incomplete; with `--watch`,
/// the changes as they happen.
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
        let taken = shown.filter(\.verdict.isSensor)
        if json {
            for entry in shown { try output.write(line: Self.jsonLine(entry)) }
            var summary = JSONObject(class: "summary")
            summary.add("shown", shown.count)
            summary.add("taken", taken.count)
            summary.add("on_probation", shown.filter(\.verdict.needsProof).count)
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
        object.add("taken", entry.verdict.isSensor)
        object.add("probation", entry.verdict.needsProof)
        object.add("reason_code", entry.verdict.code)
        object.add("reason", entry.verdict.sentence)
        if case .accepted(let reason) = entry.verdict, let driver = reason.driverFamily { object.add("driver", driver.rawValue) }
        return object.serialized
    }

    static func textLines(_ entry: SurveyEntry, width: Int) -> [String] {
        let path = entry.candidate.devicePath
        let padding = String(repeating: " ", count: max(0, width - path.count))
        let head = "\(path)\(padding)\(entry.verdict.label): \(entry.verdict.sentence)"
        let indent = String(repeating: " ", count: width)
        return [head] + CandidateDescription(candidate: entry.candidate).detailLines.map { indent + $0 }
    }

    /// `--watch`: the ports present, then every sensor that appears or disappears and
    /// every new port left alone, as it happens, until the reader of `output` goes away or
    /// the process is interrupted.
    public func watch(_ monitor: DiscoveryMonitor, output: BufferedOutput) throws(SystemError) {
        let present = try monitor.start()
        if !present.contains(where: \.isFromProcessedDevice) {
            StandardError.write(DiscoveryAdvice.noUdevDaemon + ": plugging in and out will not be noticed.")
        }
        var events = present
        while !output.isClosed {
            for event in events where isShown(event) {
                for line in lines(event) { try output.write(line: line) }
            }
            try output.flush()
            events = try monitor.waitForEvents(timeoutMilliseconds: -1)
        }
    }

    private func isShown(_ event: DiscoveryEvent) -> Bool {
        guard case .ignored(let candidate, let reason) = event, !includeAll else { return true }
        return Self.isOfInterest(candidate, .rejected(reason))
    }

    private func lines(_ event: DiscoveryEvent) -> [String] {
        switch event {
        case .appeared(let candidate, let reason):
            return described("appeared", candidate, reason.code, reason.sentence, driver: reason.driverFamily, mark: "+")
        case .ignored(let candidate, let reason):
            return described("ignored", candidate, reason.code, reason.sentence, driver: nil, mark: " ")
        case .disappeared(let path):
            guard json else { return ["- \(path) disappeared"] }
            var object = JSONObject(class: "disappeared")
            object.add("path", path)
            return [object.serialized]
        }
    }

    private func described(
        _ name: String, _ candidate: DeviceCandidate, _ code: String, _ sentence: String,
        driver: SensorDriver.Family?, mark: String
    ) -> [String] {
        let description = CandidateDescription(candidate: candidate)
        guard json else {
            return ["\(mark) \(candidate.devicePath) \(name): \(sentence)"] + description.detailLines.map { "    " + $0 }
        }
        var object = JSONObject(class: name)
        description.addFields(to: &object)
        object.add("reason_code", code)
        object.add("reason", sentence)
        if let driver { object.add("driver", driver.rawValue) }
        return [object.serialized]
    }
}

extension DiscoveryEvent {
    fileprivate var isFromProcessedDevice: Bool {
        switch self {
        case .appeared(let candidate, _), .ignored(let candidate, _): candidate.source == .udev(initialized: true)
        case .disappeared: false
        }
    }
}
