/// Random programs that follow the grammar (docs/LANGUAGE.md), with random spacing, comments,
/// blank lines and line breaks where the language allows them, extreme numbers and long chains,
/// so most parse cleanly and exercise the formatter; ``mutate(_:)`` then breaks some at the
/// character level. The one generator of the front end: the fuzz harness (`harmoni-fuzz front`)
/// and the tests (`FuzzTests`) both use it, each with its own seeded source of random bits.
public struct ProgramGenerator<Source: RandomNumberGenerator> {
    /// The random bits; the same source state gives the same program.
    public var random: Source

    /// A generator drawing from `random`.
    public init(random: Source) { self.random = random }

    static var numbers: [String] {
        [
            "0", "7", "11", "2019", "12345", "2 990", "1 234 567", "1 408,43", "2,50", "0,5", "3,1", "12 345,5",
            "92233720368547758", "999 999 999 999", "0,000001", "10000000000000",
        ]
    }
    static var units: [String] {
        ["", "", "", " kr", " kr/mnd", " %", "%", " G", " m³", " m3/år", " tkr", " kr/l/år", " kr/år", " timer/uke", " år"]
    }
    static var names: [String] { ["a", "asker", "sfo", "plass_5d", "løs", "Ærlig", "_x", "value", "to", "lowest", "barnehage"] }
    static var operators: [String] { [" + ", " - ", " * ", " / ", "+", "-", " < ", " <= ", " == ", " != ", " >= ", " > "] }
    /// What ``mutate(_:)`` inserts: brackets, quotes, breaks, a combining mark, bidirectional
    /// and zero-width characters, NUL.
    static var scalars: [Unicode.Scalar] {
        ["(", ")", "[", "]", "{", "}", "\"", "#", "\n", " ", ".", ",", "=", "-", "\u{0308}", "\u{202E}", "\u{200B}", "ø", "\u{0}"]
    }

    mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }

    mutating func space() -> String { chance(4) ? pick(["", "  ", "\t"]) : " " }

    /// A line break inside brackets, sometimes after a comment.
    mutating func bracketBreak() -> String {
        guard chance(4) else { return "" }
        return (chance(2) ? "  # " + pick(Self.names) : "") + "\n" + pick(["", "  ", "    "])
    }

    /// A number with a unit, a date, a string or a path.
    public mutating func literal() -> String {
        switch random.next() % 6 {
        case 0, 1: return pick(Self.numbers) + pick(Self.units)
        case 2: return pick(["2019-01-01", "2019-07-31", "2020-02-29"])
        case 3: return pick(["\"tekst\"", "\"a \\\"b\\\" \\\\ \\n\\t\"", "\"#ikke\"", "\"\""])
        default:
            var path = pick(Self.names)
            for _ in 0..<Int(random.next() % 3) { path += "." + pick(Self.names) }
            return path + (chance(5) ? ".*" : "")
        }
    }

    /// An expression up to `depth` levels deep; `top` allows a range.
    public mutating func expression(_ depth: Int, top: Bool = true) -> String {
        if top, chance(6) {
            let from = chance(4) ? "" : operand(depth)
            let to = from.isEmpty || chance(2) ? operand(depth) : ""
            return from + "..." + to
        }
        var out = operand(depth)
        for _ in 0..<Int(random.next() % 3) where depth > 0 {
            let op = pick(Self.operators)
            out += op + (chance(5) ? "\n  " : "") + operand(depth - 1)
            if op.contains("<") || op.contains(">") || op.contains("=") { break }
        }
        // Now and then a long flat chain, up to past the limit of terms.
        if top, chance(40) { out += String(repeating: " + 1", count: below(600)) }
        return out
    }

    mutating func operand(_ depth: Int) -> String {
        guard depth > 0 else { return literal() }
        switch random.next() % 8 {
        case 0: return "-" + operand(depth - 1)
        case 1: return "(" + bracketBreak() + expression(depth - 1) + bracketBreak() + ")"
        case 2, 3: return "\(pick(["lowest", "f", "weighted", "mean", "round", "min", "max"]))(" + items(depth) + ")"
        case 4: return "[" + items(depth) + "]"
        default: return literal()
        }
    }

    mutating func items(_ depth: Int) -> String {
        let count = Int(random.next() % 4)
        return (0..<count).map { _ in bracketBreak() + expression(depth - 1) }.joined(separator: "," + (chance(3) ? " " : "\n "))
            + bracketBreak()
    }

    mutating func comment() -> String { chance(3) ? space() + "#" + pick(["", " c", "  indented", " æøå # x"]) : "" }

    /// A binding, a command (with words, `=` and numbers side by side) or a block.
    public mutating func statement() -> String {
        switch random.next() % 6 {
        case 0: return "let" + " " + pick(Self.names) + space() + "=" + space() + expression(3) + comment()
        case 1, 2:
            // A word starting with `-` or `...` would continue the word before it.
            let words = (0..<Int(random.next() % 4)).map { _ in chance(5) ? "=" : expression(2) }.map { word in
                word.hasPrefix("-") || word.hasPrefix("...") ? "(" + word + ")" : word
            }
            return pick(["show", "harmonise", "set", "period", "print", "if"]) + words.map { " " + $0 }.joined() + comment()
        default:
            var out = pick(["fee", "rule", "source", "household"]) + " " + pick(Self.names) + "." + pick(Self.names) + space() + "{" + comment() + "\n"
            for _ in 0..<Int(random.next() % 5) {
                if chance(4) { out += "\n" }
                if chance(4) { out += "  #" + pick(["", " about"]) + "\n" }
                out += "  " + pick(Self.names) + space() + "=" + space() + expression(2) + comment() + "\n"
            }
            if chance(4) { out += "  # closing\n" }
            return out + "}" + comment()
        }
    }

    /// A program of one to five statements, with comments and blank lines between them.
    public mutating func program() -> String {
        var out = chance(3) ? "# header\n" : ""
        for _ in 0..<(1 + Int(random.next() % 5)) {
            if chance(3) { out += "\n" }
            if chance(4) { out += "# " + pick(Self.names) + "\n" }
            out += statement() + (chance(8) ? "\r\n" : "\n")
        }
        return out + (chance(4) ? "# trailing\n" : "")
    }

    /// `text` with one to four characters or runs deleted, inserted (from ``scalars``) or duplicated.
    public mutating func mutate(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<(1 + below(4)) where !scalars.isEmpty {
            let at = below(scalars.count)
            switch below(3) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert(pick(Self.scalars), at: at)
            default: scalars.insert(contentsOf: scalars[at..<min(scalars.count, at + below(20))], at: at)
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
