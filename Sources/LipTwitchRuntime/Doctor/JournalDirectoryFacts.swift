import LipTwitchSystem

/// The journal directory: where, who may read it, whether it can be written, room left.
public struct JournalDirectoryFacts: Sendable, Equatable {
    public var path: String
    /// nil when the directory does not exist yet.
    public var status: FileStatus?
    /// The files in it whose permissions let others read or write them, with those permissions.
    public var openFiles: [String: UInt32]
    /// True when this user may write in it (or, when it does not exist, in the nearest
    /// existing parent, so that it can be made).
    public var isWritable: Bool
    public var availableBytes: UInt64?

    public init(
        path: String, status: FileStatus?, openFiles: [String: UInt32] = [:], isWritable: Bool,
        availableBytes: UInt64?
    ) {
        self.path = path
        self.status = status
        self.openFiles = openFiles
        self.isWritable = isWritable
        self.availableBytes = availableBytes
    }
}
