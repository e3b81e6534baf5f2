import HarmoniModel

/// The figures a merger's dataset needs for each old municipality, read from a template dataset
/// (the shipped nye Asker one): every fee line, rule parameter and volume its merging
/// municipalities have, and one netto budget per tjenesteområde.
struct FigureTemplate: Sendable {
    /// One needed figure, without a municipality.
    struct Figure: Sendable, Hashable {
        var kind: MissingFigure.Kind
        var path: [String]
        var unit: String
        var vat: VATForm?
        var billedMonths: Int?
        var measure: String?
        /// What is needed, in Norwegian.
        var description: String
    }

    var figures: [Figure]

    /// The budget line each old municipality gets per tjenesteområde (its name starts with `sum`,
    /// so the skyggebudsjett takes it as the area's total).
    static let budgetLine = "sum_netto_driftsutgifter"
    static let budgetMeasure = "netto_driftsutgifter"

    /// The unit word of a rule value: its unit symbol, `tall`, `valg` (a symbol such as `yes`) or `tekst`.
    static func ruleUnit(_ value: Value) -> String? {
        switch value {
        case .quantity(let q): return q.unit?.symbol ?? "tall"
        case .symbol: return "valg"
        case .text: return "tekst"
        default: return nil
        }
    }

    init(_ template: Dataset) {
        let merging = template.mergingMunicipalities
        var figures: [Figure] = []
        var seen: Set<[String]> = []
        func words(_ id: String) -> String { id.replacingOccurrences(of: "_", with: " ") }
        func serviceName(_ id: ServiceID) -> String { template.service(id)?.name ?? id.rawValue }
        // Fees: one per line, unit, mva and (when every municipality agrees) billed months of the template.
        for fee in template.fees where merging.contains(fee.municipality) {
            let path = ["fee", fee.key.service.rawValue, fee.key.line.rawValue]
            guard seen.insert(path).inserted else { continue }
            let rows = template.fees.filter { $0.key == fee.key && merging.contains($0.municipality) }
            let months = Set(rows.compactMap(\.billedMonths))
            let unit = fee.period.unit.symbol
            let vat = fee.vat == .none ? "ingen mva" : fee.vat == .incl ? "inkl. mva" : "ekskl. mva"
            var text = "Pris i 2019 for \(serviceName(fee.key.service)), linje «\(words(fee.key.line.rawValue))», i \(unit) (\(vat))."
            if fee.period == .month {
                text += months.count == 1 ? " Betalt \(months.first ?? 0) måneder i året." : " Oppgi også antall betalte måneder i året."
            }
            figures.append(
                Figure(
                    kind: .fee, path: Array(path.dropFirst()), unit: unit, vat: fee.vat,
                    billedMonths: months.count == 1 ? months.first : nil, description: text))
        }
        for rule in template.rules where merging.contains(rule.municipality) {
            let path = ["rule", rule.service.rawValue, rule.rule, rule.parameter]
            guard seen.insert(path).inserted, let unit = Self.ruleUnit(rule.value) else { continue }
            let service = rule.service.rawValue == "alle" ? "alle tjenester" : serviceName(rule.service)
            figures.append(
                Figure(
                    kind: .rule, path: Array(path.dropFirst()), unit: unit,
                    description: "Regel i 2019 for \(service): «\(words(rule.rule))», «\(words(rule.parameter))» (\(unit)). Har kommunen ikke regelen, skriv det i kommentaren."))
        }
        for volume in template.volumes where merging.contains(volume.municipality) {
            let path = ["volume", volume.key.service.rawValue, volume.key.line.rawValue]
            guard seen.insert(path).inserted else { continue }
            let counted = volume.counts.isEmpty ? "antall" : volume.counts
            figures.append(
                Figure(
                    kind: .volume, path: Array(path.dropFirst()), unit: counted,
                    description: "Volum i 2019 for \(serviceName(volume.key.service)), linje «\(words(volume.key.line.rawValue))»: antall \(counted)."))
        }
        for area in template.areas {
            figures.append(
                Figure(
                    kind: .budget, path: [area.id.rawValue, Self.budgetLine], unit: Unit.thousandKroner.symbol,
                    measure: Self.budgetMeasure,
                    description: "Netto driftsutgifter 2019 for tjenesteområdet «\(area.name)», i 1 000 kr (regnskap 2019 eller vedtatt budsjett)."))
        }
        self.figures = figures
    }
}
