import Foundation
import HarmoniPopulation

extension PopulationStatements {
    static func showDistribution(_ command: Command, _ state: inout SessionState, _ context: StatementContext)
        throws(Diagnostic) -> [Output]
    {
        var words = SimulateWords(command, context, skipping: 1)
        var grouping = DistributionGrouping.municipality
        var chart: String?
        var year: Int?
        var prices: PriceBasis?
        while !words.atEnd {
            if let word = words.keyword("histogram", "deciles", "desiler") {
                chart = word == "histogram" ? "histogram" : "deciles"
                if chart == "deciles" { grouping = .incomeDecile }
            } else if words.keyword("by", "etter") != nil {
                if words.keyword("municipality", "kommune") != nil {
                    grouping = .municipality
                } else if words.keyword("income", "inntekt") != nil {
                    _ = words.keyword("decile", "deciles", "desil")
                    grouping = .incomeDecile
                } else if words.keyword("household", "husholdning") != nil {
                    _ = words.keyword("type", "types")
                    grouping = .householdType
                } else {
                    throw context.error(
                        .expected("«municipality», «income decile» eller «household type»", "«municipality», «income decile» or «household type»", found: words.found),
                        words.here)
                }
            } else if words.keyword("in") != nil {
                let range = words.here
                let chosen = try words.year(state)
                guard state.scenario.period.contains(chosen) else {
                    throw SimulateStatements.error(.yearOutsidePeriod(chosen, state.scenario.period), range, context)
                }
                year = chosen
            } else if let basis = words.keyword("nominal", "fixed") {
                prices = PriceBasis(rawValue: basis)
            } else {
                throw context.error(
                    .expected("«by», «in», «histogram», «deciles» eller «nominal»", "«by», «in», «histogram», «deciles» or «nominal»", found: words.found),
                    words.here)
            }
        }
        let population = try required(&state, command, context)
        let chosen = year ?? HouseholdImpact.defaultYear(state.scenario)
        // Without decisions every change is 0: no pricing needed.
        let years = state.scenario.decisions.isEmpty ? [chosen] : nil
        let run = try run(population, state, years: years, prices: prices, command: command, context: context, skipPricing: years != nil)
        let rows = PopulationDistribution.rows(run, population, year: run.years.firstIndex(of: chosen) ?? 0, grouping: grouping)
        let en = state.language == .en
        var notes = [origin(population, en: en)]
        notes.append(
            en
                ? "Change = the household's annual payments after − before the decisions in \(chosen), under its own old municipality's rulebook, kr incl. mva, priced by the household engine (as «show household»). Change % = the group's change / its payments before, rounded half-up to 0.1 %. P10, median, P90: nearest rank."
                : "Endring = husholdningens årlige betaling etter − før vedtakene i \(chosen), etter reglene i egen gammel kommune, kr inkl. mva, regnet av husholdningsmotoren (som «vis husholdning»). Endring % = gruppens endring / betalingen før, avrundet til nærmeste 0,1 % (halve opp). P10, median, P90: nærmeste rang.")
        if state.scenario.decisions.isEmpty {
            notes.append(en ? "The scenario has no decisions: every change is 0." : "Scenariet har ingen vedtak: alle endringer er 0.")
        }
        let language = SimulateStatements.tag(state)
        switch chart {
        case "histogram":
            return [
                .table(
                    PopulationCharts.histogram(
                        run, population, year: run.years.firstIndex(of: chosen) ?? 0, calendarYear: chosen, names: names(state),
                        notes: [notes[0]], language: language))
            ]
        case "deciles":
            return [
                .table(
                    PopulationCharts.deciles(
                        rows, calendarYear: chosen, status: population.status, municipalities: run.rulebooks, names: names(state),
                        notes: notes, language: language))
            ]
        default:
            let table = PopulationDistribution.table(
                rows, grouping: grouping, year: chosen, status: population.status, names: names(state), notes: notes,
                language: language)
            return [.table(table)]
        }
    }

