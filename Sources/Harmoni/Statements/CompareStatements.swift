/// The compare statements: `show services`, `show fees`, `show diff`, `show household`
/// (docs/LANGUAGE-compare.md). Each reads its words, asks the diff engine (HarmoniCompare) for a
/// pure result on the session's dataset, and returns tables.
enum CompareStatements {
    static var all: [StatementSpec] { [diff] }

    static let diff = StatementSpec(
        words: ["show", "diff"], aliases: ["vis"],
        usage: "show diff <tjeneste|tjeneste.*|tjeneste.linje|område> [per year|per month|as published]",
        summary: (
            "Sammenligner gebyrene i Asker, Røyken og Hurum side om side, med strukturelle forskjeller.",
            "Compares the fees of Asker, Røyken and Hurum side by side, with structural differences."
        ),
        example: "show diff sfo per month",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let scope = try CompareWords.scope(&words, state.dataset)
            let basis = try CompareWords.basis(&words)
            try words.expectEnd()
            let language = CompareWords.tag(state.language)
            let dataset = state.dataset
            let comparison = dataset.compare(scope, basis: basis, year: state.baselineYear)
            let findings = dataset.structuralFindings(in: scope, year: state.baselineYear)
            return [
                .table(comparison.table(dataset, language: language)),
                .table(StructuralFinding.table(findings, scope: scope, year: state.baselineYear, dataset, language: language)),
            ]
        })
}

/// Reading the words the compare statements share: a scope, a basis, a household.
enum CompareWords {
    /// The table language for the session language.
    static func tag(_ language: DisplayLanguage) -> DisplayLanguageTag { language == .nb ? .nb : .en }

    /// `sfo`, `sfo.*`, `sfo.plass_5d` or `oppvekst`; an unknown name is an error listing the known ones.
    static func scope(_ words: inout WordReader, _ dataset: Dataset) throws(Diagnostic) -> ComparisonScope {
        let path = try words.path()
        let context = words.context
        let names = path.parts.map(\.name)
        let serviceIDs = dataset.services.map(\.id)
        func unknown() -> Diagnostic {
            let services = serviceIDs.map(\.rawValue).joined(separator: ", ")
            let areas = dataset.areas.map(\.id.rawValue).joined(separator: ", ")
            return context.error(
                "ukjent tjeneste eller område «\(path.text)»; tjenester: \(services); områder: \(areas)",
                "unknown service or area «\(path.text)»; services: \(services); areas: \(areas)", path.range,
                code: "unknown-scope")
        }
        guard let first = names.first else { throw unknown() }
        let service = ServiceID(first)
        if path.wildcard || names.count == 1 {
            if serviceIDs.contains(service), names.count == 1 { return .service(service) }
            if !path.wildcard, dataset.area(AreaID(first)) != nil { return .area(AreaID(first)) }
            throw unknown()
        }
        guard names.count == 2, serviceIDs.contains(service) else { throw unknown() }
        let key = FeeKey(service, LineID(names[1]))
        let lines = dataset.lines(of: service)
        guard lines.contains(key) else {
            let known = lines.map(\.line.rawValue).joined(separator: ", ")
            throw context.error(
                "ukjent gebyrlinje «\(path.text)»; linjer i \(first): \(known)",
                "unknown fee line «\(path.text)»; lines in \(first): \(known)", path.range, code: "unknown-scope")
        }
        return .line(key)
    }

    /// `per year` / `per år`, `per month` / `per måned` / `per mnd`, `as published` / `som publisert`;
    /// per year when nothing follows.
    static func basis(_ words: inout WordReader) throws(Diagnostic) -> ComparisonBasis {
        guard !words.atEnd else { return .perYear }
        if words.keyword("per") != nil {
            switch try words.expectKeyword("year", "år", "month", "måned", "mnd") {
            case "year", "år": return .perYear
            default: return .perMonth
            }
        }
        if words.keyword("as") != nil {
            try words.expectKeyword("published")
            return .asPublished
        }
        if words.keyword("som") != nil {
            try words.expectKeyword("publisert")
            return .asPublished
        }
        try words.expectKeyword("per", "as", "som")
        return .perYear
    }
}
