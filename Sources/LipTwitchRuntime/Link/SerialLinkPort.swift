import LipTwitchLink
import LipTwitchSystem

/// A live link's port: the serial port the link's actions open, write and close.
struct SerialLinkPort: LinkPort {
    private(set) var serial: SerialPort?

    mutating func open(path: String, lineRate: Int) -> OpenFailure? {
        do {
            serial = try SerialPort(path: path, baudRate: lineRate)
            return nil
        } catch {
            return OpenFailure(error.kind.openFailureKind, message: error.description)
        }
    }

    func setLineRate(_ lineRate: Int) -> String? {
        do {
            try serial?.setLineRate(lineRate)
            return nil
        } catch {
            return error.description
        }
    }

    func write(_ bytes: [UInt8]) -> String? {
        do {
            try serial?.write(bytes)
            return nil
        } catch {
            return error.detail
        }
    }

    func flushInput() {
        serial?.flushInput()
    }

    mutating func close() {
        serial?.close()
        serial = nil
    }
}

extension SerialPortError.Kind {
    /// The link's name for this kind of failure.
    var openFailureKind: OpenFailure.Kind {
        switch self {
        case .missing: .missing
        case .permissionDenied: .permissionDenied
        case .busy: .busy
        case .notASerialPort: .notASerialPort
        case .unsupportedBaudRate, .other: .other
        }
    }
}