    /// The ledger with the population's income-rule lines, when a population is loaded.
    static func extend(_ ledger: Ledger, _ state: SessionState, prices: PriceBasis, command: Command, context: StatementContext)
        throws(Diagnostic) -> Ledger
    {
        guard let population = state.population, !state.scenario.decisions.isEmpty else { return ledger }
        let run = try run(population, state, prices: prices, command: command, context: context)
        let lines = PopulationLedger.lines(run, population: population, scenario: state.scenario, dataset: state.dataset)
        let origin = LocalizedText(origin(population, en: false, short: true), origin(population, en: true, short: true))
        return PopulationLedger.extend(ledger, with: lines, origin: origin, dataset: state.dataset)
    }

    /// Prices the population for the period (or the years given).
    ///
    /// Not inlined: Swift 6.3.1's optimiser crashes (an ownership error in CopyPropagation) when
    /// this typed-throws closure is inlined into `showDistribution` in a release build.
    @inline(never)
    static func run(
        _ population: HouseholdPopulation, _ state: SessionState, years: [Int]? = nil, prices: PriceBasis?, command: Command,
        context: StatementContext, skipPricing: Bool = false, everyRulebook: Bool = false
    ) throws(Diagnostic) -> PopulationRun {
        if skipPricing, let year = years?.first { return PopulationRun.unpriced(population, year: year, dataset: state.dataset) }
        let key = PopulationRunCache.Key(
            generation: state.populationGeneration, datasetGeneration: state.datasetGeneration, households: population.households.count, scenario: state.scenario,
            years: years, prices: prices ?? state.scenario.prices, everyRulebook: everyRulebook)
        return try state.populationRuns.run(key) { () throws(Diagnostic) -> PopulationRun in
            do throws(SimulationError) {
                return try PopulationRun.run(
                    population, baseline: state.baseline, scenario: state.scenario, years: years,
                    prices: prices ?? state.scenario.prices, everyRulebook: everyRulebook)
            } catch {
                throw SimulateStatements.error(error, command.keyword.range, context)
            }
        }
    }

    /// The session's population; with none, the synthetic one of seed 1 is built and kept (so
    /// `show calibration` works on its own).
    static func required(_ state: inout SessionState, _ command: Command, _ context: StatementContext) throws(Diagnostic)
        -> HouseholdPopulation
    {
        if let population = state.population { return population }
        switch Synthesis.nyeAsker(state.dataset, seed: 1, year: state.baselineYear) {
        case .success(let built):
            state.population = built
            return built
        case .failure(let missing):
            throw context.error(
                "ingen befolkning, og datasettet mangler det en syntetisk bygges av: \(missing.names.joined(separator: ", "))",
                "no population, and the dataset lacks what a synthetic one is built from: \(missing.names.joined(separator: ", "))",
                command.keyword.range, code: "population-none")
        }
    }

    static func seedValue(_ words: inout SimulateWords, _ state: SessionState, _ context: StatementContext) throws(Diagnostic) -> UInt64 {
        let e = try words.value(("et frø (et heltall)", "a seed (a whole number)"))
        if case .number(let n) = try Evaluator(state, context).evaluate(e), let whole = n.wholeValue, whole >= 0 {
            return UInt64(whole)
        }
        throw context.error("frøet må være et heltall ≥ 0", "the seed must be a whole number ≥ 0", e.range, code: "type")
    }

    static func string(_ words: inout SimulateWords, _ context: StatementContext) throws(Diagnostic) -> (String, SourceRange) {
        let e = try words.value(("en mappe i anførselstegn", "a folder in quotes"))
        guard case .string(let text) = e.kind else {
            throw context.error("forventet en mappe i anførselstegn", "expected a folder in quotes", e.range, code: "type")
        }
        return (text, e.range)
    }

