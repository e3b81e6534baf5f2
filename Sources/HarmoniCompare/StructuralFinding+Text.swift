import HarmoniModel
import HarmoniReport

extension StructuralFinding {
    /// The finding as one plain sentence: `SFO: ulikt antall betalte måneder – Asker 10; Røyken og Hurum 11.`
    public func text(_ dataset: Dataset, language: DisplayLanguageTag = .nb) -> String {
        let nb = language == .nb
        let name = DisplayNames.service(service, in: dataset, nb: nb)
        func lineNames(_ lines: [LineID]) -> String {
            FindingText.names(lines.map { "«" + DisplayNames.lowercasedFirst(DisplayNames.line(FeeKey(service, $0), in: dataset, nb: nb)) + "»" }, language)
        }
        func list(_ ids: [MunicipalityID]) -> String { FindingText.names(ids.map { dataset.displayName($0) }, language) }
        func groups<T>(_ groups: [MunicipalityGroup<T>], _ describe: (T?) -> String) -> String {
            groups.map { list($0.municipalities) + ": " + describe($0.value) }.joined(separator: "; ")
        }
        switch self {
        case .categoryLacking(_, let lines, let present, let lacking, _):
            let ids = lineNames(lines)
            let subject = nb ? (lines.count == 1 ? "linjen \(ids) finnes" : "linjene \(ids) finnes")
                : (lines.count == 1 ? "the line \(ids) exists" : "the lines \(ids) exist")
            return nb
                ? "\(name): \(subject) bare i \(list(present)); \(list(lacking)) har ingen slik linje i datasettet."
                : "\(name): \(subject) only in \(list(present)); \(list(lacking)) \(lacking.count == 1 ? "has" : "have") no such line in the dataset."
        case .billedMonths(_, let g, _):
            let body = groups(g) { months in (months ?? []).map(String.init).joined(separator: "/") }
            return nb ? "\(name): ulikt antall betalte måneder – \(body)." : "\(name): different numbers of billed months – \(body)."
        case .rule(_, let rule, let kind, let g, _):
            let body = groups(g) { FindingText.parameters($0, rule: rule, language) }
            let label = FindingText.label(kind, rule: rule, language)
            return (nb ? "\(name): ulik \(label)" : "\(name): different \(label)")
                + " – \(body)."
        case .tariffShape(_, let g, _):
            let body = groups(g) { FindingText.shape($0, language) }
            return nb ? "\(name): ulik tariffmodell – \(body)." : "\(name): different tariff model – \(body)."
        case .validity(_, let lines, let g, _):
            let ids = lineNames(lines)
            let body = groups(g) { ($0 ?? []).map(\.description).joined(separator: ", ") }
            return nb ? "\(name): ulike gyldighetsperioder for \(ids) – \(body)." : "\(name): different validity periods for \(ids) – \(body)."
        case .missing(_, let ids, let note):
            return nb
                ? "\(name): gebyret mangler i datagrunnlaget for \(list(ids)) (vises som «mangler», aldri 0). \(note)"
                : "\(name): the fee is missing from the record for \(list(ids)) (shown as «missing», never 0). \(note)"
        }
    }
}

