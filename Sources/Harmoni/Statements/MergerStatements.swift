import Foundation
import HarmoniModel

/// The statements of a merger's data round trip: `show datarequest` (and so `export datarequest
/// to "fil.csv"`), `baseline import "fil.csv"` and `new merger <nr>`.
enum MergerStatements {
    static var all: [StatementSpec] { [showDataRequest, newMerger] }

    static let showDataRequest = StatementSpec(
        words: ["show", "datarequest"], usage: "show datarequest",
        summary: (
            "Viser dataforespørselen: hvert anslag og hvert manglende tall per kommune, til utfylling (export datarequest to \"fil.xlsx\" eller \"fil.csv\").",
            "Shows the data request: every estimate and every missing figure per municipality, to be filled in (export datarequest to \"file.xlsx\" or \"file.csv\")."
        ),
        example: "export datarequest to \"ut/dataforesporsel.xlsx\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            try words.expectEnd()
            let request = DataRequest(state.dataset, year: state.baselineYear, scenario: state.scenario)
            return request.tables(state.dataset, year: state.baselineYear, language: state.language == .nb ? .nb : .en).map { .table($0) }
        })

    static let newMerger = StatementSpec(
        words: ["new", "merger"], usage: "new merger <kommunenummer 2020 | \"navn\"> [to \"<mappe>\"] [overwrite]",
        summary: (
            "Lager et datasett (stillas) for en av de 44 sammenslåingene i 2020; lokale tall står som «mangler».",
            "Scaffolds a dataset for one of the 44 mergers of 2020; local figures are «missing»."
        ),
        example: "new merger 4204 to \"ut/nye-kristiansand\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context, skipping: 1)
            let queryRange = words.here
            let query: String
            if case .expression(let e)? = words.peek, case .number(let n, nil, _) = e.kind, let whole = n.wholeValue {
                _ = try words.expression()
                query = String(whole).count < 4 ? String(repeating: "0", count: 4 - String(whole).count) + String(whole) : String(whole)
            } else if case .expression(let e)? = words.peek, case .string(let text) = e.kind {
                _ = try words.expression()
                query = text
            } else if let name = words.peekName {
                _ = words.keyword(name)
                query = name
            } else {
                throw context.error(
                    "hvilken sammenslåing? f.eks. «new merger 4204»", "which merger? e.g. «new merger 4204»", queryRange, code: "new-merger")
            }
            var folder: String?
            var folderRange = queryRange
            var overwrite = false
            while !words.atEnd {
                switch try words.expectKeyword("to", "til", "overwrite", "overskriv") {
                case "to", "til":
                    folderRange = words.here
                    folder = try words.string().text
                default: overwrite = true
                }
            }
            guard let datasets = state.datasetPaths.first ?? FileAccess.defaultDatasetFolder() else {
                throw context.error("fant ikke datasettene", "could not find the datasets", queryRange, code: "new-merger")
            }
            let scaffold: MergerScaffold
            switch MergerScaffold.make(query, datasetsFolder: datasets) {
            case .failure(let failure): throw context.error(failure.nb, failure.en, queryRange, code: "new-merger")
            case .success(let made): scaffold = made
            }
            let target = folder ?? scaffold.suggestedFolder
            let resolved = (target as NSString).isAbsolutePath ? target : (context.workingDirectory as NSString).appendingPathComponent(target)
            if FileManager.default.fileExists(atPath: resolved), !(overwrite || context.force) {
                throw context.error(
                    "«\(target)» finnes allerede; legg til «overwrite» for å skrive over stillasets filer",
                    "«\(target)» already exists; add «overwrite» to overwrite the scaffold's files", folderRange, code: "new-merger")
            }
            for file in scaffold.files {
                try StatementWriter.write(
                    file.text, to: (target as NSString).appendingPathComponent(file.name), overwrite: overwrite, range: folderRange,
                    code: "new-merger", state: &state, context: context)
            }
            return [.text(scaffold.summary(folder: target, context.language))]
        })
}
