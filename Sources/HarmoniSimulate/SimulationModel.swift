import HarmoniModel

/// A dataset prepared for simulation: the dataset and its catalog of priced items, built once.
///
/// The `Dataset` overloads of ``Simulator`` prepare one per call; a caller that runs many scenarios
/// on the same dataset (goal-seek loops, randomised tests, a benchmark) prepares it once.
public struct SimulationBaseline: Sendable {
    /// The dataset.
    public let dataset: Dataset
    /// The year the dataset's prices are from (``Dataset/baselineYear``: its `baseline_year`).
    public let year: Int
    /// The priced items at the end of `year`.
    public let catalog: Catalog
    /// The dataset's kommunal deflator per year.
    let deflators: [Int: DeflatorYear]
    /// 1 ÷ (1 + mva) of the dataset's mva rate.
    let exclusiveOfVAT: ExactFraction
    /// The parameters of every rule as text, for rule adoptions.
    let ruleTexts: RuleTexts

    /// Prepares a dataset whose prices are from `year` (the dataset's ``Dataset/baselineYear``
    /// unless given), for a merger of `municipalities` (the dataset's
    /// ``Dataset/mergingMunicipalities`` unless a caller names others).
    public init(_ dataset: Dataset, year: Int? = nil, municipalities: [MunicipalityID]? = nil) {
        self.dataset = dataset
        let year = year ?? dataset.baselineYear
        self.year = year
        self.catalog = Catalog(dataset: dataset, baselineYear: year, municipalities: municipalities ?? dataset.mergingMunicipalities)
        self.deflators = PriceIndex.datasetDeflators(dataset, through: 2100)
        self.exclusiveOfVAT = (.one / ExactFraction(growth: dataset.vatRate)) ?? .one
        self.ruleTexts = RuleTexts(dataset)
    }

    private init(
        dataset: Dataset, year: Int, catalog: Catalog, deflators: [Int: DeflatorYear], exclusiveOfVAT: ExactFraction,
        ruleTexts: RuleTexts
    ) {
        self.dataset = dataset
        self.year = year
        self.catalog = catalog
        self.deflators = deflators
        self.exclusiveOfVAT = exclusiveOfVAT
        self.ruleTexts = ruleTexts
    }

    /// The parts of a prepared baseline, named by what a change of the dataset makes stale.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The catalog: fees, volumes, subsidies, services (what a line is priced and counted by).
        public static let catalog = Parts(rawValue: 1)
        /// The deflators and the mva rate (parameters).
        public static let parameters = Parts(rawValue: 2)
        /// The rule texts (rule adoptions).
        public static let rules = Parts(rawValue: 4)
        /// Everything.
        public static let all: Parts = [.catalog, .parameters, .rules]
    }

    /// The baseline of `dataset`, a changed copy of this one's dataset (same municipalities and
    /// year): the parts named in `changed` are prepared again, the others kept, and where only the
    /// amounts of fee rows `feeRows` and the values of volume rows `volumeRows` changed, the
    /// catalog items they price or count take the new values (nothing else of the catalog depends
    /// on them). Coverage rates and budgets are read by each run from the dataset, so their
    /// changes need no part. Equal to `SimulationBaseline(dataset, …)` when `changed`,
    /// `feeRows` and `volumeRows` name every change.
    public func replacing(_ dataset: Dataset, changed: Parts, feeRows: [Int] = [], volumeRows: [Int] = [])
        -> SimulationBaseline
    {
        var catalog = self.catalog
        var rebuild = changed.contains(.catalog)
        if !rebuild {
            for row in feeRows { catalog.updateFeeAmount(row: row, in: dataset, baselineYear: year) }
            for row in volumeRows where !catalog.updateVolume(row: row, in: dataset) {
                rebuild = true
                break
            }
        }
        if rebuild { catalog = Catalog(dataset: dataset, baselineYear: year, municipalities: catalog.municipalities) }
        let parameters = changed.contains(.parameters)
        return SimulationBaseline(
            dataset: dataset, year: year, catalog: catalog,
            deflators: parameters ? PriceIndex.datasetDeflators(dataset, through: 2100) : deflators,
            exclusiveOfVAT: parameters ? ((.one / ExactFraction(growth: dataset.vatRate)) ?? .one) : exclusiveOfVAT,
            ruleTexts: changed.contains(.rules) ? RuleTexts(dataset) : ruleTexts)
    }
}

