import HarmoniModel

extension Dataset {
    /// The changes that turn `old` into this dataset, such that
    /// `old.applying(new.difference(from: old)) == new` for any two datasets.
    ///
    /// Elements are matched by ``ChangeTracked/changeKey`` along the longest common subsequence of
    /// the two key sequences (Swift's `difference(from:)`), so order is reproduced exactly; a matched
    /// pair whose values differ is a ``Change/changed(old:new:at:)``.
    public func difference(from old: Dataset) -> ChangeSet {
        var changes: [DatasetChange] = []
        changes += Diffing.changes(old.municipalities, municipalities).map(DatasetChange.municipality)
        changes += Diffing.changes(old.areas, areas).map(DatasetChange.area)
        changes += Diffing.changes(old.services, services).map(DatasetChange.service)
        changes += Diffing.changes(old.sources, sources).map(DatasetChange.source)
        changes += Diffing.changes(old.fees, fees).map(DatasetChange.fee)
        changes += Diffing.changes(old.rules, rules).map(DatasetChange.rule)
        changes += Diffing.changes(old.parameters, parameters).map(DatasetChange.parameter)
        changes += Diffing.changes(old.populations, populations).map(DatasetChange.population)
        changes += Diffing.changes(old.volumes, volumes).map(DatasetChange.volume)
        changes += Diffing.changes(old.coverages, coverages).map(DatasetChange.coverage)
        changes += Diffing.changes(old.budgets, budgets).map(DatasetChange.budget)
        changes += Diffing.changes(old.subsidies, subsidies).map(DatasetChange.subsidy)
        changes += Diffing.changes(old.missing, missing).map(DatasetChange.missing)
        changes += Diffing.changes(old.households, households).map(DatasetChange.household)
        return ChangeSet(changes)
    }

    /// This dataset with the changes applied; throws when a change does not fit (a removed or
    /// changed element is not at the offset it names, or an offset is out of range).
    public func applying(_ set: ChangeSet) throws(ChangeSetConflict) -> Dataset {
        var result = self
        var m: [Change<Municipality>] = [], a: [Change<Area>] = [], s: [Change<Service>] = [], so: [Change<Source>] = []
        var f: [Change<Fee>] = [], r: [Change<Rule>] = [], p: [Change<Parameter>] = [], po: [Change<Population>] = []
        var v: [Change<Volume>] = [], c: [Change<Coverage>] = [], b: [Change<Budget>] = [], su: [Change<Subsidy>] = []
        var mi: [Change<MissingValue>] = [], h: [Change<Household>] = []
        for change in set.changes {
            switch change {
            case .municipality(let x): m.append(x)
            case .area(let x): a.append(x)
            case .service(let x): s.append(x)
            case .source(let x): so.append(x)
            case .fee(let x): f.append(x)
            case .rule(let x): r.append(x)
            case .parameter(let x): p.append(x)
            case .population(let x): po.append(x)
            case .volume(let x): v.append(x)
            case .coverage(let x): c.append(x)
            case .budget(let x): b.append(x)
            case .subsidy(let x): su.append(x)
            case .missing(let x): mi.append(x)
            case .household(let x): h.append(x)
            }
        }
        result.municipalities = try Diffing.apply(m, to: municipalities, "municipalities")
        result.areas = try Diffing.apply(a, to: areas, "areas")
        result.services = try Diffing.apply(s, to: services, "services")
        result.sources = try Diffing.apply(so, to: sources, "sources")
        result.fees = try Diffing.apply(f, to: fees, "fees")
        result.rules = try Diffing.apply(r, to: rules, "rules")
        result.parameters = try Diffing.apply(p, to: parameters, "parameters")
        result.populations = try Diffing.apply(po, to: populations, "populations")
        result.volumes = try Diffing.apply(v, to: volumes, "volumes")
        result.coverages = try Diffing.apply(c, to: coverages, "coverages")
        result.budgets = try Diffing.apply(b, to: budgets, "budgets")
        result.subsidies = try Diffing.apply(su, to: subsidies, "subsidies")
        result.missing = try Diffing.apply(mi, to: missing, "missing")
        result.households = try Diffing.apply(h, to: households, "households")
        return result
    }
}

/// Keyed diffing of one ordered collection.
enum Diffing {
    /// Removals (old offset order), changes and additions (new offset order) from `old` to `new`.
    static func changes<E: ChangeTracked>(_ old: [E], _ new: [E]) -> [Change<E>] {
        if old == new { return [] }
        let difference = new.map(\.changeKey).difference(from: old.map(\.changeKey))
        var removed: [Int] = []
        var inserted: [Int] = []
        for step in difference {
            switch step {
            case .remove(let offset, _, _): removed.append(offset)
            case .insert(let offset, _, _): inserted.append(offset)
            }
        }
        removed.sort()
        inserted.sort()
        let removedSet = Set(removed)
        let insertedSet = Set(inserted)
        let keptOld = old.indices.filter { !removedSet.contains($0) }
        let keptNew = new.indices.filter { !insertedSet.contains($0) }
        var result = removed.map { Change<E>.removed(old[$0], at: $0) }
        for (o, n) in zip(keptOld, keptNew) where old[o] != new[n] {
            result.append(.changed(old: old[o], new: new[n], at: n))
        }
        result += inserted.map { Change<E>.added(new[$0], at: $0) }
        return result
    }

    /// Applies changes in the order removals (highest offset first), additions (lowest first),
    /// changes; each removal and change checks the element it names.
    static func apply<E: ChangeTracked>(_ changes: [Change<E>], to old: [E], _ collection: String) throws(ChangeSetConflict) -> [E] {
        var result = old
        var removals: [(E, Int)] = []
        var additions: [(E, Int)] = []
        var updates: [(E, E, Int)] = []
        for change in changes {
            switch change {
            case .removed(let e, let at): removals.append((e, at))
            case .added(let e, let at): additions.append((e, at))
            case .changed(let before, let after, let at): updates.append((before, after, at))
            }
        }
        for (element, at) in removals.sorted(by: { $0.1 > $1.1 }) {
            guard at >= 0, at < result.count, result[at] == element else {
                throw ChangeSetConflict(collection: collection, key: element.changeKey, offset: at)
            }
            result.remove(at: at)
        }
        for (element, at) in additions.sorted(by: { $0.1 < $1.1 }) {
            guard at >= 0, at <= result.count else { throw ChangeSetConflict(collection: collection, key: element.changeKey, offset: at) }
            result.insert(element, at: at)
        }
        for (before, after, at) in updates {
            guard at >= 0, at < result.count, result[at] == before else {
                throw ChangeSetConflict(collection: collection, key: before.changeKey, offset: at)
            }
            result[at] = after
        }
        return result
    }
}
