import HarmoniModel

/// A priced item of the simulation: a fee line or a subsidy line, the same in every municipality.
public struct ItemKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Fees bring revenue; subsidies are costs.
    public enum Kind: String, Sendable, Hashable, Comparable {
        case fee
        case subsidy
        /// Fees sort before subsidies.
        public static func < (a: Kind, b: Kind) -> Bool { a == .fee && b == .subsidy }
    }
    /// Fee or subsidy.
    public var kind: Kind
    /// The service (`sfo`) or subsidy scheme (`driftstilskudd_private_barnehager`).
    public var group: String
    /// The line (`plass_5d`, `ordinaer_0_2`).
    public var line: String

    /// Creates a key.
    public init(_ kind: Kind, _ group: String, _ line: String) {
        self.kind = kind
        self.group = group
        self.line = line
    }

    /// Kind, then group, then line.
    public static func < (a: ItemKey, b: ItemKey) -> Bool { (a.kind, a.group, a.line) < (b.kind, b.group, b.line) }
    /// `group.line`.
    public var description: String { "\(group).\(line)" }
}

/// One item of one old municipality as it stood at the end of the baseline year (2019).
public struct BaselineItem: Sendable, Hashable {
    /// The line.
    public var key: ItemKey
    /// The old municipality.
    public var municipality: MunicipalityID
    /// The tjenesteområde of the service or scheme.
    public var area: AreaID
    /// The price per period as published (in the stored mva form), in force on 31 December of the
    /// baseline year; for a subsidy the rate per unit per year (or the total of a pot).
    public var level: Money
    /// What the price is per (month, semester, year, m³ …).
    public var period: PricePeriod
    /// Periods billed per year: billed months for monthly fees, 2 per semester, else 1 (the
    /// volume of a fee per m³, litre, day or hour counts those units).
    public var periodsPerYear: Int64
    /// The mva form the level is stored in.
    public var vat: VATForm
    /// The 2019 volume (users, places, m³ …), or `nil` when the dataset has none.
    public var volume: DecimalNumber?
    /// What the volume counts (`elever`, `m3/år`).
    public var volumeCounts: String?
    /// True when the volume counts people or households (so a change per user makes sense).
    public var countsUsers: Bool
    /// The weakest status of the price and the volume.
    public var status: Status
    /// True when the service is bound by selvkost.
    public var selvkost: Bool
    /// The sources of the price and the volume.
    public var sources: [SourceID]
}

/// Every priced item of the old municipalities, in dataset order, with lookups.
public struct Catalog: Sendable {
    /// The old municipalities being merged, in merger order (Asker, Røyken, Hurum by default).
    public let municipalities: [MunicipalityID]
    /// Items in dataset order: fees first, then subsidies.
    public private(set) var items: [BaselineItem]
    private let index: [Pair: Int]
    private let groupKeys: [String: [ItemKey]]
    /// Lines left out: subsidy lines that are not amounts (shares of a pot, weights), and fee
    /// lines of a service the dataset does not declare (`kommune.tjeneste.linje`).
    public let skipped: [String]
    /// Integer lookups for the simulator's inner loops.
    private(set) var slots: CatalogSlots

    private struct Pair: Hashable {
        var key: ItemKey
        var municipality: MunicipalityID
    }

    private struct FeePair: Hashable {
        var municipality: MunicipalityID
        var key: FeeKey
    }

