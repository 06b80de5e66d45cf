import LipTwitchProtocol

extension HostCommand: CanonicalText {
    func canonicalText(sequence: UInt16) -> String {
        var fields: [(key: String, value: String)] = [("seq", "\(sequence)")]
        switch self {
        case .identify(let hostMaxVersion): fields.append(("host_max", "\(hostMaxVersion)"))
        case .start, .stop: break
        case .setSampleRate(let rate): fields.append(("rate", "\(rate)"))
        case .ping(let nonce): fields.append(("nonce", "\(nonce)"))
        }
        return CanonicalFields.join(type.name, fields)
    }

    static func parse(canonicalText text: String) throws(CanonicalTextError) -> (message: Self, sequence: UInt16) {
        var fields = try CanonicalFields(text)
        let sequence = try fields.integer("seq", as: UInt16.self)
        let command: HostCommand
        switch fields.name {
        case "identify": command = .identify(hostMaxVersion: try fields.integer("host_max"))
        case "start": command = .start
        case "stop": command = .stop
        case "set_rate": command = .setSampleRate(try fields.integer("rate"))
        case "ping": command = .ping(nonce: try fields.integer("nonce"))
        default: throw fields.error("unknown host command \(fields.name)")
        }
        try fields.finish()
        return (command, sequence)
    }
}
