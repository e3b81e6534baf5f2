import HarmoniModel
import HarmoniReport
import HarmoniSimulate

/// The revenue effect of the income-tested rules, from the population, as impact-ledger lines.
///
/// For each year, old municipality and service with income-tested rules (barnehage: friplass,
/// 6 % cap, gratis kjernetid, sibling discount; SFO: moderation, friplass, sibling discount;
/// praktisk bistand: exemption, paid-hour bands, national cap; trygghetsalarm: exemption), the
/// line's amount is the population's revenue under every rule minus its revenue at list price
/// (no income, no sibling discount): before = that difference without the decisions, after = with
/// them. The ledger's own lines already hold volume × price, so list-price lines plus these lines
/// are the population's revenue. A line appears only when the difference changes; it is marked
/// with the population's status and carries the decision on the service (the rule decision, else
/// the first fee decision that reaches it).
public enum PopulationLedger {
    /// The item name of the lines (`sfo.inntektsregler_befolkning`).
    public static let item = "inntektsregler_befolkning"
    /// The display name of ``item`` in tables and notes.
    public static let itemName = LocalizedText("inntektsprøvde regler (befolkningen)", "income-tested rules (population)")

    /// The lines of a run, in year, service and municipality order.
    public static func lines(_ run: PopulationRun, population: HouseholdPopulation, scenario: ScenarioState, dataset: Dataset)
        -> [LedgerLine]
    {
        var lines: [LedgerLine] = []
        for (y, year) in run.years.enumerated() {
            for service in PopulationPricer.incomeTested {
                guard let area = dataset.service(service)?.area else { continue }
                for municipality in run.rulebooks {
                    let (before, after, listBefore, listAfter) = run.revenue(year: y, municipality: municipality, service: service)
                    let effectBefore = before - listBefore
                    let effectAfter = after - listAfter
                    guard effectBefore != effectAfter else { continue }
                    let users = DecimalNumber(run.users(municipality, service))
                    lines.append(
                        .make(
                            kind: .revenue, area: area, group: service.rawValue, item: item, municipality: municipality,
                            year: year, volume: users, before: effectBefore, after: effectAfter, users: users,
                            decision: decision(for: service, area: area, scenario), status: run.status))
                }
            }
        }
        return lines
    }

    /// The decision a service's line belongs to: a rule decision on it, else the first fee decision reaching it, else 0.
    static func decision(for service: ServiceID, area: AreaID, _ scenario: ScenarioState) -> Int {
        let decisions = scenario.decisions
        if let rule = decisions.firstIndex(where: { decision in
            if case .rules(let rule) = decision.action { return rule.service == service }
            return false
        }) { return rule }
        let level = decisions.firstIndex { decision in
            guard let level = decision.level else { return false }
            switch level.target {
            case .line(let group, _), .group(let group): return group == service.rawValue
            case .area(let a): return a == area
            case .rule(let s, _): return s == service
            }
        }
        return level ?? 0
    }

    /// The ledger with the population's lines added: totals recomputed; rule adoptions whose effect
    /// the population computed are no longer listed as «unknown» but named in a note.
    public static func extend(_ ledger: Ledger, with lines: [LedgerLine], origin: LocalizedText, dataset: Dataset) -> Ledger {
        guard !lines.isEmpty else { return ledger }
        let covered = Set(lines.map { "\($0.group)|\($0.municipality.rawValue)" })
        var notes = ledger.notes
        var remaining: [RuleChange] = []
        for change in ledger.ruleChanges {
            if covered.contains("\(change.service.rawValue)|\(change.municipality.rawValue)") {
                let name = dataset.municipality(change.municipality)?.name ?? change.municipality.rawValue
                let ruleNB = DisplayNames.service(change.service, in: dataset, nb: true) + ", " + DisplayNames.rule(change.rule, nb: true)
                let ruleEN = DisplayNames.service(change.service, in: dataset, nb: false) + ", " + DisplayNames.rule(change.rule, nb: false)
                func listed(_ parameters: [String], nb: Bool) -> String {
                    parameters.isEmpty ? (nb ? "ingen" : "none") : parameters.map { DisplayNames.ruleAssignment($0, nb: nb) }.joined(separator: ", ")
                }
                notes.append(
                    LocalizedText(
                        "\(ruleNB) i \(name) fra \(change.fromYear) (\(ledger.label(change.decision, dataset: dataset, en: false))): \(listed(change.before, nb: true)) → \(listed(change.after, nb: true)); inntektsvirkningen er regnet på befolkningen (\(origin.nb)), linjen «\(itemName.nb)».",
                        "\(ruleEN) in \(name) from \(change.fromYear) (\(ledger.label(change.decision, dataset: dataset, en: true))): \(listed(change.before, nb: false)) → \(listed(change.after, nb: false)); the revenue effect is computed on the population (\(origin.en)), line «\(itemName.en)»."))
            } else {
                remaining.append(change)
            }
        }
        notes.append(
            LocalizedText(
                "Linjene «\(itemName.nb)» er virkningen av de inntektsprøvde reglene (moderasjon, friplass, 6 %-tak, gratis kjernetid, søskenmoderasjon, fritak og timetak) regnet på befolkningen (\(origin.nb)): befolkningens inntekt med reglene minus inntekten til listepris, før og etter vedtakene.",
                "The lines «\(itemName.en)» are the effect of the income-tested rules (moderation, free places, 6 % cap, free core time, sibling discounts, exemptions and hour caps) computed on the population (\(origin.en)): the population's revenue under the rules minus its revenue at list price, before and after the decisions."))
        var extended = Ledger(
            lines: ledger.lines + lines, ruleChanges: remaining, selvkostWarnings: ledger.selvkostWarnings,
            ineffective: ledger.ineffective, notes: notes, problems: ledger.problems, index: ledger.index,
            period: ledger.period, decisions: ledger.decisions)
        extended.growth = ledger.growth
        return extended
    }
}
