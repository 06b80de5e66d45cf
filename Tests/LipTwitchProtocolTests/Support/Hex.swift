/// The hex spelling of bytes the vectors and `lt-crosscheck` use: lowercase pairs
/// separated by single spaces.
enum Hex {
    static func format(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }

    /// The bytes of `text`, or nil when a token is not a two-digit hex byte.
    static func parse(_ text: some StringProtocol) -> [UInt8]? {
        var bytes: [UInt8] = []
        for token in text.split(separator: " ") {
            guard token.count == 2, let byte = UInt8(token, radix: 16) else { return nil }
            bytes.append(byte)
        }
        return bytes
    }
}