/// What a simulation run knows before any price decision: the catalog, the price index, the
/// volumes of each year (with growth and coverage decisions), and the arithmetic that turns a level
/// into revenue. Built once per run; goal-seek uses the same model.
struct SimulationModel: Sendable {
    let dataset: Dataset
    let scenario: ScenarioState
    let catalog: Catalog
    let index: PriceIndex
    let baselineYear: Int
    /// 1 ÷ (1 + mva): turns an amount including mva into the municipality's revenue.
    let exclusiveOfVAT: ExactFraction
    /// The baseline's rule parameters as text.
    let ruleTexts: RuleTexts
    /// Volume ratio from coverage decisions: (service, municipality) → per year (ratio, decision).
    private(set) var coverage: [CoverageKey: [Int: (ratio: ExactFraction, decision: Int)]] = [:]
    /// Per catalog item and year of the period (slot `position × years.count + year − firstYear`),
    /// computed once per run: the own level (``ownLevel(_:_:)``), the baseline volume and the
    /// volume after coverage decisions. The item functions below define the values.
    var ownLevels: [Money] = []
    var baselineVolumes: [DecimalNumber?] = []
    var volumes: [DecimalNumber?] = []
    /// Per year offset: true when the year's price factor and every baseline volume equal the
    /// year before's, so every level decision's targets are the same (fixed prices, no growth).
    var yearRepeats: [Bool] = []

    struct CoverageKey: Hashable {
        var service: String
        var municipality: MunicipalityID
    }

    var years: ClosedRange<Int> { scenario.period }
    var firstYear: Int { scenario.period.lowerBound }

    /// Builds the model or returns the problem that stops the run.
    static func make(_ baseline: SimulationBaseline, scenario: ScenarioState, basis: PriceBasis? = nil)
        -> Result<SimulationModel, SimulationError>
    {
        let dataset = baseline.dataset
        let baselineYear = baseline.year
        let index = PriceIndex.make(
            deflators: baseline.deflators, baselineYear: baselineYear, period: scenario.period,
            basis: basis ?? scenario.prices, overrides: scenario.deflatorOverrides)
        switch index {
        case .failure(let error): return .failure(error)
        case .success(let index):
            var model = SimulationModel(
                dataset: dataset, scenario: scenario, catalog: baseline.catalog, index: index,
                baselineYear: baselineYear, exclusiveOfVAT: baseline.exclusiveOfVAT, ruleTexts: baseline.ruleTexts)
            do throws(SimulationError) {
                try model.buildTables()
            } catch {
                return .failure(error)
            }
            return .success(model)
        }
    }

    // MARK: Levels

    /// A municipality's own level of an item in `year`: the 2019 price lifted by the price index,
    /// rounded once with standard rounding (whole kroner, or øre for prices with øre).
    /// ``buildTables()`` has checked that every item's lifted level fits (``Money/limit``) in every
    /// year the index knows (years after the period use its last factor), so the fallback is never taken.
    func ownLevel(_ item: BaselineItem, _ year: Int) -> Money {
        index.lift(item.level, to: year, rounding: .standard(for: item.level)) ?? item.level
    }

    /// The own annual amount per unit (stored mva form): own level × periods per year.
    func ownAnnual(_ item: BaselineItem, _ year: Int) -> Money { ownLevel(item, year) * item.periodsPerYear }

    /// The municipality's revenue (or cost) per unit and year: the annual amount, with mva taken out
    /// of amounts stored including mva (÷ 1,25, half-up to øre).
    func unitExcludingVAT(_ annual: Money, _ item: BaselineItem) -> Money {
        guard item.vat == .incl else { return annual }
        return exclusiveOfVAT.apply(to: annual, rounding: .ore) ?? annual
    }

    /// Revenue or cost: the annual amount per unit times the volume, rounded half-up to øre;
    /// `nil` beyond ``Money/limit`` (the caller stops with «beløpet er for stort»).
    func amount(_ unit: Money, _ volume: DecimalNumber) -> Money? {
        amount(unit, ExactFraction(decimal: volume))
    }

    // MARK: Volumes

    /// The growth factor of a service's volumes in a municipality from the baseline year to `year`.
    func growthFactor(_ service: String, _ municipality: MunicipalityID, _ year: Int) -> ExactFraction {
        guard let yearly = yearlyGrowth(service, municipality) else { return .one }
        var factor = ExactFraction.one
        for _ in 0..<max(0, year - baselineYear) { factor = factor * yearly }
        return factor
    }

    /// ``growthFactor(_:_:_:)`` for every year of the period, in order: the same products, each
    /// year's taken on from the year before's.
    func growthFactors(_ service: String, _ municipality: MunicipalityID) -> [ExactFraction] {
        guard let yearly = yearlyGrowth(service, municipality) else { return years.map { _ in .one } }
        var factors: [ExactFraction] = []
        var factor = ExactFraction.one
        var power = 0
        for year in years {
            while power < max(0, year - baselineYear) {
                factor = factor * yearly
                power += 1
            }
            factors.append(factor)
        }
        return factors
    }

