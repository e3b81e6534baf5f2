/// `;` between statements on the command line (`harmoni -e 'harmonise sfo.* to lowest; show budget'`).
enum StatementSeparator {
    /// `text` with every `;` outside a string and outside a comment made a line break, so each
    /// part is its own statement. Columns stay where they were (one character for one).
    static func lines(_ text: String) -> String {
        var out = ""
        var quoted = false
        var comment = false
        var escaped = false
        for character in text {
            switch character {
            case "\n":
                comment = false
                out.append(character)
            case "\"" where !comment && !escaped:
                quoted.toggle()
                out.append(character)
            case "#" where !quoted:
                comment = true
                out.append(character)
            case ";" where !quoted && !comment: out.append("\n")
            default: out.append(character)
            }
            escaped = quoted && character == "\\" && !escaped
        }
        return out
    }
}
