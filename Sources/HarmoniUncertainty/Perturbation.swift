import HarmoniModel
import HarmoniSimulate

/// A dataset with some estimated values replaced: the one way the uncertainty engine changes a
/// figure (the simulator and the diff engine then run on it unchanged).
extension Dataset {
    /// The dataset with the input's value set to `value` (in the input's unit; money is rounded
    /// half-up to øre, which the bounds already are).
    public func setting(_ input: UncertainInput, to value: DecimalNumber) -> Dataset {
        var copy = self
        copy.set(input.ref, to: value)
        return copy
    }

    /// The dataset with each input set to its value.
    public func setting(_ values: [(UncertainInput, DecimalNumber)]) -> Dataset {
        var copy = self
        for (input, value) in values { copy.set(input.ref, to: value) }
        return copy
    }

    /// Sets one value in place.
    public mutating func set(_ ref: InputRef, to value: DecimalNumber) {
        func money() -> Money { Money(ore: value.roundedScaled(to: 2)) }
        func quantity(_ q: Quantity) -> Quantity { Quantity(value, q.unit) }
        switch ref {
        case .fee(let i): fees[i].amount = money()
        case .budget(let i): budgets[i].amount = money()
        case .volume(let i): volumes[i].value = value
        case .coverage(let i): coverages[i].value = quantity(coverages[i].value)
        case .subsidy(let i): subsidies[i].value = quantity(subsidies[i].value)
        case .rule(let i):
            if case .quantity(let q) = rules[i].value { rules[i].value = .quantity(quantity(q)) }
        case .parameter(let i):
            if case .quantity(let q) = parameters[i].value { parameters[i].value = .quantity(quantity(q)) }
        }
    }
}

extension DecimalNumber {
    /// The value in units of 10^-places, rounded half away from zero (``RoundingRule/divide(_:by:mode:)``).
    func roundedScaled(to places: Int) -> Int64 {
        if let exact = scaled(to: places) { return exact }
        let n = normalized
        let shift = n.scale - places
        guard shift <= 19 else { return 0 }  // |significand| < 10¹⁹: less than half a unit
        var divisor: Int128 = 1
        for _ in 0..<max(0, shift) { divisor *= 10 }
        return Int64(RoundingRule.divide(Int128(n.significand), by: divisor, mode: .halfUp))
    }
}

extension SimulationBaseline {
    /// The prepared baseline of `dataset.setting(values)`, made from this one: a moved fee amount
    /// reprices its catalog item, a moved volume recounts its fee item (a volume that also counts
    /// a subsidy rate, or a moved subsidy, rebuilds the catalog), a moved rule its
    /// texts, a moved parameter the deflators and the mva rate; coverage rates and budgets need
    /// nothing (each run reads them). Equal to `SimulationBaseline(dataset.setting(values))`.
    public func setting(_ values: [(UncertainInput, DecimalNumber)]) -> SimulationBaseline {
        var parts: Parts = []
        var feeRows: [Int] = []
        var volumeRows: [Int] = []
        for (input, _) in values {
            switch input.ref {
            case .fee(let row): feeRows.append(row)
            case .volume(let row): volumeRows.append(row)
            case .subsidy: parts.insert(.catalog)
            case .rule: parts.insert(.rules)
            case .parameter: parts.insert(.parameters)
            case .coverage, .budget: break
            }
        }
        return replacing(dataset.setting(values), changed: parts, feeRows: feeRows, volumeRows: volumeRows)
    }

    /// ``setting(_:)`` for one input.
    public func setting(_ input: UncertainInput, to value: DecimalNumber) -> SimulationBaseline {
        setting([(input, value)])
    }
}
