/// Builds the report `export report` writes, from whichever `show` statements exist at run time.
///
/// Sections, in order: the comparison of each tjenesteområde (`show diff <area>`, with a bar
/// chart of the fee levels per municipality), the typical households (`show household <id>`), the
/// impact by area and year (`show impact by area`, with a chart), and the skyggebudsjett
/// (`show budget`). A show statement that does not exist, or fails for an argument, is left out.
struct ReportBuilder {
    /// The specs to look in (the registry's, or test doubles).
    var specs: [StatementSpec]
    var context: StatementContext

    /// A show statement to try: its argument texts, tried in order until one succeeds.
    private struct Attempt {
        var word: String
        var alternatives: [String]
        /// Title of the section that collects the tables; `nil`: one section per table.
        var sectionTitle: (nb: String, en: String)? = nil
    }

    /// The report; warnings from the show statements are appended to `outputs`.
    func build(_ state: inout SessionState, outputs: inout [Output]) -> Report {
        let language: DisplayLanguageTag = state.language == .nb ? .nb : .en
        var sections: [ReportSection] = []
        var groupedTitle: String?
        for attempt in attempts(state) {
            let tables = run(attempt, &state, outputs: &outputs)
            guard !tables.isEmpty else { continue }
            if let title = attempt.sectionTitle.map({ language == .nb ? $0.nb : $0.en }) {
                // Attempts with the same section title (the households) share one section.
                if groupedTitle == title, let last = sections.indices.last {
                    sections[last].tables += tables
                } else {
                    sections.append(ReportSection(title: title, tables: tables))
                }
                groupedTitle = title
            } else {
                groupedTitle = nil
                for table in tables {
                    let charted = attempt.word == "diff" || attempt.word == "impact" || ReportSection.chartedKinds.contains(table.kind)
                    let chart = charted ? BarChart.suggested(for: table, language: language) : nil
                    sections.append(ReportSection(title: table.title, tables: [table], charts: chart.map { [$0] } ?? []))
                }
            }
        }
        let name = state.scenario.name
        let title =
            language == .nb
            ? "Harmonisering av gebyrer i nye Asker" + (name.map { ": " + $0 } ?? "")
            : "Harmonising fees in nye Asker" + (name.map { ": " + $0 } ?? "")
        return Report(
            title: title, summary: summary(state, language), provenance: "harmoni \(CLI.version)", sections: sections,
            language: language)
    }

    /// The show statements to try, in report order.
    private func attempts(_ state: SessionState) -> [Attempt] {
        var list: [Attempt] = []
        for area in state.dataset.areas { list.append(Attempt(word: "diff", alternatives: [area.id.rawValue])) }
        if state.dataset.areas.isEmpty { list.append(Attempt(word: "diff", alternatives: [""])) }
        for household in state.dataset.households {
            let id = household.id.rawValue
            list.append(
                Attempt(word: "household", alternatives: [id, "\"\(id)\""], sectionTitle: ("Typiske husholdninger", "Typical households")))
        }
        list.append(Attempt(word: "impact", alternatives: ["by area", ""]))
        list.append(Attempt(word: "budget", alternatives: [""], sectionTitle: ("Skyggebudsjett", "Shadow budget")))
        return list
    }

    /// Runs the first alternative of `attempt` that succeeds; its tables, or none.
    private func run(_ attempt: Attempt, _ state: inout SessionState, outputs: inout [Output]) -> [Table] {
        guard let spec = specs.first(where: { $0.words == ["show", attempt.word] }) else { return [] }
        for alternative in attempt.alternatives {
            let file = SourceFile(name: "<export report>", text: "show \(attempt.word) \(alternative)\n")
            let (unit, diagnostics) = Parser.parse(file)
            guard !diagnostics.contains(where: { $0.severity == .error }), let statement = unit.statements.first,
                case .command(let command) = statement.kind
            else { continue }
            var local = context
            local.file = file
            do throws(Diagnostic) {
                let shown = try spec.action(command, &state, local)
                let tables = shown.compactMap { if case .table(let t) = $0 { t } else { nil } }
                if !tables.isEmpty { return tables }
            } catch {
                continue
            }
        }
        return []
    }

    /// The scenario summary: its name, period, deflator choices and decisions.
    private func summary(_ state: SessionState, _ language: DisplayLanguageTag) -> [String] {
        let nb = language == .nb
        let scenario = state.scenario
        var lines: [String] = []
        if let name = scenario.name { lines.append((nb ? "Scenario: " : "Scenario: ") + name) }
        lines.append((nb ? "Periode: " : "Period: ") + "\(scenario.period.lowerBound)–\(scenario.period.upperBound).")
        if !scenario.deflatorOverrides.isEmpty {
            let text = scenario.deflatorOverrides.map { "\($0.year): \(NorwegianFormat.percent($0.rate))" }.joined(separator: ", ")
            lines.append((nb ? "Deflator valgt i scenariet: " : "Deflator chosen in the scenario: ") + text + ".")
        }
        if scenario.decisions.isEmpty {
            lines.append(
                nb
                    ? "Scenariet har ingen vedtak: tabellene viser utgangspunktet i de tre kommunene."
                    : "The scenario has no decisions: the tables show the three municipalities' starting point.")
        } else {
            lines.append(
                (nb ? "Vedtak i scenariet: " : "Decisions in the scenario: ")
                    + scenario.decisions.map(\.statement).joined(separator: "; ") + ".")
        }
        return lines
    }
}