    /// The yearly growth factor of a service's volumes in a municipality; `nil` for none (no
    /// setting, or a population trend the dataset lacks the counts for).
    private func yearlyGrowth(_ service: String, _ municipality: MunicipalityID) -> ExactFraction? {
        guard let setting = scenario.growth.last(where: { $0.service == nil || $0.service == service }) else {
            return nil
        }
        switch setting.rule {
        case .rate(let rate): return ExactFraction(growth: rate)
        case .population(let group):
            guard let before = dataset.population(municipality, on: .startOf(year: baselineYear - 1))?.count(group),
                let after = dataset.population(municipality, on: .startOf(year: baselineYear))?.count(group),
                let ratio = ExactFraction(Int128(after), Int128(before))
            else { return nil }
            return ratio
        }
    }

    /// A 2019 volume grown to `year`, rounded half-up to two decimals; `nil` beyond ``Volume/limit``.
    func grown(_ volume: DecimalNumber, service: String, _ municipality: MunicipalityID, _ year: Int) -> DecimalNumber? {
        SimulationModel.grow(volume, by: growthFactor(service, municipality, year))
    }

    /// `volume × factor` rounded half-up to two decimals (a factor of one leaves the volume as
    /// written); `nil` beyond ``Volume/limit``. The one implementation of a grown volume.
    static func grow(_ volume: DecimalNumber, by factor: ExactFraction) -> DecimalNumber? {
        if factor.isOne { return volume }
        let exact = ExactFraction(decimal: volume) * factor
        guard let grown = exact.decimal(places: 2), grown <= Volume.limit,
            grown >= DecimalNumber(-Volume.limit.significand) else { return nil }
        return grown
    }

    /// The service whose volumes an item's volume belongs to (a subsidy rate's linked volume).
    func volumeService(_ item: BaselineItem) -> String { Catalog.volumeService(of: item) }

    /// The baseline volume of an item in `year` (with growth, before decisions). ``buildTables()``
    /// has checked that every grown volume fits, so the fallback is never taken.
    func baselineVolume(_ item: BaselineItem, _ year: Int) -> DecimalNumber? {
        guard let volume = item.volume else { return nil }
        if item.key.kind == .subsidy && item.volumeCounts == nil { return volume }  // a pot: always one
        return grown(volume, service: volumeService(item), item.municipality, year) ?? volume
    }

    /// The volume of an item in `year` after coverage decisions; ``setCoverage(_:_:from:ratio:decision:)``
    /// has checked that it fits, so the fallback is never taken.
    func volume(_ item: BaselineItem, _ year: Int) -> DecimalNumber? {
        guard let base = baselineVolume(item, year) else { return nil }
        guard let ratio = coverageRatio(volumeService(item), item.municipality, year) else { return base }
        return SimulationModel.grow(base, by: ratio.ratio) ?? base
    }

    /// The coverage ratio in force for a service in a municipality in `year`, if a decision set one.
    func coverageRatio(_ service: String, _ municipality: MunicipalityID, _ year: Int)
        -> (ratio: ExactFraction, decision: Int)?
    {
        coverage[CoverageKey(service: service, municipality: municipality)]?[year]
    }

    /// Records a coverage decision's ratio for its years (a later decision replaces an earlier one);
    /// throws, changing nothing, when a volume would grow beyond ``Volume/limit``.
    mutating func setCoverage(
        _ service: String, _ municipality: MunicipalityID, from: Int, ratio: ExactFraction, decision: Int
    ) throws(SimulationError) {
        let affected = catalog.items.indices.filter {
            catalog.items[$0].municipality == municipality && catalog.slots.volumeServices[$0] == service
        }
        for position in affected {
            for year in years where year >= from {
                guard let base = baselineVolume(at: position, year) else { continue }
                if SimulationModel.grow(base, by: ratio) == nil {
                    throw .volumeTooLarge(catalog.items[position].key.description, municipality, year)
                }
            }
        }
        let key = CoverageKey(service: service, municipality: municipality)
        for year in years where year >= from { coverage[key, default: [:]][year] = (ratio, decision) }
        // The volumes of the service's items in the municipality follow the new ratio.
        guard volumes.count == catalog.items.count * years.count else { return }
        for position in affected {
            for year in years where year >= from {
                volumes[position * years.count + year - firstYear] = volume(catalog.items[position], year)
            }
        }
    }
}
