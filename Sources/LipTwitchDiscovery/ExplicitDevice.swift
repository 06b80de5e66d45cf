/// A device path given with `--device`, with the path it resolves to (through symlinks
/// such as `/dev/serial/by-id/...`), or nil when nothing is there.
public struct ExplicitDevice: Equatable, Sendable {
    public let path: String
    public let resolvedPath: String?

    public init(path: String, resolvedPath: String?) {
        self.path = path
        self.resolvedPath = resolvedPath
    }

    /// True when this names `candidate`: by its node, or by one of its links.
    func names(_ candidate: DeviceCandidate) -> Bool {
        path == candidate.devicePath || resolvedPath == candidate.devicePath || candidate.links.contains(path)
    }
}
