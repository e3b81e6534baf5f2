import Foundation
import HarmoniSimulate

/// Two scenarios side by side: the statements only one of them has, and the netto effects that
/// differ per group (service, area or municipality) and year. `compare` shows it.
struct ScenarioComparison {
    /// One scenario: its file name as written, the state after running it, its ledger.
    struct Side {
        var name: String
        var state: SessionState
        var ledger: Ledger
    }

    var a: Side
    var b: Side
    /// The folder dataset paths are written relative to.
    var workingDirectory: String
    /// How many `export`/`save` writes the scenarios asked for (never made by `compare`).
    var skippedWrites = 0

    /// Table kind `compare-decisions`, keys `only_in`, `scenario`, `statement`: every statement
    /// (`use dataset`, `baseline`, setting, decision, canonical) that one scenario has and the other
    /// lacks, counted with multiplicity; A's in A's order, then B's in B's order.
    func decisionTable(dataset: Dataset, language: DisplayLanguageTag) -> Table {
        let en = language == .en
        var table = Table(
            kind: "compare-decisions",
            title: en ? "Decisions only one scenario makes" : "Vedtak som bare det ene scenariet har",
            columns: [
                Column("only_in", en ? "Only in" : "Bare i"), Column("scenario", "Scenario"),
                Column("statement", en ? "Statement (canonical)" : "Setning (kanonisk)"),
            ])
        let header = ScenarioWriter.Header(workingDirectory: workingDirectory)
        let left = ScenarioWriter.statements(state: a.state, header: header)
        let right = ScenarioWriter.statements(state: b.state, header: header)
        for statement in Self.subtracting(right, from: left) {
            table.rows.append([.text("A"), .text(a.name), .text(statement)])
        }
        for statement in Self.subtracting(left, from: right) {
            table.rows.append([.text("B"), .text(b.name), .text(statement)])
        }
        table.notes.append(names(en))
        if table.rows.isEmpty {
            table.notes.append(
                en ? "The two scenarios make the same decisions." : "De to scenariene har de samme vedtakene.")
        }
        if skippedWrites > 0 {
            table.notes.append(
                en
                    ? "«compare» never writes: \(skippedWrites) export/save statement(s) in the scenarios were not carried out."
                    : "«compare» skriver aldri: \(skippedWrites) export/save-setning(er) i scenariene ble ikke utført.")
        }
        return table
    }

    /// Table kind `compare-impact`, keys `group`, `year`, `net_effect_a`, `net_effect_b`,
    /// `difference` (B − A): the netto effect (cost change − revenue change, kr per year excl.
    /// mva) per group and year where the scenarios differ, with a sum per such year.
    func impactTable(grouping: ImpactGrouping, dataset: Dataset, language: DisplayLanguageTag) -> Table {
        let en = language == .en
        let heading: String
        switch grouping {
        case .area: heading = en ? "Area" : "Tjenesteområde"
        case .municipality: heading = en ? "Municipality" : "Kommune"
        case .service: heading = en ? "Service" : "Tjeneste"
        }
        var table = Table(
            kind: "compare-impact",
            title: (en ? "Impacts that differ, by " : "Virkninger som er ulike, per ") + heading.lowercased(),
            columns: [
                Column("group", heading), Column("year", en ? "Year" : "År"),
                Column("net_effect_a", en ? "Netto effect A" : "Netto virkning A", .right),
                Column("net_effect_b", en ? "Netto effect B" : "Netto virkning B", .right),
                Column("difference", en ? "Difference B − A" : "Forskjell B − A", .right),
            ])
        let years = Array(Set(a.ledger.period).union(b.ledger.period)).sorted()
        let groups = Self.groups(a.ledger.lines + b.ledger.lines, grouping, dataset)
        var estimated = false
        for year in years {
            var rows: [[Cell]] = []
            var sumA = Money.zero
            var sumB = Money.zero
            var sumStatus = Status.published
            for group in groups {
                let left = a.ledger.lines.filter { $0.year == year && Self.key($0, grouping) == group }
                let right = b.ledger.lines.filter { $0.year == year && Self.key($0, grouping) == group }
                let netA = LedgerTotal(chaining: left).netEffect
                let netB = LedgerTotal(chaining: right).netEffect
                sumA += netA
                sumB += netB
                let status = (left + right).map(\.status).max() ?? .published
                sumStatus = max(sumStatus, status)
                guard netA != netB else { continue }
                estimated = estimated || status == .estimated
                rows.append(Self.row(Self.name(group, grouping, dataset), year, netA, netB, status))
            }
            guard !rows.isEmpty else { continue }
            table.rows += rows
            table.rows.append(Self.row(en ? "Total" : "Sum", year, sumA, sumB, sumStatus))
        }
        table.notes.append(names(en))
        table.notes.append(
            en
                ? "Netto effect = cost change − revenue change (kr per year, excl. mva), each scenario against its baseline (the current dataset with the scenario's own «baseline» corrections); positive raises netto driftsutgifter. Only groups and years where A and B differ are shown; a sum follows each such year."
                : "Netto virkning = endring i utgift − endring i inntekt (kr per år, ekskl. mva), hvert scenario mot sitt grunnlag (gjeldende datasett med scenariets egne «baseline»-rettelser); positive tall øker netto driftsutgifter. Bare grupper og år der A og B er ulike vises; hvert slikt år har en sum."
        )
        table.notes += priceNotes(en)
        let missing = (
            a.ledger.lines.filter { $0.change == nil }.count, b.ledger.lines.filter { $0.change == nil }.count
        )
        if missing.0 + missing.1 > 0 {
            table.notes.append(
                en
                    ? "Lines without volume (effect unknown, not in the sums): A \(missing.0), B \(missing.1)."
                    : "Linjer uten volum (effekten er ukjent, ikke med i summene): A \(missing.0), B \(missing.1).")
        }
        if table.rows.isEmpty {
            table.notes.append(en ? "The two scenarios have the same impact." : "De to scenariene har samme virkning.")
        }
        if estimated { table.notes.append(ReportNotes.estimateMark(en: en)) }
        return table
    }

