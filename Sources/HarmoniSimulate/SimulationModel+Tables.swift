import HarmoniModel

/// The per-item, per-year tables of a ``SimulationModel``: the same values as the item functions
/// (``SimulationModel/ownLevel(_:_:)``, ``SimulationModel/baselineVolume(_:_:)``,
/// ``SimulationModel/volume(_:_:)``), computed once per run and read by catalog position.
extension SimulationModel {
    private struct GrowthKey: Hashable {
        var service: String
        var municipality: MunicipalityID
    }

    /// Fills the tables (coverage decisions come later, through ``setCoverage(_:_:from:ratio:decision:)``).
    /// Throws «beløpet er for stort» / «volumet er for stort» when a lifted level, an annual amount,
    /// a grown volume or a baseline amount (annual amount × volume) would leave ``Money/limit`` or
    /// ``Volume/limit``: every later amount of the run is then bounded by checked arithmetic.
    mutating func buildTables() throws(SimulationError) {
        let items = catalog.items
        let count = items.count * years.count
        var own: [Money] = []
        var base: [DecimalNumber?] = []
        own.reserveCapacity(count)
        base.reserveCapacity(count)
        // Years whose price factor equals the year before's (every year in fixed prices) repeat
        // the lifted level instead of lifting again.
        let factors = years.map { index.factor($0) }
        // The growth factors of a (service, municipality) for every year, computed once; and
        // whether any factor in use changes from one year to the next.
        var growth: [GrowthKey: [ExactFraction]] = [:]
        var volumesChange = Array(repeating: false, count: years.count)
        var lastGrowth: (key: GrowthKey, factors: [ExactFraction])?
        let noGrowth = scenario.growth.isEmpty
        let limit = Int128(Money.limit.ore)
        for position in items.indices {
            let level = items[position].level
            let rounding = LevelRounding.standard(for: level)
            let periods = catalog.slots.periodsPerYear[position]
            let start = own.count
            for offset in factors.indices {
                if offset > 0, factors[offset] == factors[offset - 1], let last = own.last {
                    own.append(last)
                    continue
                }
                guard let lifted = PriceIndex.lift(level, by: factors[offset], rounding: rounding), lifted.isWithinLimit,
                    (Int128(lifted.ore) * Int128(periods)).magnitude <= limit.magnitude
                else { throw .amountTooLarge(items[position].key.description, items[position].municipality, years.lowerBound + offset) }
                own.append(lifted)
            }
            guard let volume = items[position].volume else {
                for _ in factors { base.append(nil) }
                continue
            }
            // A pot is always one; without growth settings every factor is one.
            let yearly: [ExactFraction]
            if noGrowth || (items[position].key.kind == .subsidy && items[position].volumeCounts == nil) {
                yearly = []
            } else {
                let service = catalog.slots.volumeServices[position]
                let key = GrowthKey(service: service, municipality: items[position].municipality)
                if let last = lastGrowth, last.key == key {
                    yearly = last.factors  // items of a service come together: no lookup
                } else if let known = growth[key] {
                    yearly = known
                } else {
                    yearly = growthFactors(service, items[position].municipality)
                    growth[key] = yearly
                    for offset in yearly.indices.dropFirst() where yearly[offset] != yearly[offset - 1] {
                        volumesChange[offset] = true
                    }
                }
                lastGrowth = (key, yearly)
            }
            for offset in factors.indices {
                let grown: DecimalNumber?
                if yearly.isEmpty {
                    grown = volume
                } else {
                    grown = SimulationModel.grow(volume, by: yearly[offset])
                }
                guard let grown else {
                    throw .volumeTooLarge(items[position].key.description, items[position].municipality, years.lowerBound + offset)
                }
                // The baseline amount (annual × volume) must fit: bounded without dividing.
                if !SimulationModel.fits(own[start + offset] * periods, grown) {
                    throw .amountTooLarge(items[position].key.description, items[position].municipality, years.lowerBound + offset)
                }
                base.append(grown)
            }
        }
        ownLevels = own
        baselineVolumes = base
        volumes = base
        // A year repeats the one before when the price factor and every growth factor do (then
        // every own level and baseline volume does).
        var repeats = Array(repeating: false, count: years.count)
        for offset in factors.indices.dropFirst() {
            repeats[offset] = factors[offset] == factors[offset - 1] && !volumesChange[offset]
        }
        yearRepeats = repeats
    }

