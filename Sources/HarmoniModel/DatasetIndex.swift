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

/// The rows of each fee line, and the lines of each service, of ``Dataset/fees``. Rows are held
/// as arrays, so a lookup hands out the array itself instead of building one.
struct FeeTable: Sendable {
    struct Pair: Hashable {
        var municipality: MunicipalityID
        var key: FeeKey
    }
    /// (municipality, line) → its rows in dataset order.
    var rows: [Pair: [Fee]] = [:]
    /// Service → its distinct lines in dataset order.
    var lines: [ServiceID: [FeeKey]] = [:]

    init(_ fees: [Fee]) {
        var seen: Set<FeeKey> = []
        rows.reserveCapacity(fees.count)
        for fee in fees {
            rows[Pair(municipality: fee.municipality, key: fee.key), default: []].append(fee)
            if seen.insert(fee.key).inserted { lines[fee.key.service, default: []].append(fee.key) }
        }
    }
}

/// The volumes of each fee line in ``Dataset/volumes``.
struct VolumeTable: Sendable {
    /// (municipality, line) → its volumes in dataset order.
    var rows: [FeeTable.Pair: [Volume]] = [:]

    init(_ volumes: [Volume]) {
        rows.reserveCapacity(volumes.count)
        for volume in volumes {
            rows[FeeTable.Pair(municipality: volume.municipality, key: volume.key), default: []].append(volume)
        }
    }
}

/// The rules of each municipality's service in ``Dataset/rules``.
struct RuleTable: Sendable {
    struct Pair: Hashable {
        var municipality: MunicipalityID
        var service: ServiceID
    }
    /// (municipality, service) → its rules in dataset order.
    var rows: [Pair: [Rule]] = [:]

    init(_ rules: [Rule]) {
        for rule in rules {
            rows[Pair(municipality: rule.municipality, service: rule.service), default: []].append(rule)
        }
    }
}

/// The parameters in model use of each name in ``Dataset/parameters``.
struct ParameterTable: Sendable {
    /// Name → the parameters with `useInModel`, in dataset order.
    var rows: [String: [Parameter]] = [:]

    init(_ parameters: [Parameter]) {
        for parameter in parameters where parameter.useInModel {
            rows[parameter.parameter, default: []].append(parameter)
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
