import Foundation

/// The arguments of `liptwitch daemon` for a test: the daemon refuses to run as root
/// unless told, and CI runs the tests as root, so every test that starts it goes through
/// here, which adds `--allow-root` when this process is root.
enum DaemonArguments {
    static func with(_ arguments: [String]) -> [String] {
        ["daemon"] + arguments + (geteuid() == 0 ? ["--allow-root"] : [])
    }
}
