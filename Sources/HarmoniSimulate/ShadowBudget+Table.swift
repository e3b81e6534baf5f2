import HarmoniModel
import HarmoniReport

extension ShadowBudget {
    /// The skyggebudsjett as a table (kind `budget`): columns `area`, `item` and `y2020` … per
    /// year, in 1 000 kr. Rows per area: the three baselines, price growth, one row per decision,
    /// the rounding difference and the area's total; then the grand block (`area` = `alle`).
    public func table(dataset: Dataset, language: DisplayLanguageTag = .nb) -> Table {
        let en = language == .en
        let first = years.first ?? 2020
        let last = years.last ?? 2023
        let kroner =
            basis == .fixed
            ? (en ? "fixed \(first) kroner" : "faste \(first)-kroner") : (en ? "nominal kroner" : "løpende kroner")
        let merger = DisplayNames.mergerName(dataset, nb: !en)
        var table = Table(
            kind: "budget",
            title: (en ? "Shadow budget, \(merger) \(first)-\(last)" : "Skyggebudsjett \(merger) \(first)-\(last)")
                + " (1 000 kr, \(kroner))",
            columns: [Column("area", en ? "Area" : "Område"), Column("item", en ? "Item" : "Post")]
                + years.map { Column("y\($0)", String($0), .right) })
        for block in blocks {
            for row in block.rows {
                let label = self.label(row, block: block, dataset: dataset, en: en)
                let note = footnote(row, block: block, dataset: dataset, en: en).map { table.footnote($0) }
                table.rows.append([.text(block.area.displayName(english: en)), .text(label)] + cells(row, footnote: note))
            }
            for budgets in block.baselines.values {
                for budget in budgets {
                    if let source = budget.provenance.source.flatMap(dataset.source) { table.cite(source) }
                }
            }
        }
        for row in grand {
            var label = self.label(row, block: nil, dataset: dataset, en: en)
            if case .total = row.kind {
                label =
                    en ? "Total \(merger) (areas with a net baseline)" : "Sum \(merger) (områder med netto grunnlag)"
            }
            table.rows.append([.text(en ? "All areas" : "Alle områder"), .text(label)] + cells(row, footnote: nil))
        }
        table.sources.sort { $0.title < $1.title }
        table.notes = notes(dataset: dataset, en: en)
        if table.rows.contains(where: { $0.contains(where: \.isEstimate) }) {
            table.notes.append(ReportNotes.estimateMark(en: en))
        }
        return table
    }

    private func cells(_ row: Row, footnote: Int?) -> [Cell] {
        row.rounded.enumerated().map { i, amount in
            let marks = (i == 0 ? footnote.map { [$0] } : nil) ?? []
            if i < row.lineCounts.count, row.lineCounts[i] == 0, marks.isEmpty { return .empty }
            guard let amount else { return .missing(footnotes: marks) }
            return .thousands(amount, status: row.status, footnotes: marks)
        }
    }

    private func label(_ row: Row, block: Block?, dataset: Dataset, en: Bool) -> String {
        switch row.kind {
        case .baseline(let municipality):
            let name = dataset.municipality(municipality)?.name ?? municipality.rawValue
            return en ? "\(name): net \(dataset.baselineYear)" : "\(name): netto \(dataset.baselineYear)"
        case .priceGrowth: return en ? "Price growth (kommunal deflator)" : "Prisvekst (kommunal deflator)"
        case .effect(let decision):
            guard decision < decisions.count else { return "#\(decision + 1)" }
            return decisions[decision].label(index: decision, dataset: dataset, firstYear: years.first ?? 2020, nb: !en)
        case .areaTotal(let area): return (en ? "Total " : "Sum ") + DisplayNames.area(area, in: dataset, nb: !en)
        case .roundingDifference: return en ? "Rounding difference" : "Avrundingsdifferanse"
        case .total:
            return (en ? "Total " : "Sum ") + (block?.area.displayName(english: en) ?? DisplayNames.mergerName(dataset, nb: !en))
        }
    }

