import LipTwitchDetector
import LipTwitchProfile
import LipTwitchSystem

/// The calibration profile on disk: JSON written by `liptwitch calibrate`, read by
/// `liptwitch analyze` and the daemon (docs/DETECTOR.md, "Calibration"); the same JSON
/// text rides in a daemon capture's header for `liptwitch replay`. By default it lives at
/// `$XDG_CONFIG_HOME/liptwitch/profile.json` (else `~/.config/liptwitch/profile.json`),
/// readable by its owner only.
public enum ProfileFile {
    /// The default location, or nil when neither `XDG_CONFIG_HOME` nor `HOME` is set.
    public static var defaultPath: String? {
        SystemEnvironment.configurationDirectory.map { $0 + "/profile.json" }
    }

    /// Writes `profile` (mode 0600), creating the default directory (0700) if needed.
    public static func write(_ profile: DetectorProfile, calibratedFrom source: String, to path: String) throws(SystemError) {
        if let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try Directories.create(String(path[..<slash]))
        }
        let output = try BufferedOutput(replacing: path)
        try output.write(line: ProfileJSON.encode(profile, calibratedFrom: source))
        try output.commit()
    }

    /// The most bytes a profile file may hold: far more than 8 channels need, and little
    /// enough that its JSON always fits a capture header's field (65535 bytes).
    static let maximumBytes = 32 * 1024

    /// The profile at the default location, if there is one there.
    public static func readDefault() throws -> (profile: DetectorProfile, path: String)? {
        guard let path = defaultPath, let profile = try readIfPresent(path) else { return nil }
        return (profile, path)
    }

    /// Reads the profile at `path`.
    public static func read(_ path: String) throws -> DetectorProfile {
        guard let profile = try readIfPresent(path) else {
            throw AnalysisError("there is no profile at '\(path)': check the path, or make one with liptwitch calibrate")
        }
        return profile
    }

    /// The profile at `path`, or nil when there is no file there.
    private static func readIfPresent(_ path: String) throws -> DetectorProfile? {
        guard var source = try open(path) else { return nil }
        var bytes: [UInt8] = []
        while try source.readChunk({ bytes += $0 }) {
            guard bytes.count <= maximumBytes else { throw invalid(path, "it is larger than a profile can be (32 KiB)") }
        }
        return try decode(String(decoding: bytes, as: UTF8.self), source: path)
    }

    /// The file at `path` to read, or nil when there is none.
    private static func open(_ path: String) throws(SystemError) -> ByteSource? {
        do {
            return try ByteSource(path: path)
        } catch {
            guard error.errno == .noSuchFileOrDirectory else { throw error }
            return nil
        }
    }

    /// The profile `text` holds (what `ProfileJSON.encode` makes); `source` names it in the
    /// error (a path, or "the profile recorded in capture.ltcap").
    public static func decode(_ text: String, source: String) throws(AnalysisError) -> DetectorProfile {
        do {
            return try ProfileJSON.decode(text)
        } catch {
            throw invalid(source, error.reason)
        }
    }

    private static func invalid(_ source: String, _ reason: String) -> AnalysisError {
        AnalysisError("cannot use the profile '\(source)': \(reason); make a new one with liptwitch calibrate")
    }
}
