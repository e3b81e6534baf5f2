/// Statements about the session itself: `print` (evaluate and show an expression).
enum CoreStatements {
    static var all: [StatementSpec] {
        [
            StatementSpec(
                words: ["print"], usage: "print <uttrykk>",
                summary: ("Regner ut et uttrykk og viser svaret.", "Evaluates an expression and shows the result."),
                example: "print asker.sfo.plass_5d * 10",
                action: { command, state, context throws(Diagnostic) in
                    var words = WordReader(command, context)
                    let expression = try words.expression()
                    try words.expectEnd()
                    return [.text(try Evaluator(state, context).value(expression).description)]
                })
        ]
    }
}
