import Foundation

/// A small seeded random generator (SplitMix64): the same seed gives the same sequence on every
/// machine, so a failing randomised test can be replayed from the seed it prints.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The seed to use: `HARMONI_SEED` if set (to replay a failure), else a fixed default.
    static func seed(default value: UInt64) -> UInt64 {
        if let text = ProcessInfo.processInfo.environment["HARMONI_SEED"], let seed = UInt64(text) { return seed }
        return value
    }
}

extension Array {
    /// A random element (the array must not be empty).
    func pick(_ random: inout SplitMix64) -> Element {
        self[Int(random.next() % UInt64(count))]
    }
}

/// Generates random programs that follow the grammar (docs/LANGUAGE.md), with random spacing,
/// comments, blank lines and line breaks where the language allows them, so most parse cleanly
/// and exercise the formatter.
struct ProgramGenerator {
    var random: SplitMix64

    static let numbers = [
        "0", "7", "11", "2019", "12345", "2 990", "1 234 567", "1 408,43", "2,50", "0,5", "3,1", "12 345,5",
    ]
    static let units = [
        "", "", "", " kr", " kr/mnd", " %", "%", " G", " m³", " m3/år", " tkr", " kr/l/år", " timer/uke", " år",
    ]
    static let names = ["a", "asker", "sfo", "plass_5d", "løs", "Ærlig", "_x", "value", "to", "lowest"]
    static let operators = [" + ", " - ", " * ", " / ", "+", "-", " < ", " <= ", " == ", " != ", " >= ", " > "]

    mutating func pick(_ items: [String]) -> String { items.pick(&random) }
    mutating func chance(_ n: UInt64) -> Bool { random.next() % n == 0 }

    mutating func space() -> String { chance(4) ? pick(["", "  ", "\t"]) : " " }

    /// A line break inside brackets, sometimes after a comment.
    mutating func bracketBreak() -> String {
        guard chance(4) else { return "" }
        return (chance(2) ? "  # " + pick(Self.names) : "") + "\n" + pick(["", "  ", "    "])
    }

    mutating func literal() -> String {
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
    mutating func expression(_ depth: Int, top: Bool = true) -> String {
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
        return out
    }

    mutating func operand(_ depth: Int) -> String {
        guard depth > 0 else { return literal() }
        switch random.next() % 8 {
        case 0: return "-" + operand(depth - 1)
        case 1: return "(" + bracketBreak() + expression(depth - 1) + bracketBreak() + ")"
        case 2, 3: return "\(pick(["lowest", "f", "weighted"]))(" + items(depth) + ")"
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

    mutating func statement() -> String {
        switch random.next() % 5 {
        case 0: return "let" + " " + pick(Self.names) + space() + "=" + space() + expression(3) + comment()
        case 1:
            // A word starting with `-` or `...` would continue the word before it.
            let words = (0..<Int(random.next() % 4)).map { _ in chance(5) ? "=" : expression(2) }.map { word in
                word.hasPrefix("-") || word.hasPrefix("...") ? "(" + word + ")" : word
            }
            return pick(["show", "harmonise", "set", "period"]) + words.map { " " + $0 }.joined() + comment()
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

    mutating func program() -> String {
        var out = chance(3) ? "# header\n" : ""
        for _ in 0..<(1 + Int(random.next() % 5)) {
            if chance(3) { out += "\n" }
            if chance(4) { out += "# " + pick(Self.names) + "\n" }
            out += statement() + (chance(8) ? "\r\n" : "\n")
        }
        return out + (chance(4) ? "# trailing\n" : "")
    }
}
