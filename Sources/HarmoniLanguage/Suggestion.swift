/// «Mente du …?»: the known word closest to a mistyped one, by edit distance.
///
/// Used by every message about an unknown word (statement, object, service, line, municipality,
/// session command), so a typo is answered with the word that was probably meant.
public enum Suggestion {
    /// The Levenshtein distance between `a` and `b` (insertions, deletions and substitutions of
    /// characters, each 1), ignoring case.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Words longer than this get no suggestion.
    public static let maximumLength = 64

    /// The most distance a suggestion may have for a word of this length: 1 up to 4 characters,
    /// 2 up to 8, else 3.
    public static func tolerance(_ word: String) -> Int { word.count <= 4 ? 1 : word.count <= 8 ? 2 : 3 }

    /// The candidate closest to `word` within ``tolerance(_:)``, or `nil`; on a tie the first in
    /// `candidates`' order. `word` itself is never suggested.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        // A name longer than any word of the language gets no suggestion: the distance costs
        // length × length, and a hostile file may hold a 10 MB name.
        guard word.count <= maximumLength else { return nil }
        var best: (word: String, distance: Int)?
        for candidate in candidates where candidate != word && abs(candidate.count - word.count) <= tolerance(word) {
            let d = distance(word, candidate)
            if d <= tolerance(word), d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.word
    }

    /// `; mente du asker?` / `; did you mean asker?`, or empty texts when there is no suggestion.
    public static func phrase(_ suggestion: String?) -> (nb: String, en: String) {
        guard let suggestion else { return ("", "") }
        return ("; mente du \(suggestion)?", "; did you mean \(suggestion)?")
    }

    /// ``phrase(_:)`` for the closest candidate.
    public static func phrase(for word: String, in candidates: some Sequence<String>) -> (nb: String, en: String) {
        phrase(closest(to: word, in: candidates))
    }
}
