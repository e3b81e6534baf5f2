import HarmoniModel

/// Dense integer lookups over a catalog's items, built once with the catalog, so the simulator's
/// inner loops index arrays instead of hashing keys made of strings.
///
/// A key id numbers the distinct item keys in order of first appearance; a municipality index is
/// the position in the catalog's merging municipalities; an item position is an index in
/// ``Catalog/items``.
struct CatalogSlots: Sendable {
    /// The dense id of each distinct item key.
    let keyIDs: [ItemKey: Int]
    /// The index of each merging municipality.
    let municipalityIndex: [MunicipalityID: Int]
    /// How many municipalities are merged.
    let municipalityCount: Int
    /// `keyID × municipalityCount + municipality index` → item position, or -1 where the
    /// municipality lacks the line.
    private let positions: [Int]
    /// Per item position: the first position of an item with the same `group.line` text (the
    /// ledger orders items by it).
    let textOrder: [Int]
    /// Per item position: the index of its municipality (the ledger's last ordering key).
    let municipalityOrder: [Int]
    /// `group.line` → the first position of an item with that text.
    let firstPositionByText: [String: Int]
    /// The item key of each id.
    let keys: [ItemKey]
    /// The key ids of each group (service or scheme), in dataset order.
    let groupKeyIDs: [String: [Int]]
    /// The key id of each group's main line (see ``Catalog/mainLine(ofGroup:)``); absent when the
    /// municipalities share no line of the group with the same period and mva form.
    let mainKeyIDs: [String: Int]
    /// Per item position: the service its volume belongs to (``Catalog/volumeService(of:)``).
    let volumeServices: [String]
    /// Per item position, the fields the inner loops read (copying a whole item retains its
    /// strings and arrays): level, periods per year, period and mva form.
    private(set) var levels: [Money]
    let periodsPerYear: [Int64]
    let periods: [PricePeriod]
    let vats: [VATForm]

    init(items: [BaselineItem], municipalities: [MunicipalityID]) {
        var municipalityIndex: [MunicipalityID: Int] = [:]
        for (i, municipality) in municipalities.enumerated() where municipalityIndex[municipality] == nil {
            municipalityIndex[municipality] = i
        }
        var keyIDs: [ItemKey: Int] = [:]
        var keys: [ItemKey] = []
        var keyTextOrder: [Int] = []
        var byText: [String: Int] = [:]
        var groupKeyIDs: [String: [Int]] = [:]
        var textOrder: [Int] = []
        var municipalityOrder: [Int] = []
        var slots: [(key: Int, municipality: Int, position: Int)] = []
        textOrder.reserveCapacity(items.count)
        municipalityOrder.reserveCapacity(items.count)
        slots.reserveCapacity(items.count)
        // Per key (not per item): its id, its group, and the first position of its text.
        var lastMunicipality: (id: MunicipalityID, index: Int)?
        for (position, item) in items.enumerated() {
            let keyID: Int
            if let known = keyIDs[item.key] {
                keyID = known
            } else {
                keyID = keys.count
                keyIDs[item.key] = keyID
                keys.append(item.key)
                groupKeyIDs[item.key.group, default: []].append(keyID)
                let text = item.key.description
                if byText[text] == nil { byText[text] = position }
                keyTextOrder.append(byText[text] ?? position)
            }
            textOrder.append(keyTextOrder[keyID])
            // Items of one municipality often come in a run: the last lookup is reused.
            let m: Int
            if let last = lastMunicipality, last.id == item.municipality {
                m = last.index
            } else {
                m = municipalityIndex[item.municipality] ?? municipalities.count
                lastMunicipality = (item.municipality, m)
            }
            municipalityOrder.append(m)
            if m < municipalities.count { slots.append((keyID, m, position)) }
        }
        var positions = Array(repeating: -1, count: keyIDs.count * municipalities.count)
        // The catalog holds one item per key and municipality.
        for slot in slots { positions[slot.key * municipalities.count + slot.municipality] = slot.position }
        self.keyIDs = keyIDs
        self.municipalityIndex = municipalityIndex
        self.municipalityCount = municipalities.count
        self.positions = positions
        self.textOrder = textOrder
        self.municipalityOrder = municipalityOrder
        self.firstPositionByText = byText
        self.keys = keys
        self.groupKeyIDs = groupKeyIDs
        self.volumeServices = items.map(Catalog.volumeService(of:))
        self.levels = items.map(\.level)
        self.periodsPerYear = items.map(\.periodsPerYear)
        self.periods = items.map(\.period)
        self.vats = items.map(\.vat)
        // The main line: the first line of the group every municipality has, all with the same
        // period and mva form.
        var mainKeyIDs: [String: Int] = [:]
        for (group, ids) in groupKeyIDs {
            mainKeyIDs[group] = ids.first { id in
                let present = (0..<municipalities.count).compactMap { m -> Int? in
                    let position = positions[id * municipalities.count + m]
                    return position < 0 ? nil : position
                }
                guard present.count == municipalities.count, let first = present.first else { return false }
                return present.allSatisfy { items[$0].period == items[first].period && items[$0].vat == items[first].vat }
            }
        }
        self.mainKeyIDs = mainKeyIDs
    }

    /// Sets the level of the item at a position (``Catalog/updateFeeAmount(row:in:baselineYear:)``).
    mutating func setLevel(_ level: Money, at position: Int) { levels[position] = level }

    /// The position of the item of a key id in a municipality (by index), if it has the line.
    func position(keyID: Int, municipality: Int) -> Int? {
        guard keyID >= 0, keyID < keyIDs.count, municipality >= 0, municipality < municipalityCount else { return nil }
        let position = positions[keyID * municipalityCount + municipality]
        return position < 0 ? nil : position
    }
}
