@testable import LipTwitchDetector

extension EMGConditioner {
    /// Filters one sample (a block of one): the filter tests follow a signal sample by
    /// sample.
    mutating func process(_ x: Double) -> (emg: Double, slow: Double) {
        var block = [x]
        var slow: [Double] = []
        process(&block, slow: &slow)
        return (block[0], slow[0])
    }
}
