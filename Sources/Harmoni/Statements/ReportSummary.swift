import Foundation

/// The summary that heads `harmoni run FILE`, `export report` and `run --output x.html`: the
/// decisions as sentences, the change in fee revenue per year and tjenesteområde, how each
/// typical household fares, and one list of what cannot be computed and why. Built from the same
/// `show` statements the report holds (`show impact by area`, `show households`, `show budget`),
/// so the summary and the detailed tables can never disagree.
///
/// Four tables, kinds `summary_decisions`, `summary_revenue`, `summary_households` and
/// `summary_unknown`; a table without rows is left out.
extension ReportBuilder {
    func summaryTables(_ state: inout SessionState) -> [Table] {
        let language: DisplayLanguageTag = state.language == .nb ? .nb : .en
        let nb = language == .nb
        var ignored: [Output] = []
        let scenario = state.scenario
        var tables: [Table] = []

        var decisions = Table(
            kind: "summary_decisions", title: nb ? "Sammendrag: vedtakene" : "Summary: the decisions",
            columns: [Column("number", nb ? "Nr." : "No.", .right), Column("decision", nb ? "Vedtak" : "Decision")])
        for (i, decision) in scenario.decisions.enumerated() {
            let sentence = DecisionSentence.text(
                decision, dataset: state.dataset, firstYear: scenario.period.lowerBound, language: language)
            decisions.rows.append([.text("\(i + 1)"), .text(sentence)])
        }
        if decisions.rows.isEmpty {
            decisions.rows.append([
                .text("–"),
                .text(nb ? "Ingen vedtak: tabellene viser utgangspunktet i de tre kommunene." : "No decisions: the tables show the three municipalities' starting point."),
            ])
        }
        decisions.notes = [
            (nb ? "Periode " : "Period ") + "\(scenario.period.lowerBound)–\(scenario.period.upperBound)"
                + (scenario.prices == .fixed
                    ? (nb ? ", faste \(scenario.period.lowerBound)-kroner." : ", fixed \(scenario.period.lowerBound) kroner.")
                    : (nb ? ", løpende kroner." : ", current kroner."))
        ]
        tables.append(decisions)

        var unknown = Table(
            kind: "summary_unknown", title: nb ? "Sammendrag: dette kan ikke regnes ut" : "Summary: what cannot be computed",
            columns: [Column("what", nb ? "Hva" : "What"), Column("why", nb ? "Hvorfor" : "Why")])
        func addUnknown(_ what: String, _ why: String) {
            if !unknown.rows.contains([.text(what), .text(why)]) { unknown.rows.append([.text(what), .text(why)]) }
        }

        if !scenario.decisions.isEmpty, let impact = run("impact", ["by area"], &state, outputs: &ignored).first {
            if let revenue = Self.revenue(impact, nb: nb) {
                tables.append(revenue)
            } else {
                var none = Table(
                    kind: "summary_revenue",
                    title: nb ? "Sammendrag: endring i gebyrinntekter per år" : "Summary: change in fee revenue per year",
                    columns: [Column("text", nb ? "Virkning" : "Effect")])
                none.rows = [[.text(nb ? "Vedtakene endrer ikke gebyrinntektene som kan regnes ut fra datasettet." : "The decisions change none of the fee revenue the dataset allows to compute.")]]
                tables.append(none)
            }
            for note in impact.notes {
                guard let range = note.range(of: nb ? "inntektsvirkningen er ukjent" : "the income effect is unknown") else { continue }
                let reason = note[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: " ().;"))
                // The note begins «SFO, moderasjonsregler i Røyken fra 2020 …» (ImpactNotes).
                let rule = note.components(separatedBy: nb ? " i " : " in ").first ?? note
                addUnknown(
                    rule + (nb ? ": inntektsvirkningen" : ": the income effect"),
                    reason.isEmpty ? (nb ? "datasettet mangler grunnlaget" : "the dataset lacks the basis") : reason)
            }
            let missing = Self.missingLines(impact)
            for (area, count) in missing {
                addUnknown(
                    nb ? "\(area): \(count) linje(r) uten volum" : "\(area): \(count) line(s) without volume",
                    nb ? "datasettet har ikke antall brukere; virkningen av dem er ikke med i summene" : "the dataset has no user counts; their effect is left out of the totals")
            }
        }

