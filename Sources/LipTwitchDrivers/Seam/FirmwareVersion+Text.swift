import LipTwitchProtocol

extension FirmwareVersion {
    /// The first dotted numbers in a board's text ("Firmware: v3.1.2" is 3.1.2,
    /// "BITalino_v5.1" is 5.1.0); 0.0.0 when there are none.
    init(text: String?) {
        let numbers = (text ?? "").drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." }
            .split(separator: ".").prefix(3).map { UInt8($0) ?? 0 }
        let parts = numbers + Array(repeating: 0, count: 3 - numbers.count)
        self.init(major: parts[0], minor: parts[1], patch: parts[2])
    }
}
