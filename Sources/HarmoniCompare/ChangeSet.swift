import HarmoniModel

/// A value of the dataset that a change set can track: it has a key that identifies it across two
/// versions of the dataset (`asker.sfo.plass_5d@2019-01-01`) and a short text of its value.
public protocol ChangeTracked: Sendable, Hashable, Codable {
    /// The identity across versions: two elements with the same key are the same thing, changed.
    var changeKey: String { get }
    /// A short text of the value for tables (`2 843 kr/mnd`).
    var changeSummary: String { get }
}

/// One change to an ordered collection of the dataset.
///
/// Offsets make ``Dataset/applying(_:)`` exact: a removal names the element's offset in the old
/// collection; an addition and a change name the offset in the new one.
public enum Change<Element: ChangeTracked>: Sendable, Hashable, Codable {
    /// An element that is new (a fee line a scenario introduces, a new year's row).
    case added(Element, at: Int)
    /// An element that is gone.
    case removed(Element, at: Int)
    /// The same element (same ``ChangeTracked/changeKey``) with a different value.
    case changed(old: Element, new: Element, at: Int)

    /// The key of the element changed.
    public var key: String {
        switch self {
        case .added(let e, _), .removed(let e, _), .changed(_, let e, _): return e.changeKey
        }
    }

    /// The element before the change (`nil` for an addition).
    public var old: Element? {
        switch self {
        case .added: return nil
        case .removed(let e, _), .changed(let e, _, _): return e
        }
    }

    /// The element after the change (`nil` for a removal).
    public var new: Element? {
        switch self {
        case .removed: return nil
        case .added(let e, _), .changed(_, let e, _): return e
        }
    }
}

/// A change to any part of the dataset. One vocabulary of change for the diff engine, the
/// simulator (a baseline and a scenario's result) and the language.
public enum DatasetChange: Sendable, Hashable, Codable {
    /// A municipality added, removed or changed.
    case municipality(Change<Municipality>)
    /// A tjenesteområde added, removed or changed.
    case area(Change<Area>)
    /// A service added, removed or changed.
    case service(Change<Service>)
    /// A source added, removed or changed.
    case source(Change<Source>)
    /// A fee row added, removed or changed.
    case fee(Change<Fee>)
    /// A rule row added, removed or changed.
    case rule(Change<Rule>)
    /// A national parameter added, removed or changed.
    case parameter(Change<Parameter>)
    /// A population count added, removed or changed.
    case population(Change<Population>)
    /// A volume added, removed or changed.
    case volume(Change<Volume>)
    /// A coverage rate (dekningsgrad) added, removed or changed.
    case coverage(Change<Coverage>)
    /// A budget frame added, removed or changed.
    case budget(Change<Budget>)
    /// A subsidy rate or amount added, removed or changed.
    case subsidy(Change<Subsidy>)
    /// A value the record lacks added, removed or changed.
    case missing(Change<MissingValue>)
    /// A typical household added, removed or changed.
    case household(Change<Household>)
}

/// The ordered list of typed changes between two datasets: `new.difference(from: old)`.
///
/// Order: collection by collection in the order of ``DatasetChange``'s cases (municipalities, areas,
/// services, sources, fees, rules, parameters, populations, volumes, coverages, budgets,
/// subsidies, missing values, households); within a collection, removals by old offset, then
/// changes by new offset, then additions by new offset. Identical inputs give identical change sets.
public struct ChangeSet: Sendable, Hashable, Codable {
    /// The changes in order.
    public var changes: [DatasetChange]

    /// Creates a change set from changes in order.
    public init(_ changes: [DatasetChange] = []) { self.changes = changes }

    /// True when the two datasets are equal.
    public var isEmpty: Bool { changes.isEmpty }

    /// The changes to fee rows, in order.
    public var fees: [Change<Fee>] { changes.compactMap { if case .fee(let c) = $0 { return c } else { return nil } } }
    /// The changes to rule rows, in order.
    public var rules: [Change<Rule>] { changes.compactMap { if case .rule(let c) = $0 { return c } else { return nil } } }
    /// The changes to volumes, in order.
    public var volumes: [Change<Volume>] { changes.compactMap { if case .volume(let c) = $0 { return c } else { return nil } } }
}

/// A change that does not fit the dataset it is applied to (the element is not where it says).
public struct ChangeSetConflict: Error, Sendable, Hashable {
    /// The collection: `fees`, `rules`, …
    public var collection: String
    /// The key of the change that did not fit.
    public var key: String
    /// The offset it named.
    public var offset: Int
}