    private func footnote(_ row: Row, block: Block, dataset: Dataset, en: Bool) -> String? {
        switch row.kind {
        case .baseline(let municipality):
            let name = dataset.municipality(municipality)?.name ?? municipality.rawValue
            let used = block.baselines[municipality] ?? []
            if !used.isEmpty {
                let parts = used.map {
                    "\(DisplayNames.budgetLine($0.line, nb: !en)) (\(DisplayNames.budgetMeasure($0.measure, nb: !en)), \(DisplayNames.status($0.provenance.status, nb: !en))) \(NorwegianFormat.moneyNumber($0.amount.rounded(.thousandKroner).divided1000)) tkr"
                }
                return "\(name), \(block.area.displayName(english: en)): " + parts.joined(separator: " + ")
            }
            let brutto = block.bruttoOnly[municipality] ?? []
            if let first = brutto.first {
                let amount = NorwegianFormat.moneyNumber(first.amount.rounded(.thousandKroner).divided1000)
                return en
                    ? "\(name), \(block.area.displayName(english: en)): no net figure in the dataset; only gross (\(DisplayNames.budgetMeasure(first.measure, nb: false)) \(amount) tkr, a national per-capita estimate), never added to net"
                    : "\(name), \(block.area.displayName(english: en)): ingen netto driftsutgifter i datasettet; bare brutto (\(DisplayNames.budgetMeasure(first.measure, nb: true)) \(amount) tkr, nasjonalt per-innbygger-anslag), som aldri legges til netto"
            }
            return en
                ? "\(name), \(block.area.displayName(english: en)): no estimate in the dataset"
                : "\(name), \(block.area.displayName(english: en)): intet anslag i datasettet"
        case .effect:
            guard row.missingLines > 0 else { return nil }
            return en
                ? "\(row.missingLines) ledger line(s) in the period without a volume are not included (effect unknown)"
                : "\(row.missingLines) linje(r) i perioden uten volum er ikke med (effekten er ukjent)"
        default: return nil
        }
    }

    private func notes(dataset: Dataset, en: Bool) -> [String] {
        var notes: [String] = []
        let first = years.first ?? 2020
        notes.append(
            en
                ? "Amounts in 1 000 kr, each cell rounded half-up to the nearest 1 000 kr; the rounding difference row makes the rounded rows add up to the total, which is the exact sum rounded."
                : "Beløp i 1 000 kr; hver celle er avrundet til nærmeste 1 000 kr (500 kr rundes opp). Avrundingsdifferansen gjør at de avrundede radene summerer til summen, som er den eksakte summen avrundet."
        )
        notes.append(ReportNotes.priceBasis(index, basis: basis, firstYear: first, en: en))
        notes.append(
            en
                ? "Baselines: \(dataset.baselineYear) net operating costs per area from the dataset (the total line where there is one, else the sum of the net lines); gross is never added to net. Positive amounts raise net operating costs; more fee revenue shows as negative (excl. mva)."
                : "Grunnlag: netto driftsutgifter \(dataset.baselineYear) per tjenesteområde fra datasettet (sumlinjen der den finnes, ellers summen av nettolinjene); brutto legges aldri til netto. Positive tall øker netto driftsutgifter; økte gebyrinntekter vises negativt (ekskl. mva)."
        )
        let incomplete = blocks.filter { !$0.isComplete }.map { $0.area.displayName(english: en) }
        if !incomplete.isEmpty {
            notes.append(
                en
                    ? "Lacking a complete net basis (total missing, not in \(DisplayNames.mergerName(dataset, nb: false))'s total): \(incomplete.joined(separator: "; ")). Effects of decisions there are shown but not added."
                    : "Mangler fullstendig netto grunnlag (sum mangler, ikke med i \(DisplayNames.mergerName(dataset, nb: true))s sum): \(incomplete.joined(separator: "; ")). Effekter av vedtak der vises, men legges ikke til."
            )
        }
        return notes
    }
}
