/// A row of block characters, one per value, scaled to the largest: `▁▂▅█▃`.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// A blank for nil (not measured), `▁` for zero.
    public static func line(_ values: [Double?]) -> String {
        let top = values.compactMap { $0 }.max() ?? 0
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard top > 0 else { return blocks[0] }
            return blocks[min(blocks.count - 1, Int((value / top * Double(blocks.count - 1)).rounded()))]
        })
    }
}
