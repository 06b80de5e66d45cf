extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: Set<Character>) -> SubSequence {
        let start = firstIndex { !set.contains($0) } ?? endIndex
        let end = lastIndex { !set.contains($0) }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
