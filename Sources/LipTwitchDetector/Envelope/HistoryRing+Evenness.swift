extension HistoryRing where Element == Double {
    /// True when at least `quarters` of the four quarters of the newest `window` values
    /// each hold at least `evenness` times the window's mean of `measure` (of each value).
    /// A tremor goes on for seconds and fills its window; a single twitch, or a quick nod
    /// repeated a few times, fills only part of it.
    func isEven(window: Int, evenness: Double, quarters: Int = 4, measure: (Double) -> Double = { $0 }) -> Bool {
        let length = window / 4
        var sums = SIMD4<Double>.zero
        for part in 0..<4 {
            for age in (part * length)..<((part + 1) * length) { sums[part] += measure(self[age: age]) }
        }
        let least = evenness * sums.sum() / 4
        var full = 0
        for part in 0..<4 where sums[part] >= least { full += 1 }
        return full >= quarters
    }
}
