import Foundation

/// `save "<file>" [overwrite]` (Norwegian `lagre … overskriv`): writes the session's scenario as a
/// canonical scenario file (``ScenarioWriter``), under the same ``WritePolicy`` as `export`.
extension ScenarioStatements {
    static let save = StatementSpec(
        words: ["save"], usage: "save \"<fil>.harmoni\" [overwrite]",
        summary: (
            "Lagrer scenariets vedtak som en kanonisk scenariofil (som «harmoni run» kan kjøre).",
            "Saves the scenario's decisions as a canonical scenario file (that «harmoni run» can run)."
        ),
        example: "save \"ut/mitt-scenario.harmoni\"",
        action: { command, state, context throws(Diagnostic) in
            var words = WordReader(command, context)
            let path = try words.string()
            var overwrite = false
            if !words.atEnd {
                _ = try words.expectKeyword("overwrite", "overskriv")
                overwrite = true
            }
            try words.expectEnd()
            guard path.text.hasSuffix(".harmoni") else {
                throw context.error(
                    "en scenariofil skal slutte på .harmoni, f.eks. save \"ut/scenario.harmoni\"",
                    "a scenario file ends in .harmoni, e.g. save \"out/scenario.harmoni\"", path.range,
                    code: "save-path")
            }
            let text = ScenarioWriter.text(
                state: state, language: state.language, header: header(path.text, context))
            try StatementWriter.write(
                text, to: path.text, overwrite: overwrite, range: path.range, code: "save", state: &state,
                context: context)
            let count = state.scenario.decisions.count
            return [
                .text(
                    state.language == .nb
                        ? "Lagret scenariet (\(count) vedtak) i «\(path.text)»."
                        : "Saved the scenario (\(count) decision\(count == 1 ? "" : "s")) to «\(path.text)».")
            ]
        })

    /// The header of a file saved with `save`: dataset paths relative to the file's folder.
    static func header(_ path: String, _ context: StatementContext) -> ScenarioWriter.Header {
        let absolute = path.hasPrefix("/") ? path : (context.workingDirectory as NSString).appendingPathComponent(path)
        let folder = URL(fileURLWithPath: absolute).standardizedFileURL.deletingLastPathComponent().path
        return ScenarioWriter.Header(
            origin: ("lagret med «lagre»", "saved with «save»"), folder: folder,
            workingDirectory: context.workingDirectory)
    }
}
