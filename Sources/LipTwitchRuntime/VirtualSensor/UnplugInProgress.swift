/// The last moments of an unplug: the half frame written must reach the host before the
/// pty goes (a hang-up flushes what the host has not read). The kernel moves written bytes
/// to the host's side a moment later, so "nothing unread" counts only once bytes were seen
/// waiting, or after 50 ms; after a second the cable goes anyway.
struct UnplugInProgress {
    let start: Int64
    let midFrame: Bool
    private var seenWaiting = false

    init(start: Int64, midFrame: Bool) {
        self.start = start
        self.midFrame = midFrame
    }

    mutating func isDone(unread: Int, now: Int64) -> Bool {
        if unread > 0 { seenWaiting = true }
        let settled = seenWaiting || now - start >= 50_000_000
        return (unread == 0 && settled) || now - start >= 1_000_000_000
    }
}
