import ServiceLifecycle

/// Ends the demo after its duration: a service that returns then (and the group shuts
/// down), or earlier on Ctrl-C.
struct DemoTimer: Service {
    let duration: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
