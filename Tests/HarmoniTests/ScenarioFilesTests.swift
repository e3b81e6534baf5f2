import Foundation
import Testing

@testable import Harmoni

@Suite("The shipped scenarios: run, golden output, save → load round trip")
struct ScenarioFilesTests {
    @Test(
        "Each shipped scenario runs through the built executable with no diagnostics and prints its golden output",
        arguments: ScenarioFixtures.names)
    func runsWithGoldenOutput(name: String) throws {
        let result = try Executable.run(["run", ScenarioFixtures.path(name)], in: Fixtures.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        Golden.assertMatches(result.stdout, named: "scenarios/\(name).txt")
    }

    @Test("The flagship scenario prints the comparison summary, the impact by area and the skyggebudsjett")
    func flagship() throws {
        let result = try Executable.run(
            ["run", ScenarioFixtures.path("hp2020-radmannens-prinsipper")], in: Fixtures.root.path)
        for title in [
            "Sammenligning: SFO", "Sammenligning: Vann", "Virkning av vedtakene per tjenesteområde", "Skyggebudsjett",
            "Hvem betaler mer og hvem betaler mindre, 2023",
        ] {
            #expect(result.stdout.contains(title), "missing «\(title)»")
        }
        let sumLine = result.stdout.split(separator: "\n").first { $0.contains("Sum nye Asker (områder med netto grunnlag)") }
        // 2 490 454 before the population; Asker's SFO moderation in Røyken and Hurum costs ≈ 1 002 tkr a year.
        #expect(sumLine?.contains("≈ 2 491 455") == true, "\(sumLine ?? "no sum line")")
        // Since issue 11 the VA decisions have an effect (Lier's rates for Røyken and Hurum), marked ≈;
        // every vann line is harmonised (issue 12), so the decision is not without effect.
        #expect(!result.stdout.contains("Ingen endring: #1 Vann"))
        let vaRow = result.stdout.split(separator: "\n").first {
            $0.hasPrefix("Klima, miljø og tekniske tjenester") && $0.contains("#1 Vann: alle satser flyttes trinnvis til volumvektet snitt over 2020–2023")
        }
        #expect(vaRow?.contains("≈") == true, "\(vaRow ?? "no VA row")")
        // The population (issue 16) gives the SFO moderation its revenue effect, marked ≈.
        #expect(!result.stdout.contains("inntektsvirkningen er ukjent"))
        #expect(result.stdout.contains("inntektsvirkningen er regnet på befolkningen"))
        let oppvekst = result.stdout.split(separator: "\n").first { $0.hasPrefix("Oppvekst, undervisning, kunnskap ") && $0.contains("≈") }
        #expect(oppvekst?.contains("≈ -1 001 555,50 kr") == true, "\(oppvekst ?? "no oppvekst summary row")")
    }

    @Test(
        "Every statement of a shipped scenario that decides or sets something has a comment saying why",
        arguments: ScenarioFixtures.names)
    func everyDecisionIsCommented(name: String) {
        let lines = ScenarioFixtures.text(name).components(separatedBy: "\n")
        let deciding = ["harmonise", "set", "solve", "coverage", "deflator", "period", "growth", "prices", "baseline"]
        var uncommented: [String] = []
        for (index, line) in lines.enumerated() {
            guard let first = line.split(separator: " ").first, deciding.contains(String(first)) else { continue }
            // A comment on the line itself, or a comment block above it (other decisions under the same comment count).
            var above = index - 1
            while above >= 0, let word = lines[above].split(separator: " ").first, deciding.contains(String(word)) {
                above -= 1
            }
            if !line.contains("#"), above < 0 || !lines[above].hasPrefix("#") { uncommented.append(line) }
        }
        #expect(uncommented.isEmpty, "\(name): \(uncommented)")
        #expect(lines.first?.hasPrefix("# ") == true)
    }

    @Test(
        "save → load on every shipped scenario gives the same scenario, ledger and tables, and saving again the same bytes",
        arguments: ScenarioFixtures.names)
    func roundTrip(name: String) {
        let original = ScenarioFixtures.session()
        let first = ScenarioFixtures.run(ScenarioFixtures.text(name), named: ScenarioFixtures.path(name), in: original)
        #expect(!first.hasErrors)
        let saved = ScenarioWriter.text(state: original.state, language: .nb, header: ScenarioFixtures.header)
        let loaded = ScenarioFixtures.session()
        let second = ScenarioFixtures.run(saved, named: "saved.harmoni", in: loaded)
        #expect(!second.hasErrors, "\(second.diagnostics.map(\.message.nb))")
        var left = original.state.scenario
        var right = loaded.state.scenario
        left.hasUnsavedChanges = false
        right.hasUnsavedChanges = false
        #expect(left == right)
        #expect(
            Simulator.run(baseline: original.state.dataset, scenario: left)
                == Simulator.run(baseline: loaded.state.dataset, scenario: right))
        let before = ScenarioFixtures.render(ScenarioFixtures.results, in: original)
        let after = ScenarioFixtures.render(ScenarioFixtures.results, in: loaded)
        #expect(before.errors.isEmpty && after.errors.isEmpty)
        #expect(before.output == after.output)
        #expect(
            ScenarioWriter.text(state: loaded.state, language: .nb, header: ScenarioFixtures.header) == saved,
            "byte for byte")
    }

    @Test(
        "End to end: harmoni run a scenario, save it with the save statement, run the saved file: the same impact and budget",
        arguments: ScenarioFixtures.names)
    func endToEndRoundTrip(name: String) throws {
        let folder = ScenarioFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = Fixtures.root.appendingPathComponent(ScenarioFixtures.path(name)).path
        ScenarioFixtures.write("save \"kopi.harmoni\"\n", folder + "/lagre.harmoni")
        ScenarioFixtures.write("print \"---\"\n" + ScenarioFixtures.results, folder + "/vis.harmoni")
        let saved = try Executable.run(["run", original, "lagre.harmoni"], in: folder)
        #expect(saved.status == 0, "\(saved.stderr)")
        let before = try Executable.run(["run", original, "vis.harmoni"], in: folder)
        let after = try Executable.run(["run", "kopi.harmoni", "vis.harmoni"], in: folder)
        #expect(before.status == 0 && after.status == 0, "\(before.stderr)\(after.stderr)")
        let marker = "\"---\"\n"
        let left = try #require(before.stdout.range(of: marker)).upperBound
        let right = try #require(after.stdout.range(of: marker)).upperBound
        #expect(before.stdout[left...] == after.stdout[right...])
        #expect(before.stdout[left...].contains("Skyggebudsjett"))
    }

    @Test("The saved flagship scenario is canonical: name, settings, decisions, no comments but the header")
    func savedFlagship() {
        let session = ScenarioFixtures.session()
        ScenarioFixtures.run(ScenarioFixtures.text("hp2020-radmannens-prinsipper"), named: "hp.harmoni", in: session)
        let saved = ScenarioWriter.text(state: session.state, language: .nb, header: ScenarioFixtures.header)
        Golden.assertMatches(saved, named: "scenarios/hp2020-saved.harmoni")
        #expect(!saved.contains(Fixtures.root.path), "no machine path")
    }

    @Test("save → load on seeded random scenarios gives the same scenario and ledger, and the same text again")
    func randomRoundTrip() {
        let seed = SplitMix64.seed(default: 20_191_105)
        print("ScenarioFilesTests seed \(seed) (replay with HARMONI_SEED=\(seed))")
        var rng = SplitMix64(seed: seed)
        let generator = ScenarioGenerator(baseline: SimulationBaseline(Fixtures.dataset))
        var failures: [String] = []
        for number in 0..<150 {
            let scenario = Self.expressible(generator.scenario(&rng), number: number)
            let original = ScenarioFixtures.session()
            original.state.scenario = scenario
            let saved = ScenarioWriter.text(state: original.state, language: .nb, header: ScenarioFixtures.header)
            let loaded = ScenarioFixtures.session()
            let result = ScenarioFixtures.run(saved, named: "saved.harmoni", in: loaded)
            var reloaded = loaded.state.scenario
            reloaded.hasUnsavedChanges = false
            let problem: String?
            if result.hasErrors {
                problem = "errors: \(result.diagnostics.map(\.message.en))"
            } else if reloaded != scenario {
                problem = "different scenario: \(reloaded.canonicalStatements)"
            } else if Simulator.run(baseline: Fixtures.dataset, scenario: reloaded)
                != Simulator.run(baseline: Fixtures.dataset, scenario: scenario)
            {
                problem = "different ledger"
            } else if ScenarioWriter.text(state: loaded.state, language: .nb, header: ScenarioFixtures.header) != saved
            {
                problem = "different text when saved again"
            } else {
                problem = nil
            }
            if let problem { failures.append("seed \(seed) scenario \(number): \(problem)\n\(saved)") }
        }
        #expect(failures.isEmpty, "\(failures.count) failures; first: \(failures.prefix(2).joined(separator: "\n"))")
    }

    /// A random scenario made expressible in the language: `solve` has no `each`, and a coverage
    /// value is read back normalised (`56,640 %` is `56,64 %`); decisions that no longer validate
    /// are dropped. Every third one gets a name with quotes, a backslash and guillemets.
    static func expressible(_ scenario: ScenarioState, number: Int) -> ScenarioState {
        var result = scenario
        result.decisions = []
        for decision in scenario.decisions {
            var decision = decision
            switch decision.action {
            case .level(var level) where level.verb != .harmonise:
                level.mode = .structure  // `set` and `solve` move a group by its main line
                decision = Decision(.level(level))
            case .level(var level) where level.rule.isChange:
                level.mode = .each  // a change moves every line by itself: no mode is written
                decision = Decision(.level(level))
            case .coverage(var coverage):
                coverage.value = Quantity(coverage.value.number.normalized, coverage.value.unit)
                decision = Decision(.coverage(coverage))
            default: break
            }
            if (try? Simulator.validate(decision, baseline: Fixtures.dataset, scenario: result)) != nil {
                result.decisions.append(decision)
            }
        }
        if number % 3 == 0 { result.name = "Tilfeldig «\(number)» \"sitat\" \\ skråstrek" }
        return result
    }

    @Test("compare on two shipped scenarios shows the decisions and impacts that differ (golden)")
    func compareGolden() {
        let session = ScenarioFixtures.session()
        let (output, errors) = ScenarioFixtures.render(
            "compare \"scenarios/laveste-nivaa.harmoni\" \"scenarios/budsjettnoytral.harmoni\"", in: session)
        #expect(errors.isEmpty, "\(errors)")
        Golden.assertMatches(output, named: "scenarios/compare-laveste-budsjettnoytral.txt")
    }
}
