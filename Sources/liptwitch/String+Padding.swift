extension String {
    /// The string padded with spaces to `width` characters, and at least one space after
    /// it: the columns of the tables in `--help` texts.
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(1, width - count))
    }
}