        if !scenario.decisions.isEmpty, let households = run("households", [""], &state, outputs: &ignored).first {
            if let summary = Self.households(households, dataset: state.dataset, nb: nb) { tables.append(summary) }
        }

        if let budget = run("budget", [""], &state, outputs: &ignored).first {
            let marker = nb ? "Mangler fullstendig netto grunnlag" : "Lacking a complete net basis"
            for note in budget.notes where note.hasPrefix(marker) {
                let areas = note.components(separatedBy: ": ").dropFirst().first?.components(separatedBy: ". ").first ?? ""
                addUnknown(
                    (nb ? "Skyggebudsjettet for " : "The shadow budget for ") + areas,
                    nb ? "datasettet har ikke netto driftsutgifter for disse områdene" : "the dataset has no net operating costs for these areas")
            }
        }
        if !unknown.rows.isEmpty { tables.append(unknown) }
        return tables
    }

    /// The revenue change per tjenesteområde (rows) and year (columns), from `show impact by area`.
    static func revenue(_ impact: Table, nb: Bool) -> Table? {
        guard let group = impact.columns.firstIndex(where: { $0.key == "group" }),
            let year = impact.columns.firstIndex(where: { $0.key == "year" }),
            let change = impact.columns.firstIndex(where: { $0.key == "revenue_change" })
        else { return nil }
        var areas: [String] = []
        var years: [String] = []
        var cells: [String: Cell] = [:]
        var bounds: [String: (low: Cell, high: Cell)] = [:]
        let ranged = rangeColumns(impact, "revenue_change")
        for row in impact.rows where row.count > max(group, year, change) {
            guard case .text(let area) = row[group], case .text(let y) = row[year] else { continue }
            if !areas.contains(area) { areas.append(area) }
            if !years.contains(y) { years.append(y) }
            cells[area + "|" + y] = Self.withoutFootnotes(row[change])
            if let range = Self.range(row, ranged) { bounds[area + "|" + y] = range }
        }
        guard !areas.isEmpty else { return nil }
        var table = Table(
            kind: "summary_revenue",
            title: nb ? "Sammendrag: endring i gebyrinntekter per år (kr, ekskl. mva)" : "Summary: change in fee revenue per year (kr, excl. VAT)",
            columns: [Column("area", nb ? "Tjenesteområde" : "Area")] + years.map { Column($0, $0, .right) })
        for area in areas { table.rows.append([.text(area)] + years.map { cells[area + "|" + $0] ?? .empty }) }
        if !bounds.isEmpty {
            table = table.insertingRanges(areas.map { area in [nil] + years.map { bounds[area + "|" + $0] } }, language: nb ? .nb : .en)
        }
        table.notes = [
            nb
                ? "Positive tall: kommunen får inn mer i gebyrer; negative: mindre. Detaljene står i «Virkning av vedtakene per tjenesteområde»."
                : "Positive: the municipality collects more in fees; negative: less. The details are in «Impact of the decisions by area»."
        ]
        return table
    }

    /// Lines without volume per area (the last year's count), from `show impact by area`.
    static func missingLines(_ impact: Table) -> [(String, Int)] {
        guard let group = impact.columns.firstIndex(where: { $0.key == "group" }),
            let missing = impact.columns.firstIndex(where: { $0.key == "missing" })
        else { return [] }
        var result: [(String, Int)] = []
        for row in impact.rows where row.count > max(group, missing) {
            guard case .text(let area) = row[group], area != "Sum", area != "Total", case .number(let n) = row[missing],
                let count = n.wholeValue, count > 0
            else { continue }
            if let i = result.firstIndex(where: { $0.0 == area }) { result[i].1 = max(result[i].1, Int(count)) } else { result.append((area, Int(count))) }
        }
        return result
    }

    /// Each typical household's change per municipality, from `show households`.
    static func households(_ summary: Table, dataset: Dataset, nb: Bool) -> Table? {
        let key = { (name: String) in summary.columns.firstIndex { $0.key == name } }
        guard let household = key("household"), let municipality = key("municipality"), let change = key("change"),
            let before = key("before")
        else { return nil }
        var ids: [String] = []
        var names: [String] = []
        var cells: [String: Cell] = [:]
        var bounds: [String: (low: Cell, high: Cell)] = [:]
        let ranged = rangeColumns(summary, "change")
        for row in summary.rows where row.count > max(household, municipality, change, before) {
            guard case .text(let id) = row[household], case .text(let place) = row[municipality] else { continue }
            if !ids.contains(id) { ids.append(id) }
            if !names.contains(place) { names.append(place) }
            cells[id + "|" + place] = Self.withoutFootnotes(row[change])
            cells[id + "|" + place + "|before"] = Self.withoutFootnotes(row[before])
            if let range = Self.range(row, ranged) { bounds[id + "|" + place] = range }
        }
        guard !ids.isEmpty else { return nil }
        let year = summary.title.split(separator: " ").first { $0.count == 4 && $0.allSatisfy(\.isNumber) }.map(String.init) ?? ""
        var table = Table(
            kind: "summary_households",
            title: nb
                ? "Sammendrag: typehusholdningene \(year), endring i årlig kostnad (kr, inkl. mva)"
                : "Summary: the typical households \(year), change in annual cost (kr, incl. VAT)",
            columns: [Column("household", nb ? "Husholdning" : "Household")]
                + names.map { Column(Self.key($0), $0, .right) })
        table.seriesKeys = names.map(Self.key)
        for id in ids {
            table.rows.append([.text(HouseholdNames.display(id, dataset: dataset, nb: nb))] + names.map { cells[id + "|" + $0] ?? .empty })
        }
        if !bounds.isEmpty {
            table = table.insertingRanges(ids.map { id in [nil] + names.map { bounds[id + "|" + $0] } }, language: nb ? .nb : .en)
        }
        // Each household as the dataset defines it (name and definition in the output language).
        let definitions = ids.compactMap { id -> String? in
            // The table's household column holds the display name (the id where it has none).
            guard let household = dataset.households.first(where: { $0.id.rawValue == id || $0.displayName(english: !nb) == id }),
                  let definition = household.definition(english: !nb) else { return nil }
            return household.displayName(english: !nb) + ": " + definition + "."
        }
        table.notes = [
            definitions.joined(separator: " "),
            nb
                ? "Endring = etter − før vedtakene; negativ: husholdningen betaler mindre. Beløpene før og etter står i «Typehusholdningene før og etter vedtakene»."
                : "Change = after − before the decisions; negative: the household pays less. The amounts are in «The typical households before and after the decisions»."
        ]
        return table
    }

    /// The `_low` and `_high` columns of the column `key`, when the table carries ranges.
    static func rangeColumns(_ table: Table, _ key: String) -> (low: Int, high: Int)? {
        guard let low = table.columns.firstIndex(where: { $0.key == key + Table.lowSuffix }),
            let high = table.columns.firstIndex(where: { $0.key == key + Table.highSuffix })
        else { return nil }
        return (low, high)
    }

    /// The (low, high) cells of a row, when both are numbers.
    static func range(_ row: [Cell], _ columns: (low: Int, high: Int)?) -> (low: Cell, high: Cell)? {
        guard let columns, columns.low < row.count, columns.high < row.count else { return nil }
        let low = withoutFootnotes(row[columns.low])
        let high = withoutFootnotes(row[columns.high])
        if case .empty = low { return nil }
        if case .empty = high { return nil }
        return (low, high)
    }

    /// A column key for a municipality's name: `Røyken` → `royken` (what charts recognise).
    static func key(_ name: String) -> String {
        String(name.lowercased().map { $0 == "ø" ? "o" : $0 == "æ" ? "e" : $0 == "å" ? "a" : $0 })
    }

    static func withoutFootnotes(_ cell: Cell) -> Cell {
        switch cell {
        case .money(let m, let status, _): return .money(m, status: status)
        case .thousands(let m, let status, _): return .thousands(m, status: status)
        case .rate(let r, _): return .rate(r)
        case .missing: return .missing()
        default: return cell
        }
    }
}

/// Display names of the typical households, for people: the dataset's `name` (`name_en` in
/// English); an id the dataset does not know is shown with spaces for underscores.
enum HouseholdNames {
    static func display(_ id: String, dataset: Dataset, nb: Bool) -> String {
        dataset.household(HouseholdID(id))?.displayName(english: !nb) ?? DisplayNames.words(id)
    }
}

extension Session {
    /// The summary tables of the scenario as it stands (see ``ReportBuilder/summaryTables(_:)``).
    public func summaryTables() -> [Table] {
        let builder = ReportBuilder(specs: StatementRegistry.all, context: makeContext(SourceFile(name: "<sammendrag>", text: "")))
        return builder.summaryTables(&state)
    }
}
