import Foundation

/// SplitMix64: the same seed gives the same cases on every machine.
struct Random: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// The generator of case `index` of a run with `seed`: each case can be replayed alone.
    static func forCase(_ seed: UInt64, _ index: Int) -> Random {
        var mixer = Random(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        return Random(seed: mixer.next())
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ n: Int) -> Bool { below(n) == 0 }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Grammar-aware text for the front end: programs that follow the grammar (docs/LANGUAGE.md)
/// with random spacing, comments and breaks, then sometimes mutated at the character level.
struct ProgramGenerator {
    var random: Random

    static let numbers = [
        "0", "7", "2019", "12345", "2 990", "1 234 567", "1 408,43", "2,50", "0,5", "92233720368547758",
        "999 999 999 999", "0,000001", "10000000000000",
    ]
    static let units = ["", "", " kr", " kr/mnd", " %", " G", " m³", " tkr", " kr/år", " timer/uke", " år"]
    static let names = ["a", "asker", "sfo", "plass_5d", "løs", "Ærlig", "_x", "to", "lowest", "barnehage"]
    static let operators = [" + ", " - ", " * ", " / ", " < ", " <= ", " == ", " != ", " >= ", " > "]
    static let scalars: [Unicode.Scalar] = ["(", ")", "[", "]", "{", "}", "\"", "#", "\n", " ", ".", ",", "=", "-", "\u{0308}", "\u{202E}", "\u{200B}", "ø", "\u{0}"]

    mutating func literal() -> String {
        switch random.below(6) {
        case 0, 1: return random.pick(Self.numbers) + random.pick(Self.units)
        case 2: return random.pick(["2019-01-01", "2020-02-29", "2019-13-01"])
        case 3: return random.pick(["\"tekst\"", "\"a \\\"b\\\" \\\\ \\n\"", "\"#ikke\"", "\"\""])
        default:
            var path = random.pick(Self.names)
            for _ in 0..<random.below(3) { path += "." + random.pick(Self.names) }
            return path + (random.chance(5) ? ".*" : "")
        }
    }

    mutating func expression(_ depth: Int) -> String {
        var out = operand(depth)
        for _ in 0..<random.below(depth > 0 ? 4 : 1) { out += random.pick(Self.operators) + operand(depth - 1) }
        if random.chance(40) { out += String(repeating: " + 1", count: random.below(600)) }
        return out
    }

    mutating func operand(_ depth: Int) -> String {
        guard depth > 0 else { return literal() }
        switch random.below(7) {
        case 0: return "(" + expression(depth - 1) + ")"
        case 1: return "-" + operand(depth - 1)
        case 2: return random.pick(["lowest", "mean", "round", "min", "max", "weighted"]) + "(" + expression(depth - 1) + (random.chance(2) ? ", " + expression(depth - 1) : "") + ")"
        case 3: return "[" + expression(depth - 1) + ", " + expression(depth - 1) + "]"
        default: return literal()
        }
    }

    mutating func statement() -> String {
        let e = expression(3)
        switch random.below(8) {
        case 0: return "let " + random.pick(Self.names) + " = " + e
        case 1: return "print " + e
        case 2: return "# " + random.pick(Self.names)
        case 3: return "fee asker.sfo." + random.pick(Self.names) + " {\n  value = " + literal() + "\n  vat = incl\n}"
        case 4: return "harmonise sfo.* to " + random.pick(["lowest", "mean", literal()]) + (random.chance(2) ? " round 1 kr" : "")
        case 5: return "show diff " + random.pick(["sfo", "barnehage", "oppvekst"])
        case 6: return "set sfo.plass_5d = " + literal()
        default: return "if " + e
        }
    }

    mutating func program() -> String {
        var lines: [String] = []
        for _ in 0..<(1 + random.below(8)) { lines.append(statement()) }
        var text = lines.joined(separator: random.chance(4) ? "\n\n" : "\n") + "\n"
        if random.chance(3) {
            var scalars = Array(text.unicodeScalars)
            for _ in 0..<(1 + random.below(4)) where !scalars.isEmpty {
                let at = random.below(scalars.count)
                switch random.below(3) {
                case 0: scalars.remove(at: at)
                case 1: scalars.insert(random.pick(Self.scalars), at: at)
                default: scalars.insert(contentsOf: scalars[at..<min(scalars.count, at + random.below(20))], at: at)
                }
            }
            text = String(String.UnicodeScalarView(scalars))
        }
        return text
    }
}

/// Plausible scenarios for the statement runner, with extreme numbers, long periods and
/// compounded settings: what found the simulator's overflows.
struct ScenarioGenerator {
    var random: Random

    static let groups = ["sfo", "barnehage", "renovasjon", "oppvekst", "vann", "avlop", "kulturskole"]
    static let amounts = [
        "0 kr/mnd", "1 kr/mnd", "2 990 kr/mnd", "-1 kr/mnd", "92233720368547758 kr/mnd", "999 999 999 kr/mnd",
        "0,01 kr/mnd", "10 000 kr/år", "3 000 kr/mnd",
    ]
    static let rates = ["0 %", "1,37 %", "3,1 %", "-5 %", "100 %", "10000000 %", "0,0001 %", "-100 %"]

    mutating func scenario() -> String {
        var lines: [String] = []
        let start = 2020
        let end = start + random.pick([0, 1, 3, 7, 9, 10, 20, 40])
        lines.append("period \(start)...\(end)")
        if random.chance(2) { lines.append("growth all = " + random.pick(Self.rates)) }
        if random.chance(3) { lines.append("growth barnehage = population age_1_5") }
        if random.chance(2) {
            for year in stride(from: start + 1, through: end, by: 1) where random.chance(2) {
                lines.append("deflator \(year) = " + random.pick(["2,8 %", "3,1 %", "100 %", "0 %"]))
            }
        }
        for _ in 0..<(1 + random.below(4)) {
            let group = random.pick(Self.groups)
            switch random.below(5) {
            case 0: lines.append("harmonise \(group).* to " + random.pick(["lowest", "highest", "mean", "weighted"]))
            case 1: lines.append("harmonise \(group).* by " + random.pick(Self.rates))
            case 2: lines.append("set \(group).* = " + random.pick(Self.amounts) + (random.chance(3) ? " over \(start)...\(end)" : ""))
            case 3: lines.append("harmonise \(group).* to " + random.pick(Self.amounts) + (random.chance(2) ? " round 1 kr" : ""))
            default: lines.append("baseline volume \(group).* = " + random.pick(["0", "1", "999 999 999 999", "-1"]))
            }
        }
        let nominal = random.chance(2) ? " nominal" : ""
        for _ in 0..<(1 + random.below(3)) {
            lines.append(
                random.pick([
                    "show budget\(nominal)", "show impact\(nominal)", "show impact by area", "show households in \(end)\(nominal)",
                    "show diff sfo", "print 10000000000000 kr / 1 kr", "print (92233720368547758 kr / 1 kr) > 1 %",
                    "print 100000000000000 G", "show decisions",
                ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
