/// One candidate and what the acceptance policy decided about it.
public struct SurveyEntry: Equatable, Sendable {
    public let candidate: DeviceCandidate
    public let verdict: CandidateVerdict

    public init(candidate: DeviceCandidate, verdict: CandidateVerdict) {
        self.candidate = candidate
        self.verdict = verdict
    }
}
