import ArgumentParser
import LipTwitchLive
import LipTwitchRuntime
import LipTwitchSystem

/// `liptwitch watch`: the live console.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the daemon live: twitches as they are detected, signal levels, link status.",
        discussion: """
            Connects to the running daemon's live stream (liptwitch daemon, the systemd \
            service, or liptwitch demo). On a terminal it prints a line per detected episode, \
            link change, gap and sensor event, and keeps a status line at the bottom with \
            each sensor's link state, a level meter per channel, "○ twitch?" the moment a \
            burst shaped like a twitch ends (away from talking), and "● twitch" once the \
            detector is sure (seconds later: it waits to tell twitches from speech). Not on a terminal (or with TERM=dumb) it prints the lines \
            only. --json passes the stream's JSON lines through for programs (docs/LIVE.md).

            Classes for --only: \(LiveClass.selectable.map(\.rawValue).joined(separator: ", ")).

            With --reconnect it waits for a daemon that is not running yet, and for one that \
            stopped (restarted by systemd, upgraded, killed) to come back, and carries on.

            Examples:
              liptwitch watch
              liptwitch watch --reconnect                # survives the daemon's restarts
              liptwitch watch --only episode,gap
              liptwitch watch --json --only episode | jq .peak
              liptwitch watch --socket /tmp/lt.sock --device LT-0001
            """
    )

    @OptionGroup var socket: LiveSocketOption

    @Flag(help: "Print the stream's JSON lines (one object per line, \"class\" first).")
    var json = false

    @Flag(help: "Wait for the daemon when it is not there, and reconnect when it goes away.")
    var reconnect = false

    @Option(help: ArgumentHelp("Only these classes, separated by commas.", valueName: "classes"))
    var only: String?

    @Option(
        name: .customLong("device"),
        help: ArgumentHelp("Only this sensor (its serial number; repeatable).", valueName: "serial"))
    var devices: [String] = []

    var filter: LiveFilter {
        LiveFilter(
            classes: only.map { Set($0.split(separator: ",").compactMap { LiveClass(rawValue: String($0)) }) },
            devices: devices.isEmpty ? nil : Set(devices))
    }

    func validate() throws {
        let names = only?.split(separator: ",", omittingEmptySubsequences: false).map(String.init) ?? []
        if let bad = names.first(where: { LiveClass(rawValue: $0).map(LiveClass.selectable.contains) != true }) {
            throw ValidationError(
                "--only: there is no class '\(bad)'; choose from "
                    + LiveClass.selectable.map(\.rawValue).joined(separator: ", ") + ".")
        }
    }

    func run() throws {
        try BlockingRun.run {
            let style: WatchSession.Style =
                json ? .json : SystemEnvironment.redrawableTerminalColumns.map { .terminal(columns: $0) } ?? .plain
            let session = try WatchSession(
                socketPath: socket.location.path, filter: filter, style: style, reconnect: reconnect)
            try await session.runUntilStopped()
            if let failure = session.failureMessage { throw WatchFailure(description: failure) }
        }
    }
}

/// The daemon refused the request or speaks another version: the sentence says which.
struct WatchFailure: Error, CustomStringConvertible {
    let description: String
}
