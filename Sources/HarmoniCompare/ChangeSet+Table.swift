import HarmoniModel
import HarmoniReport

extension DatasetChange {
    /// The collection's stable name: `fees`, `rules`, `volumes`, …
    public var collection: String { parts.collection }

    /// The key of the element changed.
    public var key: String { parts.key }

    /// `added`, `removed` or `changed`.
    public var kind: String { parts.kind }

    /// The value before and after, as short texts (`nil` where there is none).
    public var summaries: (before: String?, after: String?) { (parts.before, parts.after) }

    private var parts: (collection: String, key: String, kind: String, before: String?, after: String?) {
        func split<E>(_ name: String, _ change: Change<E>) -> (String, String, String, String?, String?) {
            let kind: String
            switch change {
            case .added: kind = "added"
            case .removed: kind = "removed"
            case .changed: kind = "changed"
            }
            return (name, change.key, kind, change.old?.changeSummary, change.new?.changeSummary)
        }
        switch self {
        case .municipality(let c): return split("municipalities", c)
        case .area(let c): return split("areas", c)
        case .service(let c): return split("services", c)
        case .source(let c): return split("sources", c)
        case .fee(let c): return split("fees", c)
        case .rule(let c): return split("rules", c)
        case .parameter(let c): return split("parameters", c)
        case .population(let c): return split("populations", c)
        case .volume(let c): return split("volumes", c)
        case .coverage(let c): return split("coverages", c)
        case .budget(let c): return split("budgets", c)
        case .subsidy(let c): return split("subsidies", c)
        case .missing(let c): return split("missing", c)
        case .household(let c): return split("households", c)
        }
    }
}

extension ChangeSet {
    /// The stable column keys of a change table, in order.
    public static let columnKeys = ["collection", "key", "change", "before", "after"]

    /// The change set as a table, one row per change in order (columns ``columnKeys``).
    public func table(title: String, language: DisplayLanguageTag = .nb) -> Table {
        let nb = language == .nb
        var table = Table(
            kind: "changes", title: title,
            columns: [
                Column("collection", nb ? "Samling" : "Collection"), Column("key", nb ? "Nøkkel" : "Key"),
                Column("change", nb ? "Endring" : "Change"), Column("before", nb ? "Før" : "Before", .right),
                Column("after", nb ? "Etter" : "After", .right),
            ])
        let words = nb ? ["added": "ny", "removed": "fjernet", "changed": "endret"] : ["added": "added", "removed": "removed", "changed": "changed"]
        for change in changes {
            let (before, after) = change.summaries
            table.rows.append([
                .text(change.collection), .text(change.key), .text(words[change.kind] ?? change.kind),
                before.map { .text($0) } ?? .empty, after.map { .text($0) } ?? .empty,
            ])
        }
        if changes.isEmpty { table.notes.append(nb ? "Ingen endringer." : "No changes.") }
        return table
    }
}
