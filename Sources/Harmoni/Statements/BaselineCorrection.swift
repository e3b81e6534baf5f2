import HarmoniLanguage
import HarmoniModel

/// One own figure replacing a dataset figure for the baseline year: what a `baseline` statement
/// and each row of `baseline import` mean. ``apply(to:)`` is the only place that changes the
/// dataset, so an import equals the same statements.
struct BaselineCorrection: Sendable, Equatable {
    var kind: MissingFigure.Kind
    var municipality: MunicipalityID
    /// The id after the municipality: `sfo.plass_5d`, `sfo.moderasjon.threshold_75pct_G`, `oppvekst.sum_netto_driftsutgifter`.
    var path: [String]
    var value: Value
    var vat: VATForm?
    var billedMonths: Int?
    /// Who gave the figure and where it is documented.
    var source: String

    /// The statement word after `baseline` for this kind (`rule`, `volume`, `budget`; none for fees).
    var kindWord: String? { kind == .fee ? nil : kind.rawValue }

    /// The canonical `baseline` statement, as `save` writes it.
    var statementText: String {
        var out = "baseline " + (kindWord.map { $0 + " " } ?? "") + municipality.rawValue + "." + path.joined(separator: ".")
        out += " = " + Self.literal(value)
        if let vat { out += " vat \(vat.rawValue)" }
        if let billedMonths { out += " billed \(billedMonths)" }
        return out + " source " + Formatter.quote(source)
    }

    static func literal(_ value: Value) -> String {
        switch value {
        case .quantity(let q): return Formatter.number(q.number, unit: q.unit, grouped: true)
        case .text(let t): return Formatter.quote(t)
        default: return value.description
        }
    }

    /// Why a correction cannot be applied (the message; the caller adds the position).
    struct Refusal: Error, Equatable {
        var nb: String
        var en: String
    }

    /// Replaces the figure in `state.dataset` (every row of it touching the baseline year), records
    /// the source and removes the figure's `missing` record. The caller records the statement.
    func apply(to state: inout SessionState) throws(Refusal) {
        let year = state.baselineYear
        let source = Source(id: SourceID("own_\(state.dataset.sources.count + 1)"), title: self.source)
        let provenance = Provenance(
            validity: .year(year), status: .own, method: "kommunens eget tall (baseline-setning)", source: source.id)
        let missing = state.dataset.missingFigures(municipality).first { $0.figure.kind == kind && $0.figure.path == path }?.figure
        var d = state.dataset
        let m = municipality
        switch kind {
        case .fee:
            guard path.count == 2, case .quantity(let q) = value, let unit = q.unit, let period = unit.moneyPeriod,
                let amount = q.money, unit != .thousandKroner
            else { throw Refusal(nb: "et gebyr er et kronebeløp, f.eks. 2 700 kr/mnd", en: "a fee is an amount, e.g. 2 700 kr/mnd") }
            let key = FeeKey(ServiceID(path[0]), LineID(path[1]))
            let previous = d.fees(m, key).last
            d.fees.removeAll { $0.municipality == m && $0.key == key && $0.provenance.validity.touches(year: year) }
            d.fees.append(
                Fee(municipality: m, key: key, amount: amount, period: period,
                    billedMonths: billedMonths ?? previous?.billedMonths ?? missing?.billedMonths,
                    vat: vat ?? previous?.vat ?? missing?.vat ?? .none, provenance: provenance))
        case .volume:
            guard path.count == 2, case .quantity(let q) = value, q.unit == nil else {
                throw Refusal(nb: "et volum er et tall uten enhet", en: "a volume is a number without unit")
            }
            let key = FeeKey(ServiceID(path[0]), LineID(path[1]))
            let previous = d.volumes(m, key).last
            d.volumes.removeAll { $0.municipality == m && $0.key == key }
            d.volumes.append(Volume(municipality: m, key: key, value: q.number, counts: previous?.counts ?? missing?.unit ?? "", provenance: provenance))
        case .rule:
            guard path.count == 3 else { throw Refusal(nb: "skriv kommune.tjeneste.regel.parameter", en: "write municipality.service.rule.parameter") }
            let service = ServiceID(path[0])
            d.rules.removeAll {
                $0.municipality == m && $0.service == service && $0.rule == path[1] && $0.parameter == path[2]
                    && $0.provenance.validity.touches(year: year)
            }
            d.rules.append(Rule(municipality: m, service: service, rule: path[1], parameter: path[2], value: value, provenance: provenance))
        case .budget:
            guard path.count == 2, case .quantity(let q) = value, q.unit == .thousandKroner || q.unit == .kroner, let amount = q.money else {
                throw Refusal(nb: "et budsjettall er et beløp i tkr, f.eks. 531 479 tkr", en: "a budget figure is an amount in tkr, e.g. 531 479 tkr")
            }
            let area = AreaID(path[0])
            let previous = d.budgets.last { $0.municipality == m && $0.area == area && $0.line == path[1] }
            d.budgets.removeAll { $0.municipality == m && $0.area == area && $0.line == path[1] && $0.provenance.validity.touches(year: year) }
            let measure = previous?.measure ?? missing?.measure ?? FigureTemplate.budgetMeasure
            d.budgets.append(Budget(municipality: m, area: area, line: path[1], measure: measure, amount: amount, provenance: provenance))
        }
        d.removeMissing(m, kind, path)
        d.sources.append(source)
        state.dataset = d
    }
}