    /// Builds the catalog from a dataset, for prices in force at the end of `baselineYear`, of the
    /// merging `municipalities` (the dataset's ``Dataset/mergingMunicipalities`` unless given).
    public init(
        dataset: Dataset, baselineYear: Int, municipalities: [MunicipalityID]? = nil
    ) {
        let municipalities = municipalities ?? dataset.mergingMunicipalities
        self.municipalities = municipalities
        var items: [BaselineItem] = []
        var skipped: [String] = []
        let end = CalendarDate.endOf(year: baselineYear)
        let merging = Set(municipalities)
        // Subsidy lines already met (fee lines are grouped below; the two kinds never share a key).
        var seen: Set<Pair> = []
        // One pass over each collection (the catalog is built for every prepared baseline): the
        // fee rows of each (municipality, line) by position, lines in order of first appearance.
        let fees = dataset.fees
        var lineOf: [FeePair: Int] = [:]
        lineOf.reserveCapacity(fees.count)
        var lineRows: [[Int]] = []
        for (position, fee) in fees.enumerated() where merging.contains(fee.municipality) {
            let pair = FeePair(municipality: fee.municipality, key: fee.key)
            if let line = lineOf[pair] {
                lineRows[line].append(position)
            } else {
                lineOf[pair] = lineRows.count
                lineRows.append([position])
            }
        }
        var countsUsers: [String: Bool] = [:]
        var volumes: [FeePair: Volume] = [:]
        volumes.reserveCapacity(dataset.volumes.count)
        for volume in dataset.volumes { volumes[FeePair(municipality: volume.municipality, key: volume.key)] = volume }
        let services = Dictionary(dataset.services.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        items.reserveCapacity(lineRows.count)
        for rows in lineRows {
            let fee = fees[rows[0]]
            let key = ItemKey(.fee, fee.key.service.rawValue, fee.key.line.rawValue)
            let pair = FeePair(municipality: fee.municipality, key: fee.key)
            let row = rows.first { fees[$0].provenance.validity.contains(end) }.map { fees[$0] } ?? fees[rows[rows.count - 1]]
            // A fee of a service the dataset does not declare has no area to be counted in: the
            // loader refuses it at its id (`ukjent tjeneste`); a dataset built in code that has
            // one gets the line left out and named here, never an invented area.
            guard let service = services[fee.key.service] else {
                skipped.append("\(fee.municipality).\(key)")
                continue
            }
            items.append(
                Catalog.item(
                    key: key, municipality: fee.municipality, area: service.area, level: row.amount,
                    period: row.period, periodsPerYear: Catalog.periods(row), vat: row.vat, provenance: row.provenance,
                    volume: volumes[pair], selvkost: service.selvkost, countsUsers: &countsUsers))
        }
        for subsidy in dataset.subsidies where merging.contains(subsidy.municipality) {
            let key = ItemKey(.subsidy, subsidy.scheme, subsidy.line)
            guard seen.insert(Pair(key: key, municipality: subsidy.municipality)).inserted else { continue }
            let rows = dataset.subsidies.filter {
                $0.municipality == subsidy.municipality && $0.scheme == subsidy.scheme && $0.line == subsidy.line
            }
            let row = rows.last { $0.provenance.validity.contains(end) } ?? rows.last ?? subsidy
            guard let amount = row.value.money, let scheme = Links.scheme(subsidy.scheme) else {
                skipped.append("\(subsidy.municipality).\(key)")
                continue
            }
            // A rate is paid per something other than the year: «kr per heltidsplass per år».
            var printed = row.provenance.printedUnit ?? ""
            if printed.hasSuffix(" per år") { printed.removeLast(" per år".count) }
            let isRate = printed.contains(" per ")
            let volumeKey = scheme.volumes.first { $0.line == subsidy.line }?.volume
            let linked = volumeKey.flatMap { volumes[FeePair(municipality: subsidy.municipality, key: $0)] }
            var item = Catalog.item(
                key: key, municipality: subsidy.municipality, area: scheme.area, level: amount, period: .year,
                periodsPerYear: 1, vat: .none, provenance: row.provenance, volume: linked, selvkost: false,
                countsUsers: &countsUsers)
            if !isRate {
                // A pot or a one-off amount: the total itself (volume 1), not a rate per user.
                item.volume = DecimalNumber(1)
                item.volumeCounts = nil
                item.countsUsers = false
            }
            items.append(item)
        }
        self.items = items
        self.skipped = skipped
        var index: [Pair: Int] = [:]
        index.reserveCapacity(items.count)
        for (i, item) in items.enumerated() { index[Pair(key: item.key, municipality: item.municipality)] = i }
        self.index = index
        let slots = CatalogSlots(items: items, municipalities: municipalities)
        self.groupKeys = slots.groupKeyIDs.mapValues { $0.map { slots.keys[$0] } }
        self.slots = slots
    }

    private static func item(
        key: ItemKey, municipality: MunicipalityID, area: AreaID, level: Money, period: PricePeriod,
        periodsPerYear: Int64, vat: VATForm, provenance: Provenance, volume: Volume?, selvkost: Bool,
        countsUsers known: inout [String: Bool]
    ) -> BaselineItem {
        let counts = volume?.counts
        // Whether a count text counts people, worked out once per distinct text.
        let countsUsers = counts.map { counts in
            if let answer = known[counts] { return answer }
            let answer = !(counts.contains("m3") || counts.contains("liter"))
            known[counts] = answer
            return answer
        } ?? false
        var sources: [SourceID] = provenance.source.map { [$0] } ?? []
        if let source = volume?.provenance.source, !sources.contains(source) { sources.append(source) }
        return BaselineItem(
            key: key, municipality: municipality, area: area, level: level, period: period,
            periodsPerYear: periodsPerYear, vat: vat, volume: volume?.value, volumeCounts: counts,
            countsUsers: countsUsers, status: max(provenance.status, volume?.provenance.status ?? provenance.status),
            selvkost: selvkost, sources: sources)
    }

    private static func periods(_ fee: Fee) -> Int64 {
        switch fee.period {
        case .month: return Int64(fee.billedMonths ?? 12)
        case .semester: return 2
        default: return 1
        }
    }

    /// Takes the amount of fee row `row` of `dataset` (the only change since this catalog was
    /// built) into the item it prices: the row in force at the end of the baseline year, else the
    /// line's last row, as ``init(dataset:baselineYear:municipalities:)`` chooses. A row that
    /// prices no item (another municipality, a row out of force) changes nothing.
    mutating func updateFeeAmount(row: Int, in dataset: Dataset, baselineYear: Int) {
        let fees = dataset.fees
        guard fees.indices.contains(row) else { return }
        let fee = fees[row]
        let key = ItemKey(.fee, fee.key.service.rawValue, fee.key.line.rawValue)
        guard let position = index[Pair(key: key, municipality: fee.municipality)] else { return }
        let end = CalendarDate.endOf(year: baselineYear)
        let rows = fees.indices.filter { fees[$0].municipality == fee.municipality && fees[$0].key == fee.key }
        guard (rows.first { fees[$0].provenance.validity.contains(end) } ?? rows.last) == row else { return }
        items[position].level = fee.amount
        slots.setLevel(fee.amount, at: position)
    }

    /// Takes the value of volume row `row` of `dataset` (the only change since this catalog was
    /// built) into the fee item it counts (the line's last volume row, as the catalog reads them).
    /// Returns false, changing nothing, when a subsidy rate is counted by that volume too: the
    /// caller builds the catalog again then.
    mutating func updateVolume(row: Int, in dataset: Dataset) -> Bool {
        let volumes = dataset.volumes
        guard volumes.indices.contains(row) else { return true }
        let volume = volumes[row]
        guard volumes.lastIndex(where: { $0.municipality == volume.municipality && $0.key == volume.key }) == row
        else { return true }
        for item in items where item.key.kind == .subsidy && item.municipality == volume.municipality {
            if Links.scheme(item.key.group)?.volumes.first(where: { $0.line == item.key.line })?.volume == volume.key {
                return false
            }
        }
        let key = ItemKey(.fee, volume.key.service.rawValue, volume.key.line.rawValue)
        if let position = index[Pair(key: key, municipality: volume.municipality)] { items[position].volume = volume.value }
        return true
    }

    /// The item of a municipality, if it has the line.
    public func item(_ key: ItemKey, _ municipality: MunicipalityID) -> BaselineItem? {
        index[Pair(key: key, municipality: municipality)].map { items[$0] }
    }

    /// The distinct keys of a group (service or scheme), in dataset order.
    public func keys(inGroup group: String) -> [ItemKey] { groupKeys[group] ?? [] }

    /// True when the catalog has a group (service with fees, or a subsidy scheme) of that id.
    public func hasGroup(_ group: String) -> Bool { groupKeys[group] != nil }

    /// The groups of an area that have items, in dataset order.
    public func groups(inArea area: AreaID) -> [String] {
        var seen: Set<String> = []
        return items.filter { $0.area == area && seen.insert($0.key.group).inserted }.map(\.key.group)
    }

    /// The group's main line: the first line (dataset order) all the municipalities have with
    /// the same period and mva form. Group factors are computed on it.
    public func mainLine(ofGroup group: String) -> ItemKey? {
        slots.mainKeyIDs[group].map { slots.keys[$0] }
    }

    /// The service whose volumes an item's volume belongs to: its own, or for a subsidy rate the
    /// service of its linked volume.
    static func volumeService(of item: BaselineItem) -> String {
        guard item.key.kind == .subsidy else { return item.key.group }
        return Links.scheme(item.key.group)?.volumes.first { $0.line == item.key.line }?.volume.service.rawValue
            ?? item.key.group
    }
}
