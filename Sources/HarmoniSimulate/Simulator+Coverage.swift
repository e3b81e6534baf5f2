import HarmoniModel

/// How a coverage decision reaches the budget.
///
/// The new dekningsgrad over the old (both as printed, e.g. 90 % ÷ 85,8 %) is the ratio by which
/// every volume of the service in that municipality changes: the volume the indicator's numerator
/// counts (found as the volume of the same service whose value equals the numerator) and the fee
/// and subsidy volumes of the service. The cost changes by the change in the numerator's volume
/// times the netto unit cost: the service's netto budget line over that volume (2019, half-up to
/// øre), lifted by the price index. The netto cost already nets out fee revenue, so no separate
/// revenue line is made; later price decisions are computed on the new volumes.
struct CoverageLink: Sendable {
    let decision: CoverageDecision
    let coverage: Coverage
    let numerator: Volume
    let ratio: ExactFraction
    /// Netto driftsutgift per unit of the numerator volume in the baseline year, if the dataset
    /// has a netto budget line for the service.
    let unitCost: Money?
    let budget: Budget?
    /// The weakest status of the coverage, the volume and the budget.
    let status: Status

    /// The sources of the coverage, the volume and the budget, without repeats.
    var sources: [SourceID] {
        var result: [SourceID] = []
        for source in [coverage.provenance.source, numerator.provenance.source, budget?.provenance.source] {
            if let source, !result.contains(source) { result.append(source) }
        }
        return result
    }

    static func make(_ decision: CoverageDecision, model: SimulationModel) throws(SimulationError) -> CoverageLink {
        let dataset = model.dataset
        let text = "\(decision.service).\(decision.indicator)"
        guard
            let coverage = dataset.coverages.last(where: {
                $0.municipality == decision.municipality && $0.service == decision.service
                    && $0.indicator == decision.indicator
            })
        else { throw .unknownCoverage(text, decision.municipality) }
        let isPercent = coverage.value.unit == .percent
        guard (decision.value.unit == .percent) == isPercent else {
            throw .coverageUnit(text, isPercent ? "prosent (f.eks. 90 %)" : (coverage.provenance.printedUnit ?? "tall"))
        }
        guard let ratio = ExactFraction(decimal: decision.value.number) / ExactFraction(decimal: coverage.value.number)
        else {
            throw .coverageWithoutVolume(text)
        }
        guard let count = coverage.numerator,
            let numerator = dataset.volumes.first(where: {
                $0.municipality == decision.municipality && $0.key.service == decision.service && $0.value == count
            })
        else { throw .coverageWithoutVolume(text) }
        var budget: Budget?
        var unitCost: Money?
        if let link = Links.unitCostBudgetLines.first(where: { $0.service == decision.service }) {
            budget = dataset.budgets.first {
                $0.municipality == decision.municipality && $0.area == link.area && $0.line == link.line
                    && $0.measure.hasPrefix("netto")
            }
            if let budget, let amount = ExactFraction(Int128(budget.amount.ore), 1),
                let perUnit = amount / ExactFraction(decimal: numerator.value)
            {
                unitCost = LevelRounding(step: Money(ore: 1)).round(ore: perUnit)
            }
        }
        let statuses =
            [coverage.provenance.status, numerator.provenance.status] + (budget.map { [$0.provenance.status] } ?? [])
        return CoverageLink(
            decision: decision, coverage: coverage, numerator: numerator, ratio: ratio, unitCost: unitCost,
            budget: budget,
            status: statuses.max() ?? coverage.provenance.status)
    }
}

extension Run {
    /// Registers every coverage decision's ratio in the model, then makes one cost line per
    /// service, municipality and year from the decision in force that year (a later decision for
    /// the same service and municipality replaces an earlier one from its first year).
    mutating func applyCoverage(_ model: inout SimulationModel) {
        var links: [Int: CoverageLink] = [:]
        for (index, decision) in decisions.enumerated() {
            guard case .coverage(let coverage) = decision.action else { continue }
            do throws(SimulationError) {
                let link = try CoverageLink.make(coverage, model: model)
                links[index] = link
                try model.setCoverage(
                    coverage.service.rawValue, coverage.municipality, from: coverage.fromYear ?? model.firstYear,
                    ratio: link.ratio, decision: index)
            } catch {
                problems.append(error)
            }
        }
        for index in links.keys.sorted() {
            guard let link = links[index] else { continue }
            let service = link.decision.service.rawValue
            for year in model.years {
                guard model.coverageRatio(service, link.decision.municipality, year)?.decision == index else {
                    continue
                }
                do throws(SimulationError) {
                    if let line = try coverageLine(link, index: index, year: year, model: model) {
                        append(line, item: -1)
                    }
                } catch {
                    problems.append(error)
                    break
                }
            }
        }
    }

    private func coverageLine(_ link: CoverageLink, index: Int, year: Int, model: SimulationModel)
        throws(SimulationError) -> LedgerLine?
    {
        let decision = link.decision
        let tooLarge = SimulationError.volumeTooLarge(
            "\(decision.service).\(decision.indicator)", decision.municipality, year)
        guard
            let before = model.grown(
                link.numerator.value, service: decision.service.rawValue, decision.municipality, year),
            let after = SimulationModel.grow(before, by: link.ratio)
        else { throw tooLarge }
        guard after != before else { return nil }
        let delta = ExactFraction(decimal: after) - ExactFraction(decimal: before)
        let users = (delta.signum < 0 ? delta.negated : delta).decimal(places: 2)
        var unitCost: Money?
        if let cost = link.unitCost {
            guard let lifted = model.index.lift(cost, to: year, rounding: LevelRounding(step: Money(ore: 1))) else {
                throw SimulationError.amountTooLarge("\(decision.service).\(decision.indicator)", decision.municipality, year)
            }
            unitCost = lifted
        }
        var amounts: (before: Money, after: Money)?
        if let unitCost {
            guard let b = model.amount(unitCost, before), let a = model.amount(unitCost, after) else {
                throw SimulationError.amountTooLarge("\(decision.service).\(decision.indicator)", decision.municipality, year)
            }
            amounts = (b, a)
        }
        let area = model.dataset.service(decision.service)?.area ?? link.budget?.area ?? "oppvekst"
        return LedgerLine(
            kind: .cost, area: area, group: decision.service.rawValue, item: decision.indicator,
            municipality: decision.municipality, year: year, volume: after, levelBefore: unitCost ?? .zero,
            levelAfter: unitCost ?? .zero, ownUnit: unitCost ?? .zero, targetUnit: nil, unitBefore: unitCost ?? .zero,
            unitAfter: unitCost ?? .zero, before: amounts?.before, after: amounts?.after, users: users,
            changePerUser: unitCost.map { delta.signum < 0 ? -$0 : $0 }, decision: index, status: link.status,
            selvkost: false, sources: link.sources)
    }
}
