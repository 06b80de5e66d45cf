/// The boards LipTwitch can talk to, one case per driver: the link asks the case for its
/// table (`DriverTable`) and knows nothing else of the board. Adding a driver is a folder
/// beside `OpenBCICyton/` and `BITalino/` and a case here (docs/DEVICES.md, "Adding a driver").
public enum SensorDriver: Sendable, Hashable {
    /// LipTwitch's own protocol (PROTOCOL.md): the firmware in `Firmware-Protocol/` and the
    /// simulated sensor.
    case liptwitch
    /// An OpenBCI Cyton through its USB dongle, the lip on one of its eight channels.
    case openBCICyton(CytonSettings)
    /// A BITalino (r)evolution over Bluetooth or USB, the lip's EMG sensor on one of its
    /// analog inputs.
    case bitalino(BITalinoSettings)

    /// The families of boards, by the name `--driver` takes.
    public enum Family: String, Sendable, CaseIterable {
        case liptwitch
        case openBCICyton = "openbci-cyton"
        case bitalino

        /// The board, as a sentence names it: "a LipTwitch sensor", "an OpenBCI Cyton".
        public var boardName: String {
            switch self {
            case .liptwitch: "a LipTwitch sensor"
            case .openBCICyton: "an OpenBCI Cyton"
            case .bitalino: "a BITalino (r)evolution"
            }
        }

        /// The channels the lip may be on (`--lip-channel`) and what the board calls them;
        /// nil for a board that has one lip input.
        public var lipChannels: (range: ClosedRange<Int>, names: String)? {
            switch self {
            case .liptwitch: nil
            case .openBCICyton: (CytonSettings.channels, "the Cyton's N1P to N8P")
            case .bitalino: (BITalinoSettings.channels, "the BITalino's A1 to A6")
            }
        }

        /// What it is, in one line.
        public var summary: String {
            switch self {
            case .liptwitch: "LipTwitch's own sensor (Firmware-Protocol/, or liptwitch simulate)"
            case .openBCICyton: "an OpenBCI Cyton through its USB dongle (115200 baud, 250 Hz)"
            case .bitalino: "a BITalino (r)evolution over Bluetooth or USB (115200 baud, 1000 Hz)"
            }
        }
    }

    /// The family's driver with its default settings, the lip on `lipChannel` (within the
    /// family's `lipChannels`) if given.
    public init(family: Family, lipChannel: Int? = nil) {
        switch family {
        case .liptwitch: self = .liptwitch
        case .openBCICyton: self = .openBCICyton(CytonSettings(lipChannel: lipChannel ?? 1))
        case .bitalino: self = .bitalino(BITalinoSettings(lipChannel: lipChannel ?? 1))
        }
    }

    /// The driver called `name` with its default settings; nil for a name no family has.
    public init?(name: String) {
        guard let family = Family(rawValue: name) else { return nil }
        self.init(family: family)
    }

    public var family: Family {
        switch self {
        case .liptwitch: .liptwitch
        case .openBCICyton: .openBCICyton
        case .bitalino: .bitalino
        }
    }

    /// Its name, as `--driver` takes it and captures record it.
    public var name: String { family.rawValue }

    /// What the link needs of it.
    public var table: any DriverTable {
        switch self {
        case .liptwitch: LipTwitchDriver()
        case .openBCICyton(let settings): CytonDriver(settings: settings)
        case .bitalino(let settings): BITalinoDriver(settings: settings)
        }
    }

    /// The board's habits (a shortcut for `table.traits`).
    public var traits: DriverTraits { table.traits }
}
