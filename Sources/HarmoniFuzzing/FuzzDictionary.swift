import Harmoni

/// A libFuzzer dictionary (`-dict=`) of the language's words, so mutations splice whole words
/// instead of finding them byte by byte: every spelling of ``Vocabulary`` (Norwegian and
/// English), every unit spelling, and the operators and punctuation of the grammar.
public enum FuzzDictionary {
    /// The entries, deduplicated and sorted.
    public static var words: [String] {
        var words = Set(Vocabulary.aliases.keys).union(Vocabulary.aliases.values)
        words.formUnion(Unit.spellings.map(\.text))
        words.formUnion(["...", ".*", "==", "!=", "<=", ">=", "{", "}", "(", ")", "[", "]", ", ", "#", "\"", "\r\n"])
        words.formUnion(["2 990", "1 408,43", "92233720368547758", "2019-01-01", "3,1 %", "kr/mnd"])
        return words.sorted()
    }

    /// The dictionary file's text: one `"…"` entry a line, with `\\`, `\"` and every byte outside
    /// printable ASCII written `\xNN` (the form libFuzzer's parser reads).
    public static var text: String {
        words.map { word in
            var entry = "\""
            for byte in word.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): entry += "\\\\"
                case UInt8(ascii: "\""): entry += "\\\""
                case 0x20..<0x7F: entry.unicodeScalars.append(Unicode.Scalar(byte))
                default: entry += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
                }
            }
            return entry + "\""
        }.joined(separator: "\n") + "\n"
    }
}
