import Foundation
import Harmoni

/// Case 7: the population microsimulation. 7a synthesis of nye Asker; 7b its ≈ 40 000 households
/// priced under 3 rulebooks × 4 years × before/after (HP 2020 scenario); 7c a Norway-sized
/// population (every municipality of population-norway.tsv with its own ages, households =
/// persons / the dataset's persons per household, users at the rates of its stand-in, the shipped
/// rulebooks of Asker, Røyken and Hurum in turn as stand-ins), priced one municipality at a time
/// for one year before/after, only aggregates kept.
@MainActor
enum PopulationCase {
    static func run(dataset: Dataset, datasetFolder: String) {
        var population: HouseholdPopulation?
        Report.add(
            Measure.time("7a synthesis of nye Asker (seed 1)", runs: 20, warmup: 2) {
                population = try? Synthesis.nyeAsker(dataset, seed: 1).get()
            }, target: .medianAtMost(200_000_000),
            note: "\(population?.households.count ?? 0) households, \(population?.persons.count ?? 0) persons")
        guard let population else { return Report.note("7: the synthesis failed") }
        let baseline = SimulationBaseline(dataset)
        var scenario = ScenarioState()
        let session = Session(state: SessionState(dataset: dataset, datasetPaths: [datasetFolder]))
        let scenarioPath = URL(fileURLWithPath: datasetFolder).deletingLastPathComponent().appendingPathComponent("scenarios/hp2020-radmannens-prinsipper.harmoni").path
        if let text = try? String(contentsOfFile: scenarioPath, encoding: .utf8) {
            let decisions = text.split(separator: "\n").filter { $0.hasPrefix("harmonise") || $0.hasPrefix("period") || $0.hasPrefix("deflator") }
            _ = session.run(SourceFile(name: "hp2020", text: decisions.joined(separator: "\n")))
            scenario = session.state.scenario
        }
        var prices: [ScenarioPrices] = []
        for year in scenario.period { if let p = try? Simulator.prices(baseline: baseline, scenario: scenario, year: year) { prices.append(p) } }
        var run: PopulationRun?
        Report.add(
            Measure.time("7b price nye Asker: 3 rulebooks × 4 years × before/after", runs: 5, minimum: 2, budget: 120_000_000_000) {
                run = PopulationRun.run(population, baseline: dataset, prices: prices)
            }, target: .medianAtMost(50_000_000),
            note: "\(population.households.count * 3 * prices.count * 2) household pricings in \(run?.enginePricings ?? 0) engine calls; scenario prices made once (not timed)")
        Report.add(
            Measure.time("7b' the same, own rulebook only (as the statements price)", runs: 5, minimum: 2, budget: 120_000_000_000) {
                run = PopulationRun.run(population, baseline: dataset, prices: prices, everyRulebook: false)
            }, note: "\(population.households.count * prices.count * 2) household pricings in \(run?.enginePricings ?? 0) engine calls")
        if CommandLine.arguments.contains("--reference") {
            Report.add(
                Measure.time("7b\" the plain reference pricing (PopulationRun.reference), 3 rulebooks", runs: 1, warmup: 0) {
                    run = PopulationRun.reference(population, baseline: dataset, prices: prices)
                }, note: "every household's whole profile through the engine, every line explained, equal profiles once")
        }
        let peak = Measure.peakMemoryKilobytes()
        Report.add(
            Measurement(name: "   peak memory after 7a-7b", runs: 1, nanoseconds: [], peakKilobytes: peak),
            target: .memoryAtMost(100 * 1024, actualKilobytes: peak))
        norway(dataset: dataset, datasetFolder: datasetFolder, prices: Array(prices.prefix(1)))
    }

    static func norway(dataset: Dataset, datasetFolder: String, prices: [ScenarioPrices]) {
        let path = URL(fileURLWithPath: datasetFolder).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/data/population-norway.tsv").path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let assumptions = try? SynthesisAssumptions.read(dataset).get()
        else { return Report.note("7c: population-norway.tsv or the assumptions not found (\(path))") }
        let table = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = table.first, let dateColumn = header.firstIndex(of: "date") else { return }
        // The table holds every municipality on 1.1.2019 and on 1.1.2020: Norway once is the first date's rows.
        let firstDate = table.dropFirst().first?[dateColumn]
        let rows = [header] + table.dropFirst().filter { $0.count == header.count && $0[dateColumn] == firstDate }
        let standIns = dataset.mergingMunicipalities.compactMap { try? SynthesisTargets.read(dataset, $0, year: 2019).get() }
        var households = 0
        var changed = 0
        var revenueChange = Money.zero
        let measurement = Measure.time("7c Norway-sized: synthesise + price every municipality, 1 year before/after", runs: 1, warmup: 0) {
            households = 0
            changed = 0
            revenueChange = .zero
            for (index, row) in rows.dropFirst().enumerated() where row.count == header.count {
                func count(_ group: String) -> Int64? {
                    // `age_1_5` → `age_1-5`, `age_80_plus` → `age_80+` (the TSV's column names).
                    let rest = group.dropFirst(4).replacingOccurrences(of: "_plus", with: "+").replacingOccurrences(of: "_", with: "-")
                    return header.firstIndex(of: "age_" + rest).flatMap { Int64(row[$0]) }
                }
                let standIn = standIns[index % standIns.count]
                let ages = SynthesisTargets.bands(count)
                let persons = ages.reduce(0) { $0 + $1.persons }
                let standInPersons = max(1, standIn.ages.reduce(0) { $0 + $1.persons })
                func scaled(_ places: Int64) -> Int64 { places * persons / standInPersons }
                let targets = SynthesisTargets(
                    municipality: standIn.municipality,
                    households: persons * 1_000_000 / max(1, assumptions.personsPerHousehold.ppm), householdStatus: .estimated,
                    ages: ages, barnehage: standIn.barnehage.map { ($0.line, scaled($0.places)) },
                    sfo: standIn.sfo.map { ($0.line, scaled($0.places)) }, kulturskole: scaled(standIn.kulturskole),
                    praktiskBistand: scaled(standIn.praktiskBistand), trygghetsalarm: scaled(standIn.trygghetsalarm))
                var builder = PopulationBuilder()
                let median = assumptions.medianIncome[standIn.municipality] ?? .zero
                Synthesis.add(targets, median: median, assumptions, seed: 1, stream: UInt64(index), to: &builder)
                let population = builder.population(seed: 1)
                let run = PopulationRun.run(population, baseline: dataset, prices: prices)
                let own = run.rulebooks.firstIndex(of: standIn.municipality) ?? 0
                for household in population.households.indices {
                    let change = run.total(year: 0, household: household, rulebook: own, after: true)
                        - run.total(year: 0, household: household, rulebook: own, after: false)
                    if change != .zero { changed += 1 }
                    revenueChange += change
                }
                households += population.households.count
            }
        }
        Report.add(measurement, target: .medianAtMost(5_000_000_000), note: "\(households) households, \(changed) changed, Σ change \(revenueChange)")
        let peak = Measure.peakMemoryKilobytes()
        Report.add(
            Measurement(name: "   peak memory after 7c", runs: 1, nanoseconds: [], peakKilobytes: peak),
            target: .memoryAtMost(2048 * 1024, actualKilobytes: peak))
    }
}
