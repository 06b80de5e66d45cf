/// Numbers written as plain decimals with a fixed number of digits after the point
/// (`-12.345`), straight into a byte buffer: what a CSV of millions of samples needs, at a
/// fraction of the cost of `String(describing:)`.
enum FixedPointText {
    private static let powersOfTen: [Double] = (0...9).map { power in
        (0..<power).reduce(1.0) { value, _ in value * 10 }
    }

    /// Appends `value` rounded to `decimals` (0 to 9) digits after the point.
    static func append(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        let scaled = (abs(value) * powersOfTen[decimals]).rounded()
        guard scaled.isFinite, scaled < 9e18 else {
            bytes.append(contentsOf: "nan".utf8)
            return
        }
        var digits = UInt64(scaled)
        if value < 0, digits > 0 { bytes.append(UInt8(ascii: "-")) }
        var text: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                   UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &text) { buffer in
            var position = buffer.count
            var written = 0
            repeat {
                if written == decimals, decimals > 0 {
                    position -= 1
                    buffer[position] = UInt8(ascii: ".")
                }
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(digits % 10)
                digits /= 10
                written += 1
            } while digits > 0 || written <= decimals
            bytes.append(contentsOf: buffer[position...])
        }
    }
}
