import HarmoniModel
import HarmoniReport

extension Comparison {
    /// The stable column keys of a comparison table of `municipalities`, in order (exports rely
    /// on them): `line`, `unit`, one per municipality id, then the statistics.
    public static func columnKeys(_ municipalities: [MunicipalityID]) -> [String] {
        ["line", "unit"] + municipalities.map(\.rawValue)
            + ["lowest", "highest", "spread_kr", "spread_pct", "weighted_mean", "lowest_in", "highest_in"]
    }

    /// The comparison as a table: one row per line, a column per municipality, then lowest, highest,
    /// spread in kr and %, volume-weighted mean and where the lowest and highest are. Estimates are
    /// `≈` with a footnote naming the kind of estimate; missing values say `mangler` with the
    /// record's note; a line a municipality lacks is `–`. Notes state every normalisation choice.
    public func table(_ dataset: Dataset, language: DisplayLanguageTag = .nb) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "diff",
            title: (nb ? "Sammenligning: " : "Comparison: ") + dataset.name(of: scope, nb: nb) + " – " + basis.label(language) + " (\(year))",
            columns: columns(dataset, nb))
        // Display names of lines (a `line` block per fee line); with the service when rows mix services.
        let mixed = Set(rows.map(\.service)).count > 1
        for row in rows {
            let label = row.key.map {
                mixed ? DisplayNames.serviceLine($0, in: dataset, nb: nb) : DisplayNames.line($0, in: dataset, nb: nb)
            } ?? DisplayNames.service(row.service, in: dataset, nb: nb)
            var cells: [Cell] = [.text(label)]
            cells.append(.text(row.values.lazy.compactMap { $0.value.amount?.unit.label(language) }.first ?? ""))
            for entry in row.values { cells.append(cell(entry, row, dataset, language, &table)) }
            cells += statisticsCells(row.statistics, row, dataset, language, &table)
            table.rows.append(cells)
            for entry in row.values {
                for fee in entry.value.amount?.rows ?? [] {
                    if let id = fee.provenance.source, let source = dataset.source(id) { table.cite(source) }
                }
            }
        }
        table.notes = notes(language, dataset: dataset)
        table.seriesKeys = dataset.mergingMunicipalities.map(\.rawValue)
        if table.rows.isEmpty { table.notes.insert(nb ? "Ingen gebyrlinjer i datasettet." : "No fee lines in the dataset.", at: 0) }
        return table
    }

    private func columns(_ dataset: Dataset, _ nb: Bool) -> [Column] {
        var columns = [Column("line", nb ? "Linje" : "Line"), Column("unit", nb ? "Enhet" : "Unit")]
        for municipality in dataset.mergingMunicipalities {
            columns.append(Column(municipality.rawValue, dataset.displayName(municipality), .right))
        }
        columns += [
            Column("lowest", nb ? "Lavest" : "Lowest", .right), Column("highest", nb ? "Høyest" : "Highest", .right),
            Column("spread_kr", nb ? "Spredning kr" : "Spread kr", .right),
            Column("spread_pct", nb ? "Spredning %" : "Spread %", .right),
            Column("weighted_mean", nb ? "Vektet snitt" : "Weighted mean", .right),
            Column("lowest_in", nb ? "Lavest i" : "Lowest in"), Column("highest_in", nb ? "Høyest i" : "Highest in"),
        ]
        return columns
    }

    private func cell(
        _ entry: MunicipalityValue, _ row: ComparisonRow, _ dataset: Dataset, _ language: DisplayLanguageTag,
        _ table: inout Table
    ) -> Cell {
        switch entry.value {
        case .notOffered: return .text("–")
        case .missing(let note):
            let label = dataset.service(row.service)?.name ?? row.service.rawValue
            return .missing(footnotes: [table.footnote(label + ": " + note)])
        case .value(let amount):
            var marks: [Int] = []
            if let text = Comparison.estimateFootnote(amount, language) { marks.append(table.footnote(text)) }
            if basis == .asPublished, let text = priceChangeFootnote(entry.municipality, row, dataset, language) {
                marks.append(table.footnote(text))
            }
            return .money(amount.amount, status: amount.status, footnotes: marks.sorted())
        }
    }

    /// `Anslag (en annen kommunes nivå), lav sikkerhet`, or `nil` for a value that is neither
    /// estimated nor flagged.
    static func estimateFootnote(_ amount: NormalisedAmount, _ language: DisplayLanguageTag) -> String? {
        estimateFootnote(status: amount.status, kinds: amount.estimateKinds, lowConfidence: amount.lowConfidence, language)
    }

    /// The footnote text for a value's status, kinds of estimate and low-confidence flag.
    static func estimateFootnote(status: Status, kinds: [String], lowConfidence: Bool, _ language: DisplayLanguageTag)
        -> String?
    {
        let nb = language == .nb
        var parts: [String] = []
        if status == .estimated {
            let names = kinds.map { EstimateKind.displayName($0, norwegian: nb) }
            parts.append((nb ? "Anslag" : "Estimate") + (names.isEmpty ? "" : " (" + names.joined(separator: "; ") + ")"))
        }
        if lowConfidence { parts.append(nb ? "lav sikkerhet" : "low confidence") }
        guard !parts.isEmpty else { return nil }
        var text = parts.joined(separator: ", ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }

    /// As published shows the last price of the year; say so when the price changed during it.
    private func priceChangeFootnote(
        _ municipality: MunicipalityID, _ row: ComparisonRow, _ dataset: Dataset, _ language: DisplayLanguageTag
    ) -> String? {
        guard let key = row.key else { return nil }
        let rows = dataset.fees(municipality, key).filter { $0.provenance.validity.touches(year: year) }
        guard rows.count > 1, let last = rows.last, let from = last.provenance.validity.from else { return nil }
        let earlier = rows.dropLast().map { NorwegianFormat.money($0.amount, unit: $0.period.unit.symbol) }
        return language == .nb
            ? "Ny pris fra \(from); før: " + earlier.joined(separator: ", ")
            : "New price from \(from); before: " + earlier.joined(separator: ", ")
    }

    private func statisticsCells(
        _ statistics: ComparisonStatistics?, _ row: ComparisonRow, _ dataset: Dataset, _ language: DisplayLanguageTag,
        _ table: inout Table
    ) -> [Cell] {
        guard let s = statistics else { return Array(repeating: .empty, count: 7) }
        let nb = language == .nb
        func names(_ ids: [MunicipalityID]) -> String {
            let present = row.values.filter { $0.value.amount != nil }.count
            if ids.count == present && present == dataset.mergingMunicipalities.count { return nb ? "alle" : "all" }
            return ids.map { dataset.displayName($0) }.joined(separator: ", ")
        }
        let mean: Cell
        if let value = s.weightedMean {
            mean = .money(value, status: s.weightedMeanStatus ?? .published)
        } else {
            let who = s.volumesMissing.map { dataset.displayName($0) }.joined(separator: ", ")
            mean = .missing(footnotes: [
                table.footnote(nb ? "Vektet snitt: volum mangler for \(who)" : "Weighted mean: no volume for \(who)")
            ])
        }
        return [
            .money(s.lowest, status: s.lowestStatus), .money(s.highest, status: s.highestStatus),
            .money(s.spread, status: s.spreadStatus), s.spreadRate.map { .rate($0) } ?? .empty, mean,
            .text(names(s.lowestIn)), .text(names(s.highestIn)),
        ]
    }
}
