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
        // The growth factors of a (service, municipality) for every year, computed once; and
        // whether any factor in use changes from one year to the next.
        var growth: [GrowthKey: [ExactFraction]] = [:]
        var volumesChange = Array(repeating: false, count: years.count)
        var lastGrowth: (key: GrowthKey, factors: [ExactFraction])?
        let noGrowth = scenario.growth.isEmpty
        items.forEachInPlace { position, item in
            // Fields are read through the pointer: the item is not copied.
            let level = item.pointee.level
            let rounding = LevelRounding.standard(for: level)
            for offset in factors.indices {
                if offset > 0, factors[offset] == factors[offset - 1], let last = own.last {
                    own.append(last)
                } else {
                    // ``PriceIndex/lift(_:to:rounding:)`` with the year's factor at hand.
                    let factor = factors[offset]
                    own.append(rounding.round(ore: Int128(level.ore) * factor.numerator, over: factor.denominator) ?? level)
                }
            }
            guard let volume = item.pointee.volume else {
                for _ in factors { base.append(nil) }
                return
            }
            // A pot is always one; without growth settings every factor is one.
            if noGrowth || (item.pointee.key.kind == .subsidy && item.pointee.volumeCounts == nil) {
                for _ in factors { base.append(volume) }
                return
            }
            let service = catalog.slots.volumeServices[position]
            let municipality = item.pointee.municipality
            let key = GrowthKey(service: service, municipality: municipality)
            let yearly: [ExactFraction]
            if let last = lastGrowth, last.key == key {
                yearly = last.factors  // items of a service come together: no lookup
            } else if let known = growth[key] {
                yearly = known
            } else {
                yearly = growthFactors(service, municipality)
                growth[key] = yearly
                for offset in yearly.indices.dropFirst() where yearly[offset] != yearly[offset - 1] {
                    volumesChange[offset] = true
                }
            }
            lastGrowth = (key, yearly)
            for factor in yearly {
                if factor.isOne {
                    base.append(volume)
                } else if let grown = SimulationModel.grownDirectly(volume, by: factor) {
                    base.append(grown)
                } else {
                    base.append((ExactFraction(decimal: volume) * factor).decimal(places: 2) ?? volume)
                }
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

    /// True when the inputs of level targets (own levels, baseline volumes, the price factor)
    /// are the same in every year after `earlier` up to `later` as in `earlier`.
    func targetInputsRepeat(from earlier: Int, to later: Int) -> Bool {
        guard earlier < later, years.contains(earlier), years.contains(later), yearRepeats.count == years.count
        else { return false }
        for year in (earlier + 1)...later where !yearRepeats[year - firstYear] { return false }
        return true
    }

    /// ``grown(_:service:_:_:)``'s rounding, volume × factor half-up to two decimals, taken on
    /// the unreduced fraction (the rounded value is the same); `nil` when it might not fit in 128
    /// bits, and the reducing arithmetic is used instead.
    static func grownDirectly(_ volume: DecimalNumber, by factor: ExactFraction) -> DecimalNumber? {
        guard (0...18).contains(volume.scale) else { return nil }
        var scale: Int128 = 1
        for _ in 0..<volume.scale { scale *= 10 }
        let (product, overflow1) = (Int128(volume.significand) * 100).multipliedReportingOverflow(by: factor.numerator)
        let (denominator, overflow2) = scale.multipliedReportingOverflow(by: factor.denominator)
        guard !overflow1, !overflow2 else { return nil }
        let value = ExactFraction.divide(product, by: denominator, mode: .halfUp)
        return Int64(exactly: value).map { DecimalNumber(significand: $0, scale: 2).normalized }
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

    /// ``amount(_:_:)`` with the volume already a fraction (goal-seek reuses it many times).
    func amount(_ unit: Money, _ volume: ExactFraction) -> Money {
        volume.apply(to: unit, rounding: .ore) ?? .zero
    }
}