    private func names(_ en: Bool) -> String {
        "A = \(a.name)" + (a.state.scenario.name.map { " («\($0)»)" } ?? "") + "; B = \(b.name)"
            + (b.state.scenario.name.map { " («\($0)»)" } ?? "") + "."
    }

    private func priceNotes(_ en: Bool) -> [String] {
        func note(_ side: Side) -> String {
            ReportNotes.priceBasis(
                side.ledger.index, basis: side.ledger.index?.basis ?? side.state.scenario.prices,
                firstYear: side.ledger.period.lowerBound, en: en)
        }
        let (left, right) = (note(a), note(b))
        return left == right ? [left] : ["A: " + left, "B: " + right]
    }

    private static func row(_ label: String, _ year: Int, _ a: Money, _ b: Money, _ status: Status) -> [Cell] {
        let shown = status == .estimated ? Status.estimated : .published
        return [
            .text(label), .text(String(year)), .money(a, status: shown), .money(b, status: shown),
            .money(b - a, status: shown),
        ]
    }

    /// `right` with each element of `left` removed once, in `right`'s order.
    static func subtracting(_ left: [String], from right: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for statement in left { counts[statement, default: 0] += 1 }
        var out: [String] = []
        for statement in right {
            if let count = counts[statement], count > 0 {
                counts[statement] = count - 1
            } else {
                out.append(statement)
            }
        }
        return out
    }

    static func key(_ line: LedgerLine, _ grouping: ImpactGrouping) -> String {
        switch grouping {
        case .area: return line.area.rawValue
        case .municipality: return line.municipality.rawValue
        case .service: return line.group
        }
    }

    /// The groups in a stable order: areas and municipalities in dataset order, services in the
    /// order they first appear.
    static func groups(_ lines: [LedgerLine], _ grouping: ImpactGrouping, _ dataset: Dataset) -> [String] {
        let present = Set(lines.map { key($0, grouping) })
        switch grouping {
        case .area: return dataset.areas.map(\.id.rawValue).filter(present.contains)
        case .municipality: return dataset.mergingMunicipalities.map(\.rawValue).filter(present.contains)
        case .service:
            var order: [String] = []
            for line in lines where !order.contains(line.group) { order.append(line.group) }
            return order
        }
    }

    static func name(_ group: String, _ grouping: ImpactGrouping, _ dataset: Dataset) -> String {
        switch grouping {
        case .area: return dataset.area(AreaID(group))?.name ?? group
        case .municipality: return dataset.municipality(MunicipalityID(group))?.name ?? group
        case .service: return dataset.service(ServiceID(group))?.name ?? Links.displayName(ofScheme: group)
        }
    }
}
