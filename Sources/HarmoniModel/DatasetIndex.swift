import Synchronization

/// A lookup table of one collection of a ``Dataset``, built on first use.
///
/// Copies of a dataset share the cache until one of them changes the collection: the
/// collection's `didSet` gives that copy a new, empty cache, so a table never describes another
/// version of the values. A cache is equal to every other and hashes as nothing, so a dataset's
/// equality and hash see only its values (and it is not coded).
final class LookupCache<Table: Sendable>: Sendable, Hashable {
    private let table = Mutex<Table?>(nil)

    init() {}

    /// The table, built by `build` the first time.
    func table(_ build: () -> Table) -> Table {
        table.withLock { table in
            if let table { return table }
            let made = build()
            table = made
            return made
        }
    }

    /// True until the table is built.
    var isEmpty: Bool { table.withLock { $0 == nil } }

    static func == (a: LookupCache, b: LookupCache) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// Where the rows of each fee line, and each line of a service, are in ``Dataset/fees``.
struct FeeTable: Sendable {
    struct Pair: Hashable {
        var municipality: MunicipalityID
        var key: FeeKey
    }
    /// (municipality, line) → positions in dataset order.
    var rows: [Pair: [Int]] = [:]
    /// Service → its distinct lines in dataset order.
    var lines: [ServiceID: [FeeKey]] = [:]

    init(_ fees: [Fee]) {
        var seen: Set<FeeKey> = []
        for (position, fee) in fees.enumerated() {
            rows[Pair(municipality: fee.municipality, key: fee.key), default: []].append(position)
            if seen.insert(fee.key).inserted { lines[fee.key.service, default: []].append(fee.key) }
        }
    }
}

/// Where the volumes of each fee line are in ``Dataset/volumes``.
struct VolumeTable: Sendable {
    /// (municipality, line) → positions in dataset order.
    var rows: [FeeTable.Pair: [Int]] = [:]

    init(_ volumes: [Volume]) {
        for (position, volume) in volumes.enumerated() {
            rows[FeeTable.Pair(municipality: volume.municipality, key: volume.key), default: []].append(position)
        }
    }
}

/// Where the rules of each municipality's service are in ``Dataset/rules``.
struct RuleTable: Sendable {
    struct Pair: Hashable {
        var municipality: MunicipalityID
        var service: ServiceID
    }
    /// (municipality, service) → positions in dataset order.
    var rows: [Pair: [Int]] = [:]

    init(_ rules: [Rule]) {
        for (position, rule) in rules.enumerated() {
            rows[Pair(municipality: rule.municipality, service: rule.service), default: []].append(position)
        }
    }
}

/// Where the parameters in model use of each name are in ``Dataset/parameters``.
struct ParameterTable: Sendable {
    /// Name → positions (of parameters with `useInModel`) in dataset order.
    var rows: [String: [Int]] = [:]

    init(_ parameters: [Parameter]) {
        for (position, parameter) in parameters.enumerated() where parameter.useInModel {
            rows[parameter.parameter, default: []].append(position)
        }
    }
}

extension LookupCache {
    /// Makes way for a change of the collection: a new, empty cache unless this one is empty
    /// and nobody else holds it (appending one row at a time then allocates nothing).
    static func renew(_ cache: inout LookupCache) {
        if !isKnownUniquelyReferenced(&cache) || !cache.isEmpty { cache = LookupCache() }
    }
}
