import HarmoniModel
import HarmoniReport

/// How `show impact` groups the ledger.
public enum ImpactGrouping: String, Sendable, Hashable, CaseIterable {
    case area
    case municipality
    case service
}

/// The ledger as tables (kind `impact`).
public enum ImpactReport {
    /// One row per ledger line (no grouping) or per group and year, with a sum per year. Only
    /// lines of `year` when given.
    public static func table(
        _ ledger: Ledger, dataset: Dataset, grouping: ImpactGrouping? = nil, year: Int? = nil,
        language: DisplayLanguageTag = .nb
    ) -> Table {
        let en = language == .en
        let lines = ledger.lines.filter { year == nil || $0.year == year }
        let years = Array(ledger.period).filter { year == nil || $0 == year }
        var table: Table
        if let grouping {
            table = grouped(lines, years: years, grouping: grouping, dataset: dataset, en: en)
        } else {
            table = detailed(lines, years: years, ledger: ledger, dataset: dataset, en: en)
        }
        if let year { table.title += ", \(year)" }
        table.notes = ImpactNotes.notes(ledger, dataset: dataset, year: year, en: en)
        if table.rows.contains(where: { $0.contains(where: \.isEstimate) }) {
            table.notes.append(ReportNotes.estimateMark(en: en))
        }
        // Each source looked up once (a ledger has thousands of lines, a dataset a few sources).
        var seen: Set<SourceID> = []
        for line in lines {
            for id in line.sources where seen.insert(id).inserted {
                if let source = dataset.source(id) { table.cite(source) }
            }
        }
        table.sources.sort { $0.title < $1.title }
        return table
    }

    private static func detailed(_ lines: [LedgerLine], years: [Int], ledger: Ledger, dataset: Dataset, en: Bool)
        -> Table
    {
        var table = Table(
            kind: "impact", title: en ? "Impact of the decisions per line" : "Virkning av vedtakene per linje",
            columns: [
                Column("service", en ? "Line" : "Linje"), Column("municipality", en ? "Municipality" : "Kommune"),
                Column("year", en ? "Year" : "År"), Column("kind", en ? "Kind" : "Art"),
                Column("volume", en ? "Volume" : "Volum", .right),
                Column("unit_before", en ? "Per unit before" : "Per enhet før", .right),
                Column("unit_after", en ? "Per unit after" : "Per enhet etter", .right),
                Column("before", en ? "Before" : "Før", .right), Column("after", en ? "After" : "Etter", .right),
                Column("change", en ? "Change" : "Endring", .right), Column("users", en ? "Users" : "Brukere", .right),
                Column("change_per_user", en ? "Per user" : "Per bruker", .right),
                Column("decision", en ? "Decision" : "Vedtak"),
            ])
        let missingNote =
            en
            ? "no volume in the dataset: revenue unknown (not 0)"
            : "volum mangler i datasettet: inntekten er ukjent (ikke 0)"
        // Each decision's label and each municipality's name made once, not once per line.
        let labels = ledger.decisions.indices.map { ledger.label($0, dataset: dataset, en: en) }
        var names: [MunicipalityID: String] = [:]
        for line in lines where names[line.municipality] == nil { names[line.municipality] = name(line.municipality, dataset) }
        for year in years {
            let inYear = lines.filter { $0.year == year }
            for line in inYear {
                let volume: Cell = line.volume.map { .number($0) } ?? .missing(footnotes: [table.footnote(missingNote)])
                func money(_ amount: Money?) -> Cell {
                    amount.map { .money($0, status: line.status) } ?? .missing(footnotes: [table.footnote(missingNote)])
                }
                table.rows.append([
                    .text(line.displayText(dataset, en: en)), .text(names[line.municipality] ?? line.municipality.rawValue), .text(String(line.year)),
                    .text(kindText(line.kind, en) + (line.selvkost ? ", selvkost" : "")), volume,
                    .money(line.unitBefore, status: line.status),
                    .money(line.unitAfter, status: line.status), money(line.before), money(line.after),
                    money(line.change),
                    line.users.map { .number($0) } ?? .empty,
                    line.changePerUser.map { .money($0, status: line.status) } ?? .empty,
                    .text(labels.indices.contains(line.decision) ? labels[line.decision] : ledger.label(line.decision, dataset: dataset, en: en)),
                ])
            }
            for kind in [LedgerLine.Kind.revenue, .cost] where inYear.contains(where: { $0.kind == kind }) {
                let total = LedgerTotal(chaining: inYear.filter { $0.kind == kind })
                let before = kind == .revenue ? total.revenueBefore : total.costBefore
                let after = kind == .revenue ? total.revenueAfter : total.costAfter
                let label =
                    kind == .revenue ? (en ? "Total revenue" : "Sum inntekter") : (en ? "Total cost" : "Sum utgifter")
                table.rows.append([
                    .text(label), .empty, .text(String(year)), .text(kindText(kind, en)), .empty, .empty, .empty,
                    .money(before), .money(after), .money(after - before), .empty, .empty,
                    total.missingLines > 0
                        ? .text(
                            en
                                ? "\(total.missingLines) line(s) without volume not included"
                                : "\(total.missingLines) linje(r) uten volum er ikke med")
                        : .empty,
                ])
            }
        }
        return table
    }

