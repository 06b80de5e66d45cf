import LipTwitchSimulator

/// Runs of BITalino frames for the decoder tests, packed as the firmware packs them
/// (`BITalinoFramePacker`, checked against frames worked by hand in
/// `BITalinoStreamDecoderTests`).
enum BITalinoFrames {
    static func frame(_ codes: [Int], sequence: UInt8, digital: UInt8 = 0) -> [UInt8] {
        BITalinoFramePacker.frame(codes, sequence: sequence, digital: digital)
    }

    /// Frames of one channel reading `code`, numbered from `first` on (modulo 16).
    static func frames(_ count: Int, code: Int = 512, from first: Int = 0) -> [UInt8] {
        (0..<count).flatMap { frame([code], sequence: UInt8((first + $0) & 0x0F)) }
    }
}
