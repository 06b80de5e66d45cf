import JSONLines

/// `liptwitch doctor`'s findings for a person or, with `json`, one JSON object for a
/// script; and the exit status: 0 when nothing is a problem, 1 when something is.
public struct DoctorReport: Sendable {
    public let findings: [DoctorFinding]

    public init(findings: [DoctorFinding]) {
        self.findings = findings
    }

    /// The number of findings with `status`.
    public func count(_ status: DoctorFinding.Status) -> Int {
        findings.filter { $0.status == status }.count
    }

    /// 0 when all is well (warnings allowed), 1 when a problem was found.
    public var exitStatus: Int32 { count(.problem) == 0 ? 0 : 1 }

    /// One line per finding, its fix indented below it, then a verdict.
    public var text: [String] {
        var lines: [String] = []
        for finding in findings {
            let mark = switch finding.status {
            case .ok: "ok      "
            case .warning: "warning "
            case .problem: "PROBLEM "
            case .skipped: "skipped "
            }
            lines.append("\(mark)\(finding.message)")
            if let fix = finding.fix, finding.status == .problem || finding.status == .warning {
                lines.append("        fix: \(fix)")
            }
        }
        let problems = count(.problem), warnings = count(.warning)
        lines.append(
            problems == 0
                ? "All is well\(warnings == 0 ? "" : " (\(warnings) warning\(warnings == 1 ? "" : "s"))")."
                : "\(problems) problem\(problems == 1 ? "" : "s") found: run the fixes above, then `liptwitch doctor` again.")
        return lines
    }

    /// `{"class":"doctor","ok":...,"problems":N,"warnings":N,"findings":[...]}`.
    public var json: String {
        var object = JSONObject(class: "doctor")
        object.add("ok", exitStatus == 0)
        object.add("problems", count(.problem))
        object.add("warnings", count(.warning))
        object.add("findings", findings.map { finding in
            var item = JSONObject()
            item.add("check", finding.check)
            if let subject = finding.subject { item.add("subject", subject) }
            item.add("status", finding.status.rawValue)
            item.add("message", finding.message)
            if let fix = finding.fix { item.add("fix", fix) }
            return item
        })
        return object.serialized
    }
}
