import JSONLines
import LipTwitchDiscovery
import LipTwitchSystem

/// `liptwitch devices --watch`: the ports present, then every sensor that appears or
/// disappears and every new port left alone, as it happens, until interrupted.
public struct DeviceWatch {
    public var json: Bool
    public var includeAll: Bool

    public init(json: Bool, includeAll: Bool) {
        self.json = json
        self.includeAll = includeAll
    }

    /// Runs until the reader of `output` goes away or the process is interrupted.
    public func run(_ monitor: DiscoveryMonitor, output: BufferedOutput) throws(SystemError) {
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
        return DeviceListing.isOfInterest(candidate, .rejected(reason))
    }

    private func lines(_ event: DiscoveryEvent) -> [String] {
        switch event {
        case .appeared(let candidate, let reason):
            return described("appeared", candidate, reason.code, reason.sentence, mark: "+")
        case .ignored(let candidate, let reason):
            return described("ignored", candidate, reason.code, reason.sentence, mark: " ")
        case .disappeared(let path):
            guard json else { return ["- \(path) disappeared"] }
            var object = JSONObject(class: "disappeared")
            object.add("path", path)
            return [object.serialized]
        }
    }

    private func described(
        _ name: String, _ candidate: DeviceCandidate, _ code: String, _ sentence: String, mark: String
    ) -> [String] {
        let description = CandidateDescription(candidate: candidate)
        guard json else {
            return ["\(mark) \(candidate.devicePath) \(name): \(sentence)"] + description.detailLines.map { "    " + $0 }
        }
        var object = JSONObject(class: name)
        description.addFields(to: &object)
        object.add("reason_code", code)
        object.add("reason", sentence)
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