    /// Reads households.csv and persons.csv below the working directory; every issue is reported, nothing is loaded on any.
    static func load(_ directory: String, _ range: SourceRange, _ state: SessionState, _ context: StatementContext)
        throws(Diagnostic) -> HouseholdPopulation
    {
        let folder = directory.hasPrefix("/") ? directory : context.workingDirectory + "/" + directory
        var texts: [String] = []
        for name in [PopulationCSV.householdsFile, PopulationCSV.personsFile] {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name), let text = String(data: data, encoding: .utf8)
            else {
                throw context.error(
                    "kan ikke lese «\(directory)/\(name)» (finnes ikke eller er ikke UTF-8)",
                    "cannot read «\(directory)/\(name)» (missing or not UTF-8)", range, code: "population-read")
            }
            texts.append(text)
        }
        let names = (directory + "/" + PopulationCSV.householdsFile, directory + "/" + PopulationCSV.personsFile)
        switch PopulationCSV.read(households: texts[0], persons: texts[1], names: names, dataset: state.dataset, directory: directory) {
        case .success(let population): return population
        case .failure(let failure):
            let nb = failure.issues.map { "  " + TerminalText.message($0.text(english: false)) }.joined(separator: "\n")
            let en = failure.issues.map { "  " + TerminalText.message($0.text(english: true)) }.joined(separator: "\n")
            let count = failure.issues.count
            throw Diagnostic(
                .error,
                DiagnosticMessage(
                    code: "population-load", nb: "befolkningen ble ikke lest: \(count) feil i uttrekket\n" + nb,
                    en: "the population was not loaded: \(count) error(s) in the extract\n" + en),
                file: context.file.name, range: range)
        }
    }

    static func names(_ state: SessionState) -> [MunicipalityID: String] {
        Dictionary(state.dataset.municipalities.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    /// Where the population comes from, as a note («Befolkning: syntetisk …»); `prefixed: false`
    /// leaves out the «Befolkning:» lead-in (and starts with a capital), for a sentence that
    /// already has one.
    static func origin(_ population: HouseholdPopulation, en: Bool, short: Bool = false, prefixed: Bool = true) -> String {
        let body: String
        switch population.origin {
        case .synthetic(let seed):
            if short { return en ? "synthetic, seed \(seed), ≈ estimate" : "syntetisk, frø \(seed), ≈ anslag" }
            body = en
                ? "synthetic (seed \(seed)), calibrated to the dataset; status estimated, low confidence: every amount is marked ≈."
                : "syntetisk (frø \(seed)), kalibrert til datasettet; status anslått, lav sikkerhet: alle beløp er merket ≈."
        case .loaded(let directory):
            if short { return en ? "extract «\(directory)»" : "uttrekk «\(directory)»" }
            body = en ? "the extract in «\(directory)» (status own)." : "uttrekket i «\(directory)» (status egen)."
        }
        guard prefixed else { return body.prefix(1).uppercased() + body.dropFirst() }
        return (en ? "Population: " : "Befolkning: ") + body
    }

    static func summary(_ population: HouseholdPopulation?, en: Bool) -> String {
        guard let population else { return "" }
        let households = NorwegianFormat.decimal(DecimalNumber(Int64(population.households.count)), grouping: true)
        let persons = NorwegianFormat.decimal(DecimalNumber(Int64(population.persons.count)), grouping: true)
        return en
            ? "Population: \(households) households, \(persons) persons. \(origin(population, en: true, prefixed: false))"
            : "Befolkning: \(households) husholdninger, \(persons) personer. \(origin(population, en: false, prefixed: false))"
    }

    static func calibrationNotes(_ population: HouseholdPopulation, en: Bool) -> [String] {
        [
            origin(population, en: en),
            en
                ? "Dataset = the volume, population block or calibration point the synthesis matches; a register extract need not match (the differences show here). Status = the weaker of the figure and the population."
                : "Datasettet = volumet, befolkningsblokken eller kalibreringspunktet syntesen treffer; et registeruttrekk trenger ikke treffe (avvikene vises her). Status = det svakeste av tallet og befolkningen.",
        ]
    }
}
