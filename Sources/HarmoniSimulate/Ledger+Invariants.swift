import HarmoniModel

extension Ledger {
    /// Checks what must hold for every ledger; returns the violations (empty when all hold).
    ///
    /// - totals per year and per decision equal the sum of the lines, to the øre;
    /// - every line's change is after − before, and no line records a zero change (a decision
    ///   that changes nothing has no lines and is listed in ``ineffective``);
    /// - `to lowest` never raises a price (per unit, against the price before the decision, and
    ///   against the municipality's own price when it started at or below it); `to highest` never lowers one;
    /// - from the last year of its phasing on, a decision's lines are at its target;
    /// - each decision's line starts where the previous decision's line for the same item ended;
    /// - lines are in ledger order (year, then decision).
    public func checkInvariants() -> [String] {
        var violations: [String] = []
        violations += checkTotals(totalsByYear, key: \.year, name: "year")
        violations += checkTotals(totalsByDecision, key: \.decision, name: "decision")
        for (number, line) in lines.enumerated() {
            let where_ =
                "line \(number + 1) (\(line.itemText) \(line.municipality) \(line.year) \(statementLabel(line.decision)))"
            if let before = line.before, let after = line.after, line.change != after - before {
                violations.append("\(where_): change is not after − before")
            }
            if line.change == .zero || (line.change == nil && line.unitChange == .zero && line.kind == .revenue) {
                violations.append("\(where_): zero change")
            }
            guard line.decision < decisions.count else {
                violations.append("\(where_): unknown decision")
                continue
            }
            guard case .level(let decision) = decisions[line.decision].action else { continue }
            switch decision.rule {
            case .lowest:
                if line.unitAfter > line.unitBefore
                    || (line.unitBefore <= line.ownUnit && line.unitAfter > line.ownUnit)
                {
                    violations.append("\(where_): to lowest raised a price")
                }
            case .highest:
                if line.unitAfter < line.unitBefore
                    || (line.unitBefore >= line.ownUnit && line.unitAfter < line.ownUnit)
                {
                    violations.append("\(where_): to highest lowered a price")
                }
            default: break
            }
            let targetYear = decision.phasing.targetYear(firstYear: period.lowerBound)
            if line.year >= targetYear, let target = line.targetUnit, line.unitAfter != target {
                violations.append("\(where_): not at its target in \(line.year) (phasing ends \(targetYear))")
            }
        }
        var lastOfChain: [ChainKey: LedgerLine] = [:]
        for line in lines {
            let key = ChainKey(line)
            if let previous = lastOfChain[key], previous.after != line.before || previous.unitAfter != line.unitBefore {
                violations.append(
                    "\(line.itemText) \(line.municipality) \(line.year): \(statementLabel(line.decision)) does not start where \(statementLabel(previous.decision)) ended"
                )
            }
            lastOfChain[key] = line
        }
        for (a, b) in zip(lines, lines.dropFirst()) where (a.year, a.decision) > (b.year, b.decision) {
            violations.append("lines out of order at \(b.itemText) \(b.year)")
            break
        }
        return violations
    }

    private func checkTotals<K: Hashable & Comparable>(
        _ stored: [K: LedgerTotal], key: KeyPath<LedgerLine, K>, name: String
    ) -> [String] {
        var violations: [String] = []
        var sums: [K: (revenueBefore: Int64, revenueAfter: Int64, costBefore: Int64, costAfter: Int64, missing: Int)] =
            [:]
        for line in lines {
            var sum = sums[line[keyPath: key]] ?? (0, 0, 0, 0, 0)
            if let before = line.before, let after = line.after {
                if line.kind == .revenue {
                    sum.revenueBefore += before.ore
                    sum.revenueAfter += after.ore
                } else {
                    sum.costBefore += before.ore
                    sum.costAfter += after.ore
                }
            } else {
                sum.missing += 1
            }
            sums[line[keyPath: key]] = sum
        }
        for group in Set(sums.keys).union(stored.keys).sorted() {
            let total = stored[group] ?? LedgerTotal()
            let sum = sums[group] ?? (0, 0, 0, 0, 0)
            if total.revenueBefore.ore != sum.revenueBefore || total.revenueAfter.ore != sum.revenueAfter
                || total.costBefore.ore != sum.costBefore || total.costAfter.ore != sum.costAfter
                || total.missingLines != sum.missing
            {
                violations.append("total of \(name) \(group) differs from the sum of its lines")
            }
        }
        return violations
    }
}
