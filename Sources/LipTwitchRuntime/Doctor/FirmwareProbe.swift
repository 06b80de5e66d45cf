import LipTwitchLink
import LipTwitchProtocol
import LipTwitchSystem

/// Shakes hands with the sensor on one port through the ordinary `SensorLink` and keeps
/// what it answered, then tells it to stop and lets the port go.
enum FirmwareProbe {
    /// How long the sensor has to answer: the link's own handshake retries fit in it.
    static let timeoutNanoseconds: Int64 = 5_000_000_000

    static func probe(_ path: String) -> FirmwareProbeResult {
        let answer = Locked<FirmwareProbeResult?>(nil)
        guard let answered = try? EventNotifier(), let link = try? SensorLink(consumer: { output in
            guard case .event(let event, _) = output, let result = result(of: event) else { return }
            if answer.withLock({ current in
                defer { current = current ?? result }
                return current == nil
            }) { answered.notify() }
        }) else {
            return .failed("the link could not be started")
        }
        link.deliver(.appeared(SensorLocation(devicePath: path)))
        var poll = PollSet()
        poll.add(answered.descriptor)
        _ = try? poll.wait(timeoutNanoseconds: timeoutNanoseconds)
        link.stop()
        return answer.withLock { $0 } ?? .failed("the sensor did not answer IDENTIFY within 5 s")
    }

    /// The probe's result for a link event that settles it; nil for the others.
    private static func result(of event: LinkEvent) -> FirmwareProbeResult? {
        switch event {
        case .identified(let identity) where identity.protocolMajor == ProtocolConstants.version:
            .compatible(identity)
        case .identified(let identity):
            .incompatible(Incompatibility.newerProtocol(major: identity.protocolMajor).description)
        case .incompatible(let reason): .incompatible(reason.description)
        case .openFailed(let failure, _) where failure.kind == .busy: .skipped(failure.description)
        case .openFailed(let failure, _): .failed(failure.description)
        case .handshakeFailed(let failure, _): .failed(failure.description)
        default: nil
        }
    }
}
