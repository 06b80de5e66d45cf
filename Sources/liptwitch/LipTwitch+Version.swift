extension LipTwitch {
    /// What `liptwitch --version` prints. In the source tree this is the package's own
    /// version; `scripts/package` overwrites this file in its clean clone with the version the
    /// Debian package carries (from `git describe --tags --always`), so a debug build never
    /// depends on git's state and a packaged binary says exactly which package it came from.
    static let version = "0.1.0"
}
