import ArgumentParser
import LipTwitchRuntime

/// `--socket PATH`, shared by the commands that serve or read the live stream.
struct LiveSocketOption: ParsableArguments {
    @Option(
        name: .customLong("socket"),
        help: ArgumentHelp(
            "The live stream's Unix socket (default: $XDG_RUNTIME_DIR/liptwitch/live.sock).", valueName: "path"))
    var path: String?

    func validate() throws {
        if path?.isEmpty == true { throw ValidationError("--socket needs a path, like /tmp/liptwitch.sock.") }
    }

    /// The socket to use: `--socket`, or the default for this user or service.
    var location: LiveSocketLocation {
        LiveSocketLocation(override: path)
    }
}
