/// Builds the report `export report` writes, from whichever `show` statements exist at run time.
///
/// Sections, in order: the comparison of each tjenesteområde (`show diff <area>`, each with a bar
/// chart of the fee levels per municipality), when the scenario has decisions the households'
/// before/after summary (`show households`), the typical households (`show household <id>` for
/// each household of the dataset, in one section; before/after when there are decisions), the
/// impact by area and year (`show impact by area`, with a chart), and the skyggebudsjett (`show
/// budget`). A show statement that does not exist, or fails for every argument tried, is left out.
struct ReportBuilder {
    /// The specs to look in (the registry's, or test doubles).
    var specs: [StatementSpec]
    var context: StatementContext

    /// One part of the report and how to get its tables.
    private struct Part {
        /// Names of the show statement, the first that exists is used (`budget`, `skyggebudsjett`).
        var words: [String]
        /// One entry per item (area, household): argument texts tried in order until one succeeds.
        var items: [[String]]
        /// Arguments tried when no item gave a table (e.g. `show household` for all households).
        var fallback: [String] = []
        /// The title of the one section holding every table; `nil`: a section per table.
        var sectionTitle: (nb: String, en: String)? = nil
        /// True if each table gets a bar chart (when one fits).
        var charted = false
    }

    /// The report; warnings from the show statements are appended to `outputs`.
    func build(_ state: inout SessionState, outputs: inout [Output]) -> Report {
        let language: DisplayLanguageTag = state.language == .nb ? .nb : .en
        var sections: [ReportSection] = []
        let summary = summaryTables(&state)
        if !summary.isEmpty {
            sections = Report(title: "", provenance: nil, summary: summary, tables: [], language: language).sections
        }
        var omitted: [String] = []
        for part in parts(state) {
            guard let word = part.words.first(where: { word in specs.contains { $0.words == ["show", word] } }) else { continue }
            var tables: [Table] = []
            for alternatives in part.items { tables += run(word, alternatives, &state, outputs: &outputs) }
            if tables.isEmpty && !part.fallback.isEmpty { tables = run(word, part.fallback, &state, outputs: &outputs) }
            for table in tables where table.rows.isEmpty && !omitted.contains(table.title) { omitted.append(table.title) }
            tables.removeAll { $0.rows.isEmpty }
            guard !tables.isEmpty else { continue }
            if let title = part.sectionTitle {
                let charts = tables.filter { $0.kind == "household_summary" }
                    .flatMap { BarChart.householdsBeforeAfter($0, language: language) }
                sections.append(ReportSection(title: language == .nb ? title.nb : title.en, tables: tables, charts: charts))
                continue
            }
            for table in tables {
                let chart =
                    part.charted
                    ? Tornado.chart(table, language: language) ?? BarChart.suggested(for: table, language: language) : nil
                sections.append(ReportSection(title: table.title, tables: [table], charts: chart.map { [$0] } ?? []))
            }
        }
        let name = state.scenario.name
        let title =
            language == .nb
            ? "Harmonisering av gebyrer i \(DisplayNames.mergerName(state.dataset, nb: true))" + (name.map { ": " + $0 } ?? "")
            : "Harmonising fees in \(DisplayNames.mergerName(state.dataset, nb: false))" + (name.map { ": " + $0 } ?? "")
        var report = Report(
            title: title, summary: [], provenance: Self.provenance(state, language), sections: sections, language: language)
        report.omitted = omitted
        return report
    }

    /// The parts of the report, in order.
    private func parts(_ state: SessionState) -> [Part] {
        let summary = Part(
            words: ["households"], items: [[""]],
            sectionTitle: (
                "Typehusholdningene før og etter vedtakene", "The typical households before and after the decisions"
            ))
        return [
            Part(words: ["diff"], items: state.dataset.areas.map { [$0.id.rawValue] }, fallback: [""], charted: true)
        ] + (state.scenario.decisions.isEmpty ? [] : [summary]) + [
            Part(
                words: ["household", "households", "husholdning"],
                items: state.dataset.households.map { [$0.id.rawValue, "\"\($0.id.rawValue)\""] }, fallback: [""],
                sectionTitle: ("Typiske husholdninger", "Typical households")),
            Part(words: ["impact"], items: [["by area", ""]], charted: true),
            Part(words: ["budget", "skyggebudsjett"], items: [[""]], sectionTitle: ("Skyggebudsjett", "Shadow budget")),
        ] + (state.scenario.decisions.isEmpty || state.population == nil ? [] : [Self.distribution])
            + (state.scenario.decisions.isEmpty ? [] : [Part(words: ["sensitivity"], items: [[""]], charted: true)])
    }

    /// With a population: the mean change by income decile and the histogram of household changes
    /// (tables with a column per old municipality, drawn as grouped bars; PopulationCharts).
    private static let distribution = Part(words: ["distribution"], items: [["deciles"], ["histogram"]], charted: true)

    /// Runs `show <word> <alternative>` for the first alternative that succeeds with tables.
    func run(_ word: String, _ alternatives: [String], _ state: inout SessionState, outputs: inout [Output]) -> [Table] {
        guard let spec = specs.first(where: { $0.words == ["show", word] }) else { return [] }
        for alternative in alternatives {
            let file = SourceFile(name: "<export report>", text: "show \(word) \(alternative)\n")
            let (unit, diagnostics) = Parser.parse(file)
            guard !diagnostics.contains(where: { $0.severity == .error }), let statement = unit.statements.first,
                case .command(let command) = statement.kind
            else { continue }
            var local = context
            local.file = file
            do throws(Diagnostic) {
                let shown = try spec.action(command, &state, local)
                let tables = shown.compactMap { if case .table(let t) = $0 { t } else { nil } }
                if !tables.isEmpty {
                    outputs += shown.filter { if case .diagnostic = $0 { true } else { false } }
                    return tables
                }
            } catch {
                continue
            }
        }
        return []
    }

    /// The line under the title: the scenario's period, price basis and deflator choices, and the
    /// program version; from the scenario only (no clock), so the same input gives the same file.
    static func provenance(_ state: SessionState, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        let scenario = state.scenario
        var parts = [(nb ? "Periode " : "Period ") + "\(scenario.period.lowerBound)–\(scenario.period.upperBound)"]
        if let date = scenario.date { parts.insert((nb ? "Scenariets dato " : "Scenario dated ") + Self.longDate(date, nb: nb), at: 0) }
        if !scenario.deflatorOverrides.isEmpty {
            let text = scenario.deflatorOverrides.map { "\($0.year) \(NorwegianFormat.percent($0.rate))" }.joined(separator: ", ")
            parts.append((nb ? "deflator valgt i scenariet: " : "deflator chosen in the scenario: ") + text)
        }
        parts.append("harmoni \(CLI.version)")
        return parts.joined(separator: " · ")
    }

    /// `2019-11-05` → «5. november 2019» / «5 November 2019».
    static func longDate(_ date: CalendarDate, nb: Bool) -> String {
        let months =
            nb
            ? ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return nb ? "\(date.day). \(months[date.month - 1]) \(date.year)" : "\(date.day) \(months[date.month - 1]) \(date.year)"
    }
}
