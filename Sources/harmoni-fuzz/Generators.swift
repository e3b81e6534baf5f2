import Foundation
import Harmoni
import HarmoniFuzzing
import HarmoniModel

/// The harness's random source: the package's one seeded generator (HarmoniModel's
/// ``SeededGenerator``, SplitMix64) with the harness's own modulo draws, so the same seed gives
/// the same cases on every machine, and a recorded `--seed S --case N` replays as before.
struct Random: RandomNumberGenerator {
    private var bits: SeededGenerator

    init(seed: UInt64) { bits = SeededGenerator(seed: seed) }

    mutating func next() -> UInt64 { bits.next() }

    /// The generator of case `index` of a run with `seed`: each case can be replayed alone.
    static func forCase(_ seed: UInt64, _ index: Int) -> Random {
        var mixer = Random(seed: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        return Random(seed: mixer.next())
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func chance(_ n: Int) -> Bool { below(n) == 0 }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
}

/// Case `index` of the front-end target: a generated program (HarmoniFuzzing's
/// ``ProgramGenerator``, the one the tests use too), mutated at the character level one time in three.
func frontCase(seed: UInt64, index: Int) -> String {
    var generator = ProgramGenerator(random: Random.forCase(seed, index))
    let text = generator.program()
    return generator.random.chance(3) ? generator.mutate(text) : text
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