    private static func grouped(
        _ lines: [LedgerLine], years: [Int], grouping: ImpactGrouping, dataset: Dataset, en: Bool
    ) -> Table {
        let heading: String
        switch grouping {
        case .area: heading = en ? "Area" : "Tjenesteområde"
        case .municipality: heading = en ? "Municipality" : "Kommune"
        case .service: heading = en ? "Service" : "Tjeneste"
        }
        var table = Table(
            kind: "impact",
            title: (en ? "Impact of the decisions by " : "Virkning av vedtakene per ") + heading.lowercased(),
            columns: [
                Column("group", heading), Column("year", en ? "Year" : "År"),
                Column("revenue_before", en ? "Revenue before" : "Inntekt før", .right),
                Column("revenue_after", en ? "Revenue after" : "Inntekt etter", .right),
                Column("revenue_change", en ? "Revenue change" : "Endring inntekt", .right),
                Column("cost_change", en ? "Cost change" : "Endring utgift", .right),
                Column("net_effect", en ? "Net effect (+ = higher net spending)" : "Netto virkning (+ = økte netto utgifter)", .right),
                Column("missing", en ? "Lines w/o volume" : "Linjer uten volum", .right),
            ])
        func key(_ line: LedgerLine) -> String {
            switch grouping {
            case .area: return line.area.rawValue
            case .municipality: return line.municipality.rawValue
            case .service: return line.group
            }
        }
        var groups: [String] = []
        switch grouping {
        case .municipality:
            groups = dataset.mergingMunicipalities.map(\.rawValue).filter { g in lines.contains { key($0) == g } }
        case .area: groups = dataset.areas.map(\.id.rawValue).filter { g in lines.contains { key($0) == g } }
        case .service: for line in lines where !groups.contains(line.group) { groups.append(line.group) }
        }
        for year in years {
            let inYear = lines.filter { $0.year == year }
            let sum = LedgerTotal(chaining: inYear)
            for group in groups {
                let members = inYear.filter { key($0) == group }
                let total = LedgerTotal(chaining: members)
                guard total.lines > 0 else { continue }
                table.rows.append(row(groupName(group, grouping, dataset, en: en), year, total, weakest(members)))
            }
            if sum.lines > 0 { table.rows.append(row(en ? "Total" : "Sum", year, sum, weakest(inYear))) }
        }
        return table
    }

    /// The weakest status among the lines a row sums (an estimate anywhere makes the sum ≈).
    private static func weakest(_ lines: [LedgerLine]) -> Status { lines.map(\.status).max() ?? .published }

    private static func row(_ label: String, _ year: Int, _ total: LedgerTotal, _ status: Status) -> [Cell] {
        [
            .text(label), .text(String(year)), .money(total.revenueBefore, status: status),
            .money(total.revenueAfter, status: status), .money(total.revenueChange, status: status),
            .money(total.costChange, status: status), .money(total.netEffect, status: status),
            .number(DecimalNumber(Int64(total.missingLines))),
        ]
    }

    private static func groupName(_ group: String, _ grouping: ImpactGrouping, _ dataset: Dataset, en: Bool = false) -> String {
        switch grouping {
        case .area: return DisplayNames.area(AreaID(group), in: dataset, nb: !en)
        case .municipality: return name(MunicipalityID(group), dataset)
        case .service: return dataset.service(ServiceID(group))?.displayName(english: en) ?? Links.displayName(ofScheme: group)
        }
    }

    static func name(_ municipality: MunicipalityID, _ dataset: Dataset) -> String {
        dataset.municipality(municipality)?.name ?? municipality.rawValue
    }

    private static func kindText(_ kind: LedgerLine.Kind, _ en: Bool) -> String {
        switch kind {
        case .revenue: return en ? "revenue" : "inntekt"
        case .cost: return en ? "cost" : "utgift"
        }
    }
}
