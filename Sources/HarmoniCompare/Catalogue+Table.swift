import HarmoniModel
import HarmoniReport

extension Dataset {
    /// Every service as a table (columns `service`, `name`, `area`, `selvkost`, `lines`,
    /// `municipalities`): its area, whether selvkost applies, how many fee lines it has, and which
    /// municipalities have them (or lack them in the record). Dataset order.
    public func servicesTable(year: Int, language: DisplayLanguageTag = .nb) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "services", title: nb ? "Tjenester med gebyrer (\(year))" : "Services with fees (\(year))",
            columns: [
                Column("service", nb ? "Tjeneste" : "Service"), Column("name", nb ? "Navn" : "Name"),
                Column("area", nb ? "Område" : "Area"), Column("selvkost", "Selvkost"),
                Column("lines", nb ? "Linjer" : "Lines", .right), Column("municipalities", nb ? "Kommuner" : "Municipalities"),
            ])
        for service in services {
            let keys = lines(of: service.id)
            let having = mergingMunicipalities.filter { m in keys.contains { !rows(m, $0, year).isEmpty } }
            let gaps = mergingMunicipalities.filter { missing($0, service.id) != nil }
            var who = having.map { displayName($0) }.joined(separator: ", ")
            if !gaps.isEmpty {
                who = (who.isEmpty ? "" : who + "; ") + (nb ? "mangler: " : "missing: ") + gaps.map { displayName($0) }.joined(separator: ", ")
            }
            table.rows.append([
                .text(service.id.rawValue), .text(service.displayName(english: !nb)), .text(DisplayNames.area(service.area, in: self, nb: nb)),
                .text(service.selvkost ? (nb ? "ja" : "yes") : (nb ? "nei" : "no")), .number(DecimalNumber(Int64(keys.count))),
                .text(who),
            ])
        }
        table.notes.append(
            nb ? "Vis gebyrene med «show fees <tjeneste>», sammenlign med «show diff <tjeneste|område>»."
                : "Show the fees with «show fees <service>», compare with «show diff <service|area>».")
        return table
    }

    /// The fee rows in `scope` touching `year` as published (columns `municipality`, `line`, `value`,
    /// `unit`, `billed_months`, `vat`, `valid`, `status`), line by line and within a line in merger
    /// order, then date order. Estimates are `≈` with a footnote naming the kind of estimate.
    public func feesTable(_ scope: ComparisonScope, year: Int, language: DisplayLanguageTag = .nb) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "fees", title: (nb ? "Gebyrer: " : "Fees: ") + name(of: scope, nb: nb) + " (\(year))",
            columns: [
                Column("municipality", nb ? "Kommune" : "Municipality"), Column("line", nb ? "Linje" : "Line"),
                Column("value", nb ? "Pris" : "Price", .right), Column("unit", nb ? "Enhet" : "Unit"),
                Column("billed_months", nb ? "Mnd" : "Months", .right), Column("vat", nb ? "Mva" : "VAT"),
                Column("valid", nb ? "Gyldig" : "Valid"), Column("status", "Status"),
            ])
        let keys = lines(in: scope)
        let mixed = Set(keys.map(\.service)).count > 1
        for key in keys {
            let label = mixed ? DisplayNames.serviceLine(key, in: self, nb: nb) : DisplayNames.line(key, in: self, nb: nb)
            for municipality in mergingMunicipalities {
                for fee in rows(municipality, key, year) {
                    let marks = Comparison.estimateFootnote(
                        status: fee.provenance.status, kinds: fee.provenance.estimateKind.map { [$0] } ?? [],
                        lowConfidence: fee.provenance.isLowConfidence, language
                    ).map { [table.footnote($0)] } ?? []
                    table.rows.append([
                        .text(displayName(municipality)), .text(label), .money(fee.amount, status: fee.provenance.status, footnotes: marks),
                        .text(fee.period == .once ? "kr" : fee.period.unit.symbol),
                        fee.billedMonths.map { .number(DecimalNumber(Int64($0))) } ?? .empty,
                        .text(fee.vat.rawValue), .text(fee.provenance.validity.description),
                        .text(StructuralFinding.statusLabel(fee.provenance.status, language)),
                    ])
                    if let id = fee.provenance.source, let source = source(id) { table.cite(source) }
                }
            }
        }
        for service in services(in: scope) {
            for municipality in mergingMunicipalities {
                guard let gap = missing(municipality, service) else { continue }
                let mark = table.footnote(displayName(municipality) + ": " + gap.note)
                table.rows.append([
                    .text(displayName(municipality)), .text(DisplayNames.service(service, in: self, nb: nb)), .missing(footnotes: [mark]), .empty, .empty, .empty,
                    .empty, .text(nb ? "mangler" : "missing"),
                ])
            }
        }
        table.notes.append(
            nb ? "Som publisert: beløpet i kildens enhet og mva-form (none = ingen mva, excl = ekskl. mva, incl = inkl. mva)."
                : "As published: the amount in the source's unit and VAT form (none = no VAT, excl = excl. VAT, incl = incl. VAT).")
        return table
    }
}
