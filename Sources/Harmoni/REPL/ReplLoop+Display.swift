import Foundation

/// How results look at the prompt: a table with its footnotes and one line pointing to `.notes`
/// (the full notes and sources on request, or always with `.verbose on`), and the pager for
/// tables wider than the terminal.
extension ReplLoop {
    /// The line that replaces a table's notes and sources at the prompt.
    var notesHint: String { text("merknader og kilder: .notes", "notes and sources: .notes") }

    /// True when tables are shown in the short form: at the prompt on a terminal, `.verbose off`,
    /// in table mode. Piped input, `harmoni run` and every export keep the full notes.
    var showsBriefTables: Bool { interactive && !verbose }

    /// A table as shown at the prompt: without its notes and sources (kept for `.notes`), with a
    /// line saying where they are. Footnotes stay: cells refer to them.
    func brief(_ table: Table) -> Table {
        var copy = table
        copy.notes = []
        copy.sources = []
        return copy
    }

    /// The full notes and sources of `tables`, each under its title; empty if none has any.
    func notesText(_ tables: [Table]) -> String {
        var out = ""
        for table in tables where !table.notes.isEmpty || !table.sources.isEmpty {
            if !out.isEmpty { out += "\n" }
            if !table.title.isEmpty { out += table.title + "\n" }
            for note in table.notes { out += note + "\n" }
            if !table.sources.isEmpty {
                out += text("Kilder:", "Sources:") + "\n"
                for source in table.sources { out += "  - \(source.title)" + (source.url.map { " <\($0)>" } ?? "") + "\n" }
            }
        }
        return TerminalText.sanitize(out)
    }

    /// `.notes` and `show notes`: the notes and sources of the tables last shown.
    func showNotes() {
        let shown = notesText(lastTables)
        if shown.isEmpty {
            output.write(text("Ingen merknader: ingen tabell med merknader er vist ennå.\n", "No notes: no table with notes has been shown yet.\n"))
        } else {
            emit(shown)
        }
    }

    /// Writes results to the screen, through the pager when they are wider than the terminal
    /// (only at the prompt, never while a file is loaded, never into an `.output` file).
    func emitPaged(_ results: String) {
        if outputFile == nil, interactive, !loading, pager.wants(results), pager.run(pager.command, results) { return }
        emit(results)
    }

    /// `.verbose [on|off]` and `.pager [on|off]`: a switch, confirmed.
    func setSwitch(_ name: String, _ argument: String?, _ value: inout Bool, nb: String, en: String) {
        switch argument {
        case nil: break
        case "on", "på": value = true
        case "off", "av": value = false
        case let other?:
            return fail(text("«.\(name)» tar on eller off, ikke «\(other)»", "«.\(name)» takes on or off, not «\(other)»"))
        }
        output.write(text("\(nb): \(value ? "på" : "av")\n", "\(en): \(value ? "on" : "off")\n"))
    }
}
