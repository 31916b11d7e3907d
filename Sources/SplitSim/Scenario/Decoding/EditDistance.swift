/// Suggestions for misspelt keys and values ("did you mean …?").
public enum EditDistance {
    /// The optimal-string-alignment distance between `a` and `b`, ignoring case: insertions,
    /// deletions, substitutions and swaps of adjacent characters each cost one.
    /// - Complexity: O(m·n) time, O(n) space, for strings of m and n characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let source = Array(a.lowercased())
        let target = Array(b.lowercased())
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }
        var beforePrevious = [Int](repeating: 0, count: target.count + 1)
        var previous = Array(0...target.count)
        var row = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            row[0] = i
            for j in 1...target.count {
                let cost = source[i - 1] == target[j - 1] ? 0 : 1
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, source[i - 1] == target[j - 2], source[i - 2] == target[j - 1] {
                    row[j] = min(row[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, row) = (previous, row, beforePrevious)
        }
        return previous[target.count]
    }

    /// The candidate closest to `word`, if it is close enough to be a plausible typo: at most
    /// one edit per three characters (at least one, at most three). Ties go to the earlier candidate.
    /// - Complexity: O(k·m·n) for k candidates.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = distance(word, candidate)
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }
}
