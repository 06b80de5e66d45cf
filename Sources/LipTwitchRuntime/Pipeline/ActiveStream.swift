import LipTwitchDetector
import LipTwitchLink
import LipTwitchProtocol

/// The stream a `SensorPipeline` is following: from START's acknowledgement to its end.
struct ActiveStream: Sendable {
    let number: Int
    let identity: DeviceIdentity
    /// Physical units per count, per channel.
    let scales: [Float]
    var levels: LevelMeter
    var timeline = StreamTimeline()
    /// Host and device time just after the last sample so far (nil before the first batch).
    var lastSampleEnd: HostTime?
    var lastDeviceEndMicros: Int64?
    /// The wire index and the unwrapped stream index the next batch should start at.
    var nextWireIndex: UInt32 = 0
    var nextStreamIndex: UInt64 = 0
    var samples: UInt64 = 0
    /// The batch's samples in physical units, sample-major (reused).
    var values: [Float] = []
    /// Their quality, when any is not good (reused).
    var quality: [SampleQuality] = []
    /// Channels with an electrode off the skin, as the last STATUS said.
    var leadOffMask: UInt8 = 0
    /// Set at the first batch when the pipeline detects (nil when the stream cannot be
    /// analysed).
    var detector: StreamDetector?
    var detectorEvents: [DetectorEvent] = []
    /// Set at the first batch when the pipeline calibrates (nil when the stream cannot be
    /// analysed).
    var calibration: StreamCalibration?
    var calibrationEvents: [CalibrationEvent] = []

    init(number: Int, identity: DeviceIdentity, levelInterval: Duration) {
        self.number = number
        self.identity = identity
        scales = identity.channels.map(\.scale)
        levels = LevelMeter(
            channelCount: identity.channelCount, sampleRateHz: Int(identity.sampleRateHz), interval: levelInterval,
            unit: identity.sensorKind.unit)
    }

    var hasSamples: Bool { lastSampleEnd != nil }

    /// The unwrapped stream index of wire index `wireIndex` (a marker's), taken as the
    /// nearest to where the stream is.
    func streamIndex(ofWireIndex wireIndex: UInt32) -> UInt64 {
        UInt64(bitPattern: Int64(bitPattern: nextStreamIndex) + Int64(Int32(bitPattern: wireIndex &- nextWireIndex)))
    }
}
