extension DoctorChecker {
    /// Below this, the journal's directory is said to be nearly full.
    static let lowDiskBytes: UInt64 = 100 << 20

    /// The journal directory is private (0700, files 0600), writable, with room left.
    var journalFindings: [DoctorFinding] {
        let journal = facts.journal
        var findings: [DoctorFinding] = []
        let path = journal.path
        if let status = journal.status, status.permissions & 0o077 != 0 {
            findings.append(DoctorFinding(
                "journal_private", subject: path, .problem,
                "the journal directory \(path) has mode \(octal(status.permissions)): other users may look into it",
                fix: "chmod 0700 '\(path)'"))
        } else if let (file, mode) = journal.openFiles.min(by: { $0.key < $1.key }) {
            findings.append(DoctorFinding(
                "journal_private", subject: path, .problem,
                "\(journal.openFiles.count) journal file(s) can be read by others, such as \(file) (mode \(octal(mode)))",
                fix: "chmod 0600 '\(path)'/*"))
        } else {
            findings.append(DoctorFinding(
                "journal_private", subject: path, .ok,
                journal.status == nil ? "the journal directory \(path) will be made private (0700) when first written"
                    : "the journal directory \(path) is private"))
        }
        if !journal.isWritable {
            findings.append(DoctorFinding(
                "journal_writable", subject: path, .problem, "\(facts.user.name) cannot write in \(path)",
                fix: "sudo chown -R \(facts.user.name) '\(path)'"))
        } else if let free = journal.availableBytes, free < Self.lowDiskBytes {
            findings.append(DoctorFinding(
                "journal_writable", subject: path, .warning,
                "only \(free >> 20) MB are free where the journal is: records wait in memory when the disk is full",
                fix: "free some space, or: liptwitch journal prune --before DATE"))
        } else {
            let free = journal.availableBytes.map { ", \($0 >> 20) MB free" } ?? ""
            findings.append(DoctorFinding("journal_writable", subject: path, .ok, "the journal can be written\(free)"))
        }
        return findings
    }

    /// A daemon answers on the live socket (what `liptwitch watch` connects to).
    var socketFinding: DoctorFinding {
        let socket = facts.socket
        if socket.answers {
            return DoctorFinding("live_socket", subject: socket.path, .ok, "the daemon answers on \(socket.path)")
        }
        if socket.exists {
            return DoctorFinding(
                "live_socket", subject: socket.path, .problem,
                "\(socket.path) is there but no daemon answers on it (the daemon stopped without cleaning up)",
                fix: "systemctl --user restart liptwitch.service  (or: liptwitch daemon)")
        }
        return DoctorFinding(
            "live_socket", subject: socket.path, .warning,
            "no daemon is running: `liptwitch watch` has nothing to show",
            fix: "systemctl --user start liptwitch.service  (or: liptwitch daemon)")
    }
}
