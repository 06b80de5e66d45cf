import CLinuxShims
import SystemPackage
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A POSIX thread that runs one closure and can be joined: `join()` returns only once the
/// thread has ended, so a caller that counts threads afterwards counts none left over.
public final class SystemThread: Sendable {
    private let thread: pthread_t
    private let joined = Mutex(false)

    /// Starts a thread named `name` (as `top -H` shows it) running `body`, which it owns
    /// from then on: what the closure holds belongs to the new thread alone.
    public init(name: String, _ body: sending @escaping () -> Void) throws(SystemError) {
        let context = Unmanaged.passRetained(Context(name: name, body: body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { raw in
            let context = Unmanaged<Context>.fromOpaque(raw!).takeRetainedValue()
            lt_set_thread_name(context.name)
            context.body()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Context>.fromOpaque(context).release()
            throw SystemError("start a thread", .init(rawValue: result))
        }
        self.thread = thread
    }

    /// Waits for the thread to end; later calls return at once.
    public func join() {
        joined.withLock { joined in
            guard !joined else { return }
            pthread_join(thread, nil)
            joined = true
        }
    }

    deinit {
        join()
    }

    /// What the new thread needs, passed through `pthread_create`'s one pointer.
    private final class Context {
        let name: String
        let body: () -> Void

        init(name: String, body: sending @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }
}
