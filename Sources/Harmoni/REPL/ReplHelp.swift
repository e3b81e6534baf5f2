/// The REPL's `help`: every statement of ``StatementRegistry/all`` and every session command,
/// each with a one-line summary; `help <statement>` adds the usage and an example.
enum ReplHelp {
    /// An entry of the help: a statement or a session command.
    struct Entry {
        var usage: String
        var summary: (nb: String, en: String)
        var example: String
        var aliases: [String]
    }

    /// `let` is built into the language rather than registered.
    static let letEntry = Entry(
        usage: "let <navn> = <uttrykk>", summary: ("Gir en verdi et navn.", "Gives a value a name."),
        example: "let pris = asker.sfo.plass_5d", aliases: [])

    static func entry(_ spec: StatementSpec) -> Entry {
        Entry(usage: spec.usage, summary: spec.summary, example: spec.example, aliases: spec.aliases)
    }

    static func entry(_ command: DotCommand) -> Entry {
        Entry(usage: command.usage, summary: command.summary, example: command.example, aliases: command.aliases.map { "." + $0 })
    }

    /// The overview: statements, session commands, keys.
    static func overview(_ language: DisplayLanguage, specs: [StatementSpec] = StatementRegistry.all) -> String {
        let nb = language == .nb
        let statements = specs.map(entry) + [letEntry]
        let commands = DotCommand.all.map(entry)
        let width = min(40, (statements + commands).map(\.usage.count).max() ?? 0)
        func line(_ entry: Entry) -> String {
            let summary = nb ? entry.summary.nb : entry.summary.en
            let padded = entry.usage.padding(toLength: max(width, entry.usage.count), withPad: " ", startingAt: 0)
            if entry.usage.count > width { return "  \(entry.usage)\n  \(String(repeating: " ", count: width))  \(summary)\n" }
            return "  \(padded)  \(summary)\n"
        }
        var out = nb ? "Setninger (skriv «help <setning>» for et eksempel):\n" : "Statements (type «help <statement>» for an example):\n"
        out += statements.map(line).joined()
        out += nb ? "\nØktkommandoer:\n" : "\nSession commands:\n"
        out += commands.map(line).joined()
        out +=
            nb
            ? "\nTab fullfører, ↑/↓ blar i historikken, Ctrl-C avbryter linjen, Ctrl-D avslutter.\nEn setning som ikke er ferdig (f.eks. en åpen parentes) fortsetter på neste linje.\n"
            : "\nTab completes, ↑/↓ browse the history, Ctrl-C cancels the line, Ctrl-D leaves.\nAn unfinished statement (e.g. an open parenthesis) continues on the next line.\n"
        return out
    }

    /// Help on one statement (`print`, `show diff`, `show` for every `show …`) or session
    /// command (`.save`, `save` when no statement is called that); `nil` if there is none.
    static func topic(_ words: [String], _ language: DisplayLanguage, specs: [StatementSpec] = StatementRegistry.all) -> String? {
        guard let first = words.first else { return overview(language, specs: specs) }
        var entries: [Entry] = []
        if first.hasPrefix(".") {
            entries = DotCommand.find(String(first.dropFirst())).map { [entry($0)] } ?? []
        } else if first == "let" {
            entries = [letEntry]
        } else {
            let head = StatementRegistry.canonical(first)
            var matching = specs.filter { $0.words.first == head }
            if words.count > 1 {
                let narrowed = matching.filter { $0.words.count > 1 && $0.words[1] == words[1] }
                if !narrowed.isEmpty { matching = narrowed }
            }
            entries = matching.map(entry)
            if entries.isEmpty, let command = DotCommand.find(first) { entries = [entry(command)] }
        }
        guard !entries.isEmpty else { return nil }
        return entries.map { describe($0, language) }.joined(separator: "\n")
    }

    static func describe(_ entry: Entry, _ language: DisplayLanguage) -> String {
        let nb = language == .nb
        var out = "\(entry.usage)\n  \(nb ? entry.summary.nb : entry.summary.en)\n"
        if !entry.aliases.isEmpty { out += (nb ? "  Også: " : "  Also: ") + entry.aliases.joined(separator: ", ") + "\n" }
        out += (nb ? "  Eksempel: " : "  Example: ") + entry.example + "\n"
        return out
    }
}

extension ReplLoop {
    /// `help`, `help <statement>`, `.help [topic]`.
    func showHelp(_ topic: [String]) {
        if let help = ReplHelp.topic(topic, language) { return output.write(help) }
        fail(
            text(
                "ingen hjelp om «\(topic.joined(separator: " "))»; skriv «help» for alt som finnes",
                "no help on «\(topic.joined(separator: " "))»; type «help» for everything there is"))
    }
}
