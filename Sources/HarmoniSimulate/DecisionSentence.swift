import HarmoniModel
import HarmoniReport

/// A scenario's decisions as sentences for people: «SFO: alle satser settes til laveste nivå fra
/// 2020», «Vann: alle satser flyttes trinnvis til volumvektet snitt, 2020–2023». Used by the
/// summary that heads `harmoni run` and every report; display names only, no statement syntax.
public enum DecisionSentence {
    /// The decision as a sentence in the output language, display names only.
    public static func text(_ decision: Decision, dataset: Dataset, firstYear: Int, language: DisplayLanguageTag) -> String {
        let nb = language == .nb
        switch decision.action {
        case .level(let level): return self.level(level, dataset: dataset, firstYear: firstYear, nb: nb)
        case .coverage(let coverage):
            let service = serviceName(coverage.service.rawValue, dataset, nb: nb)
            let municipality = dataset.municipality(coverage.municipality)?.name ?? coverage.municipality.rawValue
            let year = coverage.fromYear ?? firstYear
            return nb
                ? "\(service): dekningsgraden i \(municipality) settes til \(coverage.value) fra \(year)"
                : "\(service): the coverage in \(municipality) is set to \(coverage.value) from \(year)"
        case .rules(let rules):
            let service = serviceName(rules.service.rawValue, dataset, nb: nb)
            let source = dataset.municipality(rules.source)?.name ?? rules.source.rawValue
            let year = rules.fromYear ?? firstYear
            let rule = ruleName(rules.rule, nb: nb)
            return nb
                ? "\(service): \(source)s \(rule) gjelder i hele \(DisplayNames.mergerName(dataset, nb: true)) fra \(year)"
                : "\(service): \(source)'s \(rule) apply in all of \(DisplayNames.mergerName(dataset, nb: false)) from \(year)"
        }
    }

    private static func level(_ decision: LevelDecision, dataset: Dataset, firstYear: Int, nb: Bool) -> String {
        let subject: String
        switch decision.target {
        case .group(let group): subject = serviceName(group, dataset, nb: nb) + (nb ? ": alle satser" : ": every rate")
        case .line(let group, let line):
            subject = serviceName(group, dataset, nb: nb) + ", "
                + DisplayNames.lowercasedFirst(DisplayNames.line(FeeKey(ServiceID(group), LineID(line)), in: dataset, nb: nb))
        case .area(let area): subject = DisplayNames.area(area, in: dataset, nb: nb) + (nb ? ": alle gebyrer" : ": every fee")
        case .rule(let service, let rule): subject = serviceName(service.rawValue, dataset, nb: nb) + ", " + ruleName(rule, nb: nb)
        }
        let only = decision.municipalities.map { ids in
            let names = ids.map { dataset.municipality($0)?.name ?? $0.rawValue }
            return nb ? " (bare i \(list(names, nb: nb)))" : " (only in \(list(names, nb: nb)))"
        } ?? ""
        let goal: String
        switch decision.rule {
        case .lowest: goal = nb ? "laveste nivå" : "the lowest level"
        case .highest: goal = nb ? "høyeste nivå" : "the highest level"
        case .mean: goal = nb ? "snittet av kommunene" : "the municipalities' mean"
        case .weighted: goal = nb ? "volumvektet snitt" : "the volume-weighted mean"
        case .municipality(let id):
            let name = dataset.municipality(id)?.name ?? id.rawValue
            goal = nb ? "\(name)s nivå" : "\(name)'s level"
        case .amount(let money, let period): goal = LevelDecision.amountText(money, period)
        case .change(let rate):
            let when = phasingText(decision.phasing, firstYear: firstYear, nb: nb)
            return subject + only + (nb ? " endres med \(NorwegianFormat.percent(rate)) \(when)" : " change by \(NorwegianFormat.percent(rate)) \(when)")
        case .neutral:
            goal = nb ? "et budsjettnøytralt nivå" : "a budget-neutral level"
        }
        let verb: String
        switch decision.phasing {
        case .atOnce: verb = nb ? "settes til" : "set to"
        default: verb = nb ? "flyttes trinnvis til" : "moved step by step to"
        }
        return subject + only + " \(verb) \(goal) " + phasingText(decision.phasing, firstYear: firstYear, nb: nb)
    }

    private static func phasingText(_ phasing: Phasing, firstYear: Int, nb: Bool) -> String {
        switch phasing {
        case .atOnce(let from): return (nb ? "fra " : "from ") + String(from ?? firstYear)
        case .linear(let from, let to): return nb ? "over \(from)–\(to)" : "over \(from)–\(to)"
        case .path(let from, _):
            let start = from ?? firstYear
            let end = phasing.targetYear(firstYear: firstYear)
            return nb ? "etter egen opptrapping \(start)–\(end)" : "along its own path \(start)–\(end)"
        }
    }

    static func serviceName(_ id: String, _ dataset: Dataset, nb: Bool) -> String {
        dataset.service(ServiceID(id))?.displayName(english: !nb) ?? Links.displayName(ofScheme: id)
    }

    static func ruleName(_ rule: String, nb: Bool) -> String { DisplayNames.rule(rule, nb: nb) }

    static func list(_ names: [String], nb: Bool) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (nb ? " og " : " and ") + names[names.count - 1]
    }
}

extension Decision {
    /// `#2 SFO: alle satser settes til laveste nivå fra 2020`: the number and the sentence, for
    /// tables and notes people read (``label(index:)`` keeps the statement for files).
    public func label(index: Int, dataset: Dataset, firstYear: Int, nb: Bool) -> String {
        "#\(index + 1) " + DecisionSentence.text(self, dataset: dataset, firstYear: firstYear, language: nb ? .nb : .en)
    }
}
