import HarmoniSimulate

/// «Mente du …?» for the words of decisions: the level after `to`, the target, a municipality.
enum DecisionSuggestions {
    /// The named levels a decision may harmonise to (besides a municipality or an amount).
    static let rules = ["lowest", "highest", "mean", "weighted"]

    /// A bare name after `to` that is neither a level rule, a municipality nor a `let` name: says
    /// what was expected, with the closest word (`til askr` → «ukjent kommune «askr»; mente du asker?»).
    static func unknownLevel(
        _ name: String, _ dataset: Dataset, _ range: SourceRange, _ context: StatementContext
    ) -> Diagnostic {
        let municipalities = dataset.mergingMunicipalities.map(\.rawValue)
        let ruleSpellings = rules + rules.flatMap { Vocabulary.spellings(of: $0, in: Vocabulary.keywordWords) }
        let suggestion = Suggestion.closest(to: name, in: municipalities + ruleSpellings)
        if let suggestion, municipalities.contains(suggestion) {
            return context.error(
                "ukjent kommune «\(name)»; mente du \(suggestion)?", "unknown municipality «\(name)»; did you mean \(suggestion)?",
                range, code: "unknown-level")
        }
        if let suggestion {
            return context.error(
                "ukjent nivå «\(name)»; mente du \(suggestion)?", "unknown level «\(name)»; did you mean \(suggestion)?", range,
                code: "unknown-level")
        }
        let choices = (rules + municipalities).joined(separator: ", ")
        return context.error(
            "ukjent kommune eller nivå «\(name)»; velg \(choices) eller et beløp (f.eks. 2 990 kr/mnd)",
            "unknown municipality or level «\(name)»; choose \(choices) or an amount (e.g. 2 990 kr/mnd)", range,
            code: "unknown-level")
    }

    /// A municipality that is not one of the merging ones (`coverage … in askr`).
    static func unknownMunicipality(
        _ name: String?, _ range: SourceRange, _ dataset: Dataset, _ context: StatementContext
    ) -> Diagnostic {
        let known = dataset.mergingMunicipalities.map(\.rawValue)
        let hint = Suggestion.phrase(for: name ?? "", in: known)
        let shown = name.map { "ukjent kommune «\($0)»\(hint.nb); " } ?? ""
        let shownEn = name.map { "unknown municipality «\($0)»\(hint.en); " } ?? ""
        return context.error(
            shown + "forventet " + list(known, "eller"), shownEn + "expected " + list(known, "or"), range,
            code: "unknown-municipality")
    }

    /// `a, b eller c` (`or` in English).
    private static func list(_ names: [String], _ last: String) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " \(last) " + names[names.count - 1]
    }

    /// «mente du …?» for a decision target that names nothing: the closest service, area, fee line
    /// or rule (with the municipality prefix kept).
    static func targetHint(_ path: Path, _ dataset: Dataset, _ catalog: Catalog) -> (nb: String, en: String) {
        var names = path.parts.map(\.name)
        var prefix = ""
        if names.count >= 2, dataset.mergingMunicipalities.contains(MunicipalityID(names[0])) {
            prefix = names.removeFirst() + "."
        }
        var candidates: [String] = dataset.areas.flatMap { catalog.groups(inArea: $0.id) } + dataset.areas.map(\.id.rawValue)
        if names.count == 2 {
            candidates = catalog.keys(inGroup: names[0]).map { "\(names[0]).\($0.line)" }
                + dataset.rules.filter { $0.service.rawValue == names[0] }.map { "\(names[0]).\($0.rule)" }
            if candidates.isEmpty {
                let groups = dataset.areas.flatMap { catalog.groups(inArea: $0.id) }
                if let group = Suggestion.closest(to: names[0], in: groups) {
                    return Suggestion.phrase(prefix + ([group] + names.dropFirst()).joined(separator: ".") + (path.wildcard ? ".*" : ""))
                }
            }
        }
        let typed = names.joined(separator: ".")
        guard let found = Suggestion.closest(to: typed, in: candidates) else { return ("", "") }
        return Suggestion.phrase(prefix + found + (path.wildcard ? ".*" : ""))
    }
}
