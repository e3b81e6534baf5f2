import Foundation
import Testing

@testable import Harmoni
import HarmoniFuzzing

/// Runs one input through everything that reads text (HarmoniFuzzing's
/// ``FuzzChecks/frontEnd(_:loaderBase:)``, the check `harmoni-fuzz front` and the libFuzzer
/// harness run too). Returns a description of the first broken promise, or `nil`.
func checkInput(_ text: String, loaderBase: [(file: SourceFile, unit: SourceUnit)] = []) -> String? {
    FuzzChecks.frontEnd(text, loaderBase: loaderBase)
}

/// Records a broken promise with the seed and the input, shortened.
func recordFailure(_ problem: String, input: String, seed: UInt64, iteration: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    let shown = input.count > 400 ? String(input.prefix(400)) + "…" : input
    Issue.record(
        "seed \(seed), iteration \(iteration): \(problem)\n--- input (Swift literal):\n\(shown.debugDescription)",
        sourceLocation: sourceLocation)
}

@Suite("Fuzzing the language front end and the loader")
struct FuzzTests {
    static let vocabulary: [String] = [
        "fee", "rule", "let", "show", "harmonise", "set", "dataset", "municipality", "source", "population", "asker",
        "sfo", "plass_5d", "løs", "Ærlig", "_x", "value", "valid", "status", "published", "estimated", "method", "vat",
        "none", "yes", "2 990 kr", "1 234,50 kr", "3,1 %", "3,1%", "2,5 G", "150 m³", "15,66 kr/m3", "2 990 kr/mnd",
        "11", "2019", "0", "12", "345", "1 234 567", "999 999 999 999 999 999", "12345678901234567890", "2,505",
        "2.990,5", "2019-01-01", "2019-02-30", "2019-07-31", "...", ".", ",", ", ", "=", "==", "!=", "<", "<=", ">",
        ">=", "+", "-", "*", "/", "(", ")", "[", "]", "{", "}", "\"tekst\"", "\"", "\"a\\\"b\"", "\"\\q\"", "# kommentar",
        "#", "\n", "\n", "\n", "\r\n", " ", " ", " ", "\t", "\u{A0}", "!", ";", "€", "\u{0}", "\u{7}", "\u{FEFF}",
        "e\u{301}", "👩‍👩‍👧", "kr/uke", "timer/uke", "m3/år", "*", ".*", "lowest(", "weighted(sfo.*, 2020...2023)",
    ]

    @Test("Thousands of random inputs: generated programs, token soup, random characters and mutated blocks never crash, and the formatter keeps its promises")
    func randomInputs() throws {
        let seed = SplitMix64.seed(default: 0x4841_524D_4F4E_4932)
        print("FuzzTests.randomInputs seed: \(seed) (replay with HARMONI_SEED=\(seed))")
        var random = SplitMix64(seed: seed)
        var generator = ProgramGenerator(random: SplitMix64(seed: seed &+ 1))
        let base = MiniDataset.base
        let baseFile = SourceFile(name: "base.harmoni", text: base)
        let loaderBase = [(file: baseFile, unit: Parser.parse(baseFile).unit)]
        var failures = 0
        var cleanInputs = 0
        let iterations = 5_000
        for iteration in 0..<iterations {
            let input: String
            switch iteration % 5 {
            case 0, 1: input = generator.program()
            case 2: input = Self.tokenSoup(&random)
            case 3: input = Self.randomCharacters(&random)
            default: input = Self.mutatedBlock(&random)
            }
            if Parser.parse(SourceFile(name: "f", text: input)).diagnostics.isEmpty { cleanInputs += 1 }
            if let problem = checkInput(input, loaderBase: loaderBase) {
                recordFailure(problem, input: input, seed: seed, iteration: iteration)
                failures += 1
                if failures >= 5 { break }
            }
        }
        print("FuzzTests.randomInputs: \(iterations) inputs, \(cleanInputs) parsed without errors")
        #expect(cleanInputs > iterations / 3, "too few inputs parse cleanly for the formatter checks to mean much")
    }

    @Test("Every shipped file survives hundreds of random deletions, duplications and swaps", arguments: shippedFileNames)
    func mutatedShippedFiles(name: String) throws {
        let seed = SplitMix64.seed(default: 0x4841_524D_4F4E_4933) ^ UInt64(name.utf8.count)
        print("FuzzTests.mutatedShippedFiles(\(name)) seed: \(seed)")
        var random = SplitMix64(seed: seed)
        let original = try FileAccess.readSource(Fixtures.datasetsFolder + "/" + name).get().text
        let lines = original.components(separatedBy: "\n")
        for iteration in 0..<150 {
            // A window of the file keeps each iteration fast; the edits land anywhere in it.
            let start = Int(random.next() % UInt64(max(1, lines.count - 60)))
            var scalars = Array(lines[start..<min(lines.count, start + 60)].joined(separator: "\n").unicodeScalars)
            for _ in 0..<(1 + Int(random.next() % 4)) { Self.mutate(&scalars, &random) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if let problem = checkInput(text) {
                recordFailure(problem, input: text, seed: seed, iteration: iteration)
                return
            }
        }
    }

    // MARK: - Generators

    static func tokenSoup(_ random: inout SplitMix64) -> String {
        (0..<(1 + Int(random.next() % 40))).map { _ in vocabulary.pick(&random) }.joined(separator: random.next() % 3 == 0 ? "" : " ")
    }

    static func randomCharacters(_ random: inout SplitMix64) -> String {
        let alphabet = Array("abcæøå_ 0123456789,.;:-+*/=<>!()[]{}\"\\#\n\t\r%³²€\u{0}\u{1B}\u{A0}\u{FEFF}\u{301}")
        let bytes = (0..<Int(random.next() % 80)).map { _ in random.next() % 8 == 0 ? UInt8(truncatingIfNeeded: random.next()) : nil }
        var out = ""
        for byte in bytes {
            if let byte { out += String(decoding: [byte], as: UTF8.self) } else { out.append(alphabet.pick(&random)) }
        }
        return out
    }

    static func mutatedBlock(_ random: inout SplitMix64) -> String {
        var scalars = Array(MiniDataset.fee([:]).unicodeScalars)
        for _ in 0..<(1 + Int(random.next() % 3)) { mutate(&scalars, &random) }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Deletes, duplicates, swaps or replaces a character or a short run.
    static func mutate(_ scalars: inout [Unicode.Scalar], _ random: inout SplitMix64) {
        guard !scalars.isEmpty else { return }
        let i = Int(random.next() % UInt64(scalars.count))
        let length = min(scalars.count - i, 1 + Int(random.next() % 6))
        switch random.next() % 5 {
        case 0: scalars.removeSubrange(i..<(i + length))
        case 1: scalars.insert(contentsOf: scalars[i..<(i + length)], at: i)
        case 2:
            let j = Int(random.next() % UInt64(scalars.count))
            scalars.swapAt(i, j)
        case 3: scalars[i] = Array("{}()[]\",.=#\n 0-".unicodeScalars).pick(&random)
        default: scalars.insert(contentsOf: vocabulary.pick(&random).unicodeScalars, at: i)
        }
    }
}
