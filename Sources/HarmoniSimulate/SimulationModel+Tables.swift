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
    mutating func buildTables() {
        let items = catalog.items
        let count = items.count * years.count
        var own: [Money] = []
        var base: [DecimalNumber?] = []
        own.reserveCapacity(count)
        base.reserveCapacity(count)
        // Years whose price factor equals the year before's (every year in fixed prices) repeat
        // the lifted level instead of lifting again.
        let factors = years.map { index.factor($0) }
        // The growth factors of a (service, municipality) for every year, computed once.
        var growth: [GrowthKey: [ExactFraction]] = [:]
        for (position, item) in items.enumerated() {
            let rounding = LevelRounding.standard(for: item.level)
            for (offset, year) in years.enumerated() {
                if offset > 0, factors[offset] == factors[offset - 1], let last = own.last {
                    own.append(last)
                } else {
                    own.append(index.lift(item.level, to: year, rounding: rounding))
                }
            }
            guard let volume = item.volume else {
                base.append(contentsOf: repeatElement(DecimalNumber?.none, count: years.count))
                continue
            }
            // A pot is always one; without growth settings every factor is one.
            if (item.key.kind == .subsidy && item.volumeCounts == nil) || scenario.growth.isEmpty {
                base.append(contentsOf: repeatElement(DecimalNumber?.some(volume), count: years.count))
                continue
            }
            let service = catalog.slots.volumeServices[position]
            let key = GrowthKey(service: service, municipality: item.municipality)
            let yearly = growth[key] ?? years.map { growthFactor(service, item.municipality, $0) }
            growth[key] = yearly
            for factor in yearly {
                base.append(factor.isOne ? volume : (ExactFraction(decimal: volume) * factor).decimal(places: 2) ?? volume)
            }
        }
        ownLevels = own
        baselineVolumes = base
        volumes = base
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
        ownLevel(at: position, year) * catalog.items[position].periodsPerYear
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
        guard catalog.items[position].vat == .incl else { return annual }
        return exclusiveOfVAT.apply(to: annual, rounding: .ore) ?? annual
    }

    /// ``amount(_:_:)`` with the volume already a fraction (goal-seek reuses it many times).
    func amount(_ unit: Money, _ volume: ExactFraction) -> Money {
        volume.apply(to: unit, rounding: .ore) ?? .zero
    }
}
