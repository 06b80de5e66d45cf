@testable import LipTwitchDetector

extension EMGConditioner {
    /// Filters one sample (a block of one): the filter tests follow a signal sample by
    /// sample.
    mutating func process(_ x: Double) -> Output {
        var block = [x]
        var strength: [Double] = []
        var slow: [Double] = []
        process(&block, strength: &strength, slow: &slow)
        return Output(emg: block[0], strength: strength[0], slow: slow[0])
    }
}
