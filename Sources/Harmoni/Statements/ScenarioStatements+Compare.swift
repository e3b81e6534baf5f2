import Foundation
import HarmoniSimulate

/// `compare "<a>" "<b>" [by service | by area | by municipality] [nominal | fixed]` (Norwegian
/// `sammenlign`): runs two scenario files, each in a fresh session on the current dataset, and
/// shows the decisions only one of them makes and the impacts that differ (``ScenarioComparison``).
extension ScenarioStatements {
    static let compare = StatementSpec(
        words: ["compare"], usage: "compare \"<a>.harmoni\" \"<b>.harmoni\" [by service|area|municipality] [nominal]",
        summary: (
            "Kjører to scenariofiler og viser vedtakene og virkningene som skiller dem.",
            "Runs two scenario files and shows the decisions and impacts that differ."
        ),
        example: "compare \"scenarios/laveste-nivaa.harmoni\" \"scenarios/budsjettnoytral.harmoni\"",
        action: { command, state, context throws(Diagnostic) in
            var reader = WordReader(command, context)
            let first = try reader.string()
            let second = try reader.string()
            var words = SimulateWords(command, context, skipping: 2)
            var grouping = ImpactGrouping.service
            var prices: PriceBasis?
            while !words.atEnd {
                if words.keyword("by") != nil {
                    guard let name = words.keyword("service", "area", "municipality"),
                        let chosen = ImpactGrouping(rawValue: name)
                    else {
                        throw context.error(
                            .expected(
                                "«service», «area» eller «municipality»", "«service», «area» or «municipality»",
                                found: words.found), words.here)
                    }
                    grouping = chosen
                } else if let basis = words.keyword("nominal", "fixed") {
                    prices = PriceBasis(rawValue: basis)
                } else {
                    throw context.error(
                        .expected("«by» eller «nominal»", "«by» or «nominal»", found: words.found), words.here)
                }
            }
            let a = try run(first, &state, context)
            let b = try run(second, &state, context)
            var comparison = ScenarioComparison(
                a: .init(name: first.text, state: a.state, ledger: try ledger(a.state, prices, first.range, context)),
                b: .init(name: second.text, state: b.state, ledger: try ledger(b.state, prices, second.range, context)),
                workingDirectory: context.workingDirectory)
            comparison.skippedWrites = a.skippedWrites + b.skippedWrites
            let language: DisplayLanguageTag = state.language == .nb ? .nb : .en
            return [
                .table(comparison.decisionTable(dataset: state.dataset, language: language)),
                .table(comparison.impactTable(grouping: grouping, dataset: state.dataset, language: language)),
            ]
        })

    /// Runs a scenario file in a fresh session on `state`'s dataset. Its writes are never made;
    /// its first error stops the comparison (the file is kept for the error's excerpt).
    static func run(
        _ path: (text: String, range: SourceRange), _ state: inout SessionState, _ context: StatementContext
    )
        throws(Diagnostic) -> (state: SessionState, skippedWrites: Int)
    {
        let (file, unit, includeStack) = try readScenarioFile(
            path, &state, context, selfNb: "sammenligner seg selv", selfEn: "compares itself", code: "compare-unreadable")
        var fresh = SessionState(dataset: state.dataset, datasetPaths: state.datasetPaths)
        fresh.language = state.language
        var inner = context
        inner.file = file
        inner.includeStack = includeStack
        inner.stagesWrites = true
        var firstError: Diagnostic?
        for statement in unit.statements {
            do throws(Diagnostic) {
                _ = try Interpreter.execute(statement, &fresh, inner)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        state.sourceFiles.merge(fresh.sourceFiles) { old, _ in old }
        if let firstError { throw firstError }
        return (fresh, fresh.pendingWrites.count)
    }

    /// The ledger of a compared scenario; a problem that stops the simulator is an error at its name.
    private static func ledger(
        _ state: SessionState, _ prices: PriceBasis?, _ range: SourceRange, _ context: StatementContext
    )
        throws(Diagnostic) -> Ledger
    {
        let ledger = Simulator.run(
            baseline: state.baseline, scenario: state.scenario, prices: prices ?? state.scenario.prices)
        if ledger.index == nil, let problem = ledger.problems.first {
            throw context.error(problem.nb, problem.en, range, code: problem.code)
        }
        return ledger
    }
}
