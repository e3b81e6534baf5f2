import Foundation
import HarmoniPopulation

/// The population microsimulation (docs/POPULATION.md): `population synthetic [seed N]`,
/// `population load "<mappe>"`, `export population to "<mappe>"`, `show calibration`,
/// `show distribution [by municipality|by income decile|by household type] [in <år>]`.
enum PopulationStatements {
    static var all: [StatementSpec] { [population, export, calibration, distribution, incomeRules] }

    static let population = StatementSpec(
        words: ["population"],
        usage: "population synthetic [seed <n>] | population load \"<mappe>\"",
        summary: (
            "Bygger en syntetisk befolkning av nye Asker kalibrert til datasettet, eller leser et uttrekk (households.csv, persons.csv).",
            "Builds a synthetic population of nye Asker calibrated to the dataset, or reads an extract (households.csv, persons.csv)."
        ),
        example: "population synthetic seed 1",
        action: { command, state, context throws(Diagnostic) in
            var words = SimulateWords(command, context, skipping: 0)
            let en = state.language == .en
            if words.keyword("synthetic", "syntetisk") != nil {
                var seed: UInt64 = 1
                if words.keyword("seed", "frø") != nil { seed = try seedValue(&words, state, context) }
                try words.expectEnd()
                switch Synthesis.nyeAsker(state.dataset, seed: seed, year: state.baselineYear) {
                case .success(let built):
                    state.population = built
                    return [.text(summary(built, en: en))]
                case .failure(let missing):
                    throw context.error(
                        "datasettet mangler det befolkningen bygges av: \(missing.names.joined(separator: ", "))",
                        "the dataset lacks what the population is built from: \(missing.names.joined(separator: ", "))",
                        command.keyword.range, code: "population-assumptions")
                }
            }
            guard words.keyword("load", "les") != nil else {
                throw context.error(.expected("«synthetic» eller «load»", "«synthetic» or «load»", found: words.found), words.here)
            }
            let (directory, range) = try string(&words, context)
            try words.expectEnd()
            state.population = try load(directory, range, state, context)
            return [.text(summary(state.population, en: en))]
        })

    static let export = StatementSpec(
        words: ["export", "population"], usage: "export population to \"<mappe>\" [overwrite]",
        summary: (
            "Skriver befolkningen til households.csv og persons.csv, og med vedtak results.csv (endring per husholdning og år).",
            "Writes the population to households.csv and persons.csv and, with decisions, results.csv (change per household and year)."
        ),
        example: "export population to \"ut/befolkning\"",
        action: { command, state, context throws(Diagnostic) in
            var words = SimulateWords(command, context, skipping: 1)
            guard words.keyword("to", "til") != nil else {
                throw context.error(.expected("«to \"mappe\"»", "«to \"folder\"»", found: words.found), words.here)
            }
            let (directory, range) = try string(&words, context)
            let overwrite = words.keyword("overwrite", "overskriv") != nil
            try words.expectEnd()
            let population = try required(&state, command, context)
            var files = [
                (PopulationCSV.householdsFile, PopulationCSV.households(population)),
                (PopulationCSV.personsFile, PopulationCSV.persons(population)),
            ]
            if !state.scenario.decisions.isEmpty {
                let run = try run(population, state, prices: nil, command: command, context: context, everyRulebook: true)
                files.append((PopulationResults.file, PopulationResults.csv(run, population)))
            }
            for (name, text) in files {
                try StatementWriter.write(
                    text, to: directory + "/" + name, overwrite: overwrite, range: range, code: "export", state: &state,
                    context: context)
            }
            let names = files.map(\.0).joined(separator: ", ")
            return [.text(state.language == .en ? "Wrote \(names) to «\(directory)»." : "Skrev \(names) til «\(directory)».")]
        })

    static let calibration = StatementSpec(
        words: ["show", "calibration"], usage: "show calibration",
        summary: (
            "Viser befolkningens kalibrering: datasettets tall og befolkningens, marginal for marginal.",
            "Shows the population's calibration: the dataset's figures and the population's, marginal by marginal."
        ),
        example: "show calibration",
        action: { command, state, context throws(Diagnostic) in
            let words = SimulateWords(command, context, skipping: 1)
            try words.expectEnd()
            let population = try required(&state, command, context)
            let rows = PopulationCalibration.rows(population, state.dataset, year: state.baselineYear)
            let notes = calibrationNotes(population, en: state.language == .en)
            return [.table(PopulationCalibration.table(rows, names: names(state), notes: notes, language: SimulateStatements.tag(state)))]
        })

    static let distribution = StatementSpec(
        words: ["show", "distribution"],
        usage: "show distribution [by municipality|by income decile|by household type] [in <år>] [nominal]",
        summary: (
            "Viser hvem som betaler mer og mindre etter vedtakene: antall, snitt, median, P10, P90 og største økning per gammel kommune.",
            "Shows who pays more and less after the decisions: counts, mean, median, P10, P90 and largest increase per old municipality."
        ),
        example: "show distribution by income decile",
        action: { command, state, context throws(Diagnostic) in
            try showDistribution(command, &state, context)
        })

    static let incomeRules = StatementSpec(
        words: ["show", "population"], usage: "show population [nominal]",
        summary: (
            "Viser hva de inntektsprøvde reglene (moderasjon, friplass, 6 %-tak, gratis kjernetid, søskenmoderasjon, fritak) betyr for inntektene, regnet på befolkningen.",
            "Shows what the income-tested rules (moderation, free places, 6 % cap, free core time, sibling discounts, exemptions) mean for revenue, computed on the population."
        ),
        example: "show population",
        action: { command, state, context throws(Diagnostic) in
            var words = SimulateWords(command, context, skipping: 1)
            var prices = state.scenario.prices
            if let basis = words.keyword("nominal", "fixed") { prices = PriceBasis(rawValue: basis) ?? .fixed }
            try words.expectEnd()
            let population = try required(&state, command, context)
            let lines: [LedgerLine]
            if state.scenario.decisions.isEmpty {
                lines = []
            } else {
                let run = try run(population, state, prices: prices, command: command, context: context)
                lines = PopulationLedger.lines(run, population: population, scenario: state.scenario, dataset: state.dataset)
            }
            let ledger = Simulator.run(baseline: state.baseline, scenario: state.scenario, prices: prices)
            let en = state.language == .en
            var notes = [origin(population, en: en)]
            notes.append(
                en
                    ? "Effect = the population's revenue under every rule − its revenue at list price (no income, no sibling discount), own municipality's rules, kr a year; before and after the decisions. The lines are in «show impact» and «show budget» as «\(PopulationLedger.itemName.en)»."
                    : "Virkning = befolkningens inntekt med alle regler − inntekten til listepris (uten inntekt og søskenmoderasjon), egen kommunes regler, kr i året; før og etter vedtakene. Linjene står i «show impact» og «show budget» som «\(PopulationLedger.itemName.nb)».")
            if lines.isEmpty {
                notes.append(en ? "No decision changes what the income-tested rules cost." : "Ingen vedtak endrer hva de inntektsprøvde reglene koster.")
            }
            return [
                .table(
                    PopulationLedger.table(
                        lines, ledger: ledger, dataset: state.dataset, names: names(state), notes: notes,
                        language: SimulateStatements.tag(state)))
            ]
        })
}