/// Wording shared by the finding texts.
enum FindingText {
    /// `Asker`, `Asker og Hurum`, `Asker, Røyken og Hurum` (English: `and`).
    static func names(_ items: [String], _ language: DisplayLanguageTag) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + (language == .nb ? " og " : " and ") + last
    }

    /// The Norwegian (or English) name of a kind of rule.
    static func label(_ kind: RuleKind, rule: String, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch kind {
        case .siblingDiscount: return nb ? "søskenmoderasjon" : "sibling discount"
        case .incomeModeration: return nb ? "inntektsmoderasjon" : "income-based reduction"
        case .friplass: return nb ? "friplass (gratis plass under en inntektsgrense)" : "free place under an income threshold"
        case .exemption: return nb ? "fritak (gratis under en inntektsgrense)" : "exemption under an income threshold"
        case .paidHourCap: return nb ? "tak på betalte timer per inntektsbånd" : "cap on paid hours per income band"
        case .partTimeShare: return nb ? "deltidspris som andel av full plass" : "part-time price as a share of a full place"
        case .multiSubjectDiscount: return nb ? "flerfagsrabatt" : "multi-subject discount"
        case .other: return DisplayNames.rule(rule, nb: nb)
        }
    }

    /// A value as text, with the symbols `none`, `unknown`, `yes`, `no` in words.
    static func value(_ value: Value, _ language: DisplayLanguageTag) -> String {
        guard case .symbol(let symbol) = value else { return value.description }
        let nb = language == .nb
        switch symbol {
        case "none": return nb ? "ingen" : "none"
        case "unknown": return nb ? "ukjent" : "unknown"
        case "yes": return nb ? "ja" : "yes"
        case "no": return nb ? "nei" : "no"
        default: return symbol
        }
    }

    /// A rule's parameters: moderation bands as `75 % under 2,8 G`, anything else as `barn_2 30 %`.
    static func parameters(_ parameters: [RuleParameter]?, rule: String, _ language: DisplayLanguageTag) -> String {
        guard let parameters else { return language == .nb ? "ingen regel funnet" : "no rule found" }
        if rule == "moderasjon" {
            let bands = parameters.compactMap { threshold -> String? in
                guard threshold.parameter.hasPrefix("threshold_"), threshold.parameter.hasSuffix("pct_G"),
                    let percent = Int64(threshold.parameter.dropFirst(10).dropLast(5)),
                    let reduction = parameters.first(where: { $0.value == .quantity(Quantity(DecimalNumber(percent), .percent)) })
                else { return nil }
                return reduction.value.description + (language == .nb ? " under " : " below ") + threshold.value.description
            }
            if !bands.isEmpty { return bands.joined(separator: ", ") }
        }
        return parameters.map { parameter in
            if parameter.parameter.hasSuffix("under_G") {
                return (language == .nb ? "under " : "below ") + value(parameter.value, language)
            }
            return "\(DisplayNames.ruleParameter(parameter.parameter, nb: language == .nb)) \(value(parameter.value, language))"
        }.joined(separator: ", ")
    }

    /// A `tariffmodell` parameter in words: the VA model's `fastledd` rule reads «bare mengdepris»
    /// (`none`: Asker) or «fastledd + mengdepris» (`vann_og_avlop_pluss_kr_per_m3`: Røyken, Hurum).
    static func modelText(_ parameter: RuleParameter, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        if parameter.parameter == "fastledd", case .symbol(let model) = parameter.value {
            switch model {
            case "none": return nb ? "bare mengdepris" : "quantity price only"
            case "vann_og_avlop_pluss_kr_per_m3": return nb ? "fastledd + mengdepris" : "fixed charge + quantity price"
            case "unknown": return nb ? "ukjent tariffmodell" : "unknown tariff model"
            default: break
            }
        }
        return "\(DisplayNames.ruleParameter(parameter.parameter, nb: language == .nb)) \(value(parameter.value, language))"
    }

    /// A tariff shape: `todelt: fast beløp + pris per m3 (bare mengdepris)`.
    static func shape(_ shape: TariffShape?, _ language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        guard let shape else { return nb ? "ingen gebyrlinjer" : "no fee lines" }
        let quantities = shape.perQuantity.map { period -> String in
            switch period {
            case .litreOfBinPerYear: return nb ? "pris per liter beholder" : "price per litre of bin"
            case .cubicMetre: return nb ? "pris per m3" : "price per m3"
            case .squareMetre: return nb ? "pris per m2" : "price per m2"
            default: return period.unit.symbol
            }
        }.joined(separator: " + ")
        var text: String
        switch (shape.fixedPart, quantities.isEmpty) {
        case (true, false): text = (nb ? "todelt: fast beløp + " : "two-part: fixed amount + ") + quantities
        case (false, false): text = (nb ? "bare mengdepris: " : "quantity price only: ") + quantities
        case (true, true): text = nb ? "fast beløp per abonnement/plass" : "fixed amount per subscription/place"
        case (false, true): text = ""
        }
        if !shape.model.isEmpty {
            let model = shape.model.map { modelText($0, language) }.joined(separator: ", ")
            text = text.isEmpty ? model : text + " (" + model + ")"
        }
        return text.isEmpty ? (nb ? "ingen gebyrlinjer" : "no fee lines") : text
    }
}
