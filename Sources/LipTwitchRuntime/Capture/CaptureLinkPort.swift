import LipTwitchLink

/// A replayed link's port: the capture. An open succeeds while a recorded open is being
/// handled (`openRecorded`) and fails as "missing" at any other time; what the link
/// writes goes nowhere (the capture holds the sensor's answers).
struct CaptureLinkPort: LinkPort {
    var openRecorded = false

    func open(path: String, lineRate: Int) -> OpenFailure? {
        openRecorded ? nil : OpenFailure(.missing, message: "no sensor at \(path) (the capture shows no open here)")
    }

    func setLineRate(_ lineRate: Int) -> String? { nil }
    func write(_ bytes: [UInt8]) -> String? { nil }
    func flushInput() {}
    func close() {}
}
