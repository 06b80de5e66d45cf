/// Where the facts about a candidate came from.
public enum CandidateSource: Equatable, Sendable {
    /// libudev knows the device; `initialized` is false when no udev daemon has processed
    /// it (no udev database), so it has no `ID_*` properties, tags or by-id links.
    case udev(initialized: Bool)
    /// Named with `--device`, present, but unknown to udev (a pseudo-terminal, or a node
    /// outside sysfs).
    case explicitOnly
    /// Named with `--device` but not present.
    case missing
}
