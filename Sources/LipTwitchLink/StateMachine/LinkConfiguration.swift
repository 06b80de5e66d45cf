import LipTwitchDrivers
import LipTwitchProtocol

/// The driver, line rates, timeouts, retries and backoff of a link. The defaults are
/// PROTOCOL.md section 8's, and the driver's where its board differs.
public struct LinkConfiguration: Sendable, Equatable {
    /// The board's driver: how commands are written, what the bytes mean.
    public let driver: SensorDriver
    /// The driver's traits, as the state machine follows them.
    public let traits: DriverTraits
    /// The sample rate to ask for with SET_RATE when the sensor samples at another; nil
    /// keeps the sensor's own rate.
    public var sampleRateHz: UInt16?
    /// The line rates (baud) to find the sensor at, tried in this order until one gets an
    /// IDENTITY; the one that answered is tried first the next time. One rate: no probing.
    public var lineRates: [Int]
    /// STOP → ACK during the handshake; on timeout the handshake carries on.
    public var stopAckTimeout: Duration = .milliseconds(200)
    /// IDENTIFY → IDENTITY: the driver's.
    public var identifyTimeout: Duration
    /// At the first line rate after the port opens, IDENTIFY is retried for at least this
    /// long: opening an Arduino's port resets the board (DTR), and its bootloader holds the
    /// line for a second or two before the firmware runs.
    public var bootWindow: Duration = .milliseconds(2500)
    /// SET_RATE → ACK and START → ACK.
    public var commandTimeout: Duration = .milliseconds(200)
    /// ACK(START) → first SAMPLES, at least; a sensor whose batches take longer gets two
    /// batch periods.
    public var firstSamplesTimeout: Duration = .milliseconds(100)
    /// How often IDENTIFY, SET_RATE and START are sent before the sensor "does not answer".
    public var commandTries = 3
    /// The host heartbeat while streaming.
    public var pingInterval: Duration = .seconds(1)
    /// No frame at all for this long while streaming is a stall, at least; a sensor with
    /// long batches gets `stallBatchPeriods` of them.
    public var minimumStallTimeout: Duration = .milliseconds(500)
    public var stallBatchPeriods = 4
    /// Reconnect delays: the first, doubled on every failure up to the maximum.
    public var initialBackoff: Duration = .milliseconds(250)
    public var maximumBackoff: Duration = .seconds(5)
    /// A stream that lasted this long was healthy: the next reconnect starts from the
    /// first delay again.
    public var healthyStreamDuration: Duration = .seconds(5)
    /// On stop: STOP → ACK before the port is closed anyway.
    public var shutdownAckTimeout: Duration = .milliseconds(200)

    /// `lineRates` must not be empty; nil: the driver's.
    public init(driver: SensorDriver = .liptwitch, sampleRateHz: UInt16? = nil, lineRates: [Int]? = nil) {
        let traits = driver.traits
        precondition(lineRates?.isEmpty != true, "a link needs a line rate")
        self.driver = driver
        self.traits = traits
        self.sampleRateHz = sampleRateHz
        self.lineRates = lineRates ?? traits.lineRates
        identifyTimeout = traits.identifyTimeout
    }
}
