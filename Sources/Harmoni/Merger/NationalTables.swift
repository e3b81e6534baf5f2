import Foundation
import HarmoniLanguage
import HarmoniModel

/// The national tables of `datasets/norge/`: every municipality's population on 1.1.2019 and
/// 1.1.2020 and the 2020 reform (which old municipalities make up each new one).
///
/// Ids are `k2019_0220` (Asker of 1.1.2019) and `k2020_3025` (Asker of 1.1.2020); a reform row
/// is a ``MergerPart``. The folder is not part of the default dataset load; `harmoni new merger`
/// loads it.
public struct NationalTables: Sendable {
    /// The loaded tables (municipalities, populations and merger parts only).
    public var dataset: Dataset

    /// The id of a municipality code in the structure of `year`: `k2019_0220`; a region code that
    /// is not a number (`21-22`, `Rest`) becomes `k2020_21_22`, `k2020_rest`.
    public static func codeID(year: Int, code: String) -> MunicipalityID {
        let cleaned = String(code.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return MunicipalityID("k\(year)_\(cleaned)")
    }

    /// The folder of the national tables inside a datasets folder.
    public static func folder(in datasetsFolder: String) -> String {
        (datasetsFolder as NSString).appendingPathComponent("norge")
    }

    /// Loads `norge/` from a datasets folder: the tables, or `nil` and the load (with its
    /// diagnostics) when the folder is missing or does not load cleanly.
    public static func load(datasetsFolder: String) -> (tables: NationalTables?, loaded: LoadedDataset) {
        let loaded = DatasetLoader.load(paths: [folder(in: datasetsFolder)])
        if loaded.hasErrors || loaded.dataset.mergers.isEmpty { return (nil, loaded) }
        return (NationalTables(dataset: loaded.dataset), loaded)
    }

    /// A new municipality of 2020 and the old municipalities it was made of.
    public struct Merger: Sendable, Hashable {
        /// The municipality of 1.1.2020.
        public var new: Municipality
        /// Its parts, in reform-table (kommunenummer) order.
        public var parts: [MergerPart]
    }

    /// Every new municipality made of more than one old one (the 44 mergers of 2020), by number.
    public var mergers: [Merger] {
        var order: [MunicipalityID] = []
        var parts: [MunicipalityID: [MergerPart]] = [:]
        for part in dataset.mergers {
            if parts[part.into] == nil { order.append(part.into) }
            parts[part.into, default: []].append(part)
        }
        return order.compactMap { id in
            guard let list = parts[id], list.count > 1, let new = dataset.municipality(id) else { return nil }
            return Merger(new: new, parts: list)
        }.sorted { $0.new.number < $1.new.number }
    }

    /// Why a kommunenummer or name does not give a merger.
    public enum LookupError: Error, Sendable, Equatable {
        /// No municipality of 1.1.2020 has this number or name.
        case unknown(String)
        /// The municipality exists but was not merged (it is the same municipality under a new number).
        case notMerged(number: String, name: String, from: String)
        /// A number of 1.1.2019: the municipality it became.
        case oldNumber(number: String, name: String, intoNumber: String, intoName: String)
        /// Several municipalities of 2020 have this name.
        case ambiguous(String, [String])

        /// The message in Norwegian or English.
        public func text(_ language: DisplayLanguage) -> String {
            let nb = language == .nb
            switch self {
            case .unknown(let query):
                return nb
                    ? "ukjent kommune «\(query)»: oppgi kommunenummeret fra 2020 (f.eks. 4204) eller navnet"
                    : "unknown municipality «\(query)»: give the municipality number of 2020 (e.g. 4204) or the name"
            case .notMerged(let number, let name, let from):
                return nb
                    ? "\(number) \(name) ble ikke slått sammen i 2020 (den er kommune \(from) fra 2019 med nytt nummer); velg en av de 44 sammenslåingene"
                    : "\(number) \(name) was not merged in 2020 (it is municipality \(from) of 2019 with a new number); choose one of the 44 mergers"
            case .oldNumber(let number, let name, let intoNumber, let intoName):
                return nb
                    ? "\(number) er \(name) sitt nummer fra 2019; den ble del av \(intoNumber) \(intoName) — oppgi det nye nummeret"
                    : "\(number) is \(name)'s number of 2019; it became part of \(intoNumber) \(intoName) — give the new number"
            case .ambiguous(let query, let numbers):
                return nb
                    ? "flere kommuner heter «\(query)» i 2020 (\(numbers.joined(separator: ", "))); oppgi kommunenummeret"
                    : "several municipalities are named «\(query)» in 2020 (\(numbers.joined(separator: ", "))); give the number"
            }
        }
    }

    /// The merger a kommunenummer of 2020 (`4204`) or a name (`Kristiansand`, `nye Kristiansand`) names.
    public func merger(_ query: String) -> Result<Merger, LookupError> {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        var name = trimmed.lowercased()
        if name.hasPrefix("nye ") { name = String(name.dropFirst(4)) }
        let all2020 = dataset.municipalities.filter { $0.id.rawValue.hasPrefix("k2020_") }
        let matches: [Municipality]
        if trimmed.count == 4, trimmed.allSatisfy(\.isNumber) {
            matches = all2020.filter { $0.number == trimmed }
            if matches.isEmpty, let old = dataset.municipality(Self.codeID(year: 2019, code: trimmed)),
                let part = dataset.mergers.first(where: { $0.from == old.id }), let into = dataset.municipality(part.into)
            {
                return .failure(.oldNumber(number: trimmed, name: old.name, intoNumber: into.number, intoName: into.name))
            }
        } else {
            matches = all2020.filter { $0.name.lowercased() == name }
        }
        guard let first = matches.first else { return .failure(.unknown(trimmed)) }
        guard matches.count == 1 else { return .failure(.ambiguous(trimmed, matches.map(\.number))) }
        if let merger = mergers.first(where: { $0.new.id == first.id }) { return .success(merger) }
        let from = dataset.mergers.first { $0.into == first.id }.flatMap { dataset.municipality($0.from)?.number } ?? "?"
        return .failure(.notMerged(number: first.number, name: first.name, from: from))
    }

    /// The population of a municipality (an id of ``codeID(year:code:)``) on 1 January of its year.
    public func population(_ id: MunicipalityID) -> Population? { dataset.populations.first { $0.municipality == id } }
}
