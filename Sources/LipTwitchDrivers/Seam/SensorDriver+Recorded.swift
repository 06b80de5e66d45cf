import LipTwitchProtocol

extension SensorDriver {
    /// The driver and its settings as one line of text, for a capture's header: its name,
    /// then `key=value` settings separated by spaces (`openbci-cyton channel=3
    /// placement=lower-left`).
    public var recorded: String {
        switch self {
        case .liptwitch: name
        case .openBCICyton(let settings): recorded(lipChannel: settings.lipChannel, placement: settings.placement)
        case .bitalino(let settings): recorded(lipChannel: settings.lipChannel, placement: settings.placement)
        }
    }

    /// The name and where the lip is, for a board with the lip on one of its channels.
    private func recorded(lipChannel: Int, placement: Placement) -> String {
        "\(name) channel=\(lipChannel) placement=\(placement.label)"
    }

    /// Reads `recorded`; nil for a driver this LipTwitch does not know, or settings it
    /// cannot read.
    public init?(recorded: String) {
        let words = recorded.split(separator: " ")
        guard let first = words.first, let driver = SensorDriver(name: String(first)) else { return nil }
        var settings: [String: String] = [:]
        for word in words.dropFirst() {
            let parts = word.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            settings[String(parts[0])] = String(parts[1])
        }
        let placement = Placement.allCases.first { $0.label == settings["placement"] ?? "unspecified" }
        let channel = settings["channel"].flatMap { Int($0) }
        switch driver {
        case .liptwitch:
            self = driver
        case .openBCICyton:
            guard let channel, CytonSettings.channels.contains(channel), let placement else { return nil }
            self = .openBCICyton(CytonSettings(lipChannel: channel, placement: placement))
        case .bitalino:
            guard let channel, BITalinoSettings.channels.contains(channel), let placement else { return nil }
            self = .bitalino(BITalinoSettings(lipChannel: channel, placement: placement))
        }
    }
}