    /// True when a level times its periods per year (an annual amount) lies within ``Money/limit``.
    static func annualFits(_ level: Money, _ periods: Int64) -> Bool {
        (Int128(level.ore) * Int128(periods)).magnitude <= UInt128(Money.limit.ore)
    }

    /// True when `annual × volume` lies within ``Money/limit`` (checked without rounding: a
    /// product just above the limit by less than an øre counts as beyond it).
    static func fits(_ annual: Money, _ volume: DecimalNumber) -> Bool {
        // |annual| ≤ 10¹⁴ · 365 and |significand| < 2⁶³: the product fits in Int128.
        let product = Int128(annual.ore).magnitude * Int128(volume.significand).magnitude
        var bound = UInt128(Money.limit.ore)
        for _ in 0..<max(0, volume.scale) {
            let (next, overflow) = bound.multipliedReportingOverflow(by: 10)
            if overflow { return true }
            bound = next
        }
        return product <= bound
    }

    /// True when the inputs of level targets (own levels, baseline volumes, the price factor)
    /// are the same in every year after `earlier` up to `later` as in `earlier`.
    func targetInputsRepeat(from earlier: Int, to later: Int) -> Bool {
        guard earlier < later, years.contains(earlier), years.contains(later), yearRepeats.count == years.count
        else { return false }
        for year in (earlier + 1)...later where !yearRepeats[year - firstYear] { return false }
        return true
    }

    /// The table slot of an item position in `year`, if the year is simulated and tables are built.
    private func slot(_ position: Int, _ year: Int) -> Int? {
        guard years.contains(year), ownLevels.count == catalog.items.count * years.count else { return nil }
        return position * years.count + (year - firstYear)
    }

    /// ``ownLevel(_:_:)`` of the item at a catalog position.
    func ownLevel(at position: Int, _ year: Int) -> Money {
        guard let slot = slot(position, year) else { return ownLevel(catalog.items[position], year) }
        return ownLevels[slot]
    }

    /// ``ownAnnual(_:_:)`` of the item at a catalog position.
    func ownAnnual(at position: Int, _ year: Int) -> Money {
        ownLevel(at: position, year) * catalog.slots.periodsPerYear[position]
    }

    /// ``baselineVolume(_:_:)`` of the item at a catalog position.
    func baselineVolume(at position: Int, _ year: Int) -> DecimalNumber? {
        guard let slot = slot(position, year) else { return baselineVolume(catalog.items[position], year) }
        return baselineVolumes[slot]
    }

    /// ``volume(_:_:)`` of the item at a catalog position.
    func volume(at position: Int, _ year: Int) -> DecimalNumber? {
        guard let slot = slot(position, year) else { return volume(catalog.items[position], year) }
        return volumes[slot]
    }

    /// ``unitExcludingVAT(_:_:)`` for the item at a catalog position.
    func unitExcludingVAT(_ annual: Money, at position: Int) -> Money {
        guard catalog.slots.vats[position] == .incl else { return annual }
        return exclusiveOfVAT.apply(to: annual, rounding: .ore) ?? annual
    }

    /// ``amount(_:_:)`` with the volume already a fraction (goal-seek reuses it many times);
    /// `nil` beyond ``Money/limit``.
    func amount(_ unit: Money, _ volume: ExactFraction) -> Money? {
        guard let amount = volume.apply(to: unit, rounding: .ore), amount.isWithinLimit else { return nil }
        return amount
    }
}
