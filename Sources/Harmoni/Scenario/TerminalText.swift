/// Text from a scenario made safe for a terminal, and short enough to read.
///
/// A scenario file is data someone may e-mail you: its strings (a source title, a scenario name, a
/// `print`ed text, a file name) must not reach the terminal as control sequences that clear the
/// screen, move the cursor or retitle the window. Terminal output therefore shows every control
/// character other than line break and tab (C0, DEL, C1) as `�`, as the diagnostic renderer does
/// in its excerpts. Messages quote what the user wrote in «…»; a quote longer than
/// ``maximumQuote`` characters (a 10 MB name) is cut in the middle with `…`.
public enum TerminalText {
    /// The longest quoted part of a message shown whole.
    public static let maximumQuote = 120

    /// `text` with control characters other than `\n` and `\t` replaced by `�`, and the
    /// bidirectional and zero-width characters written as `<U+202E>` (``InvisibleText``).
    public static func sanitize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || InvisibleText.isInvisible($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isControl(scalar) ? "\u{FFFD}" : scalar)
        }
        return InvisibleText.escaped(String(scalars))
    }

    /// A message for a diagnostic: sanitized, each «…» part cut to at most ``maximumQuote`` characters.
    public static func message(_ text: String) -> String {
        let clean = sanitize(text)
        guard clean.count > maximumQuote else { return clean }
        var out = ""
        var quote = ""
        var inQuote = false
        for character in clean {
            if inQuote, character == "»" {
                out += shorten(quote) + "»"
                quote = ""
                inQuote = false
            } else if inQuote {
                quote.append(character)
            } else {
                out.append(character)
                if character == "«" { inQuote = true }
            }
        }
        return out + (inQuote ? shorten(quote) : "")
    }

    private static func shorten(_ quote: String) -> String {
        guard quote.count > maximumQuote else { return quote }
        let half = maximumQuote / 2
        return String(quote.prefix(half)) + "…" + String(quote.suffix(half / 2))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\n" || scalar == "\t" { return false }
        return scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
