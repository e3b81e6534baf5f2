import Foundation

/// A session command of the REPL, written with a leading dot like sqlite3's (`.save`).
///
/// Session commands act on the REPL session, not on the scenario's content, so they are not
/// part of the language: a scenario file cannot contain them (and cannot write files through them).
public struct DotCommand: Sendable {
    /// The name without the dot: `save`.
    public var name: String
    /// Other spellings: `lagre`.
    public var aliases: [String]
    /// One-line usage.
    public var usage: String
    /// One sentence in Norwegian and English.
    public var summary: (nb: String, en: String)
    /// An example.
    public var example: String
    /// Fixed argument words for completion (`.mode` → `table`, `csv`, …).
    public var argumentWords: [String] = []
    /// True if the argument is a file name (completed as one).
    public var takesFile = false

    /// All session commands, in the order `help` lists them.
    public static let all: [DotCommand] = [
        DotCommand(
            name: "help", aliases: ["hjelp"], usage: ".help [setning|.kommando]",
            summary: ("Viser hjelp: alle setninger og kommandoer, eller én med eksempel.", "Shows help: every statement and command, or one with an example."),
            example: ".help print"),
        DotCommand(
            name: "load", aliases: ["last"], usage: ".load \"FIL\"",
            summary: ("Kjører en scenariofil i økten (vedtakene legges til).", "Runs a scenario file in the session (its decisions are added)."),
            example: ".load \"scenarier/sfo-lavest.harmoni\"", takesFile: true),
        DotCommand(
            name: "save", aliases: ["lagre"], usage: ".save [--force] [\"FIL\"]",
            summary: ("Lagrer vedtakene som en scenariofil; erstatter aldri en fil uten --force eller et ja.", "Saves the decisions as a scenario file; never replaces a file without --force or a yes."),
            example: ".save \"scenarier/mitt.harmoni\"", takesFile: true),
        DotCommand(
            name: "reset", aliases: ["nullstill"], usage: ".reset",
            summary: ("Fjerner alle vedtak og «let»-navn.", "Removes every decision and «let» name."), example: ".reset"),
        DotCommand(
            name: "undo", aliases: ["angre"], usage: ".undo",
            summary: ("Angrer det siste vedtaket.", "Undoes the last decision."), example: ".undo"),
        DotCommand(
            name: "mode", aliases: ["modus"], usage: ".mode [table|csv|md|json]",
            summary: ("Viser eller velger hvordan tabeller skrives.", "Shows or sets how tables are written."), example: ".mode md",
            argumentWords: OutputMode.allCases.map(\.rawValue)),
        DotCommand(
            name: "output", aliases: ["utdata"], usage: ".output [--force] [FIL|stdout]",
            summary: ("Sender resultater til en fil (eller tilbake til skjermen med «stdout»).", "Sends results to a file (or back to the screen with «stdout»)."),
            example: ".output \"ut/sfo.txt\"", argumentWords: ["stdout"], takesFile: true),
        DotCommand(
            name: "timer", aliases: ["tid"], usage: ".timer [on|off]",
            summary: ("Viser hvor lang tid hver setning tar.", "Shows how long each statement takes."), example: ".timer on",
            argumentWords: ["on", "off"]),
        DotCommand(
            name: "notes", aliases: ["merknader"], usage: ".notes",
            summary: ("Viser alle merknader og kilder til den siste tabellen (også «vis merknader»).", "Shows every note and source of the last table (also «show notes»)."),
            example: ".notes"),
        DotCommand(
            name: "verbose", aliases: ["utfyllende"], usage: ".verbose [on|off]",
            summary: ("Viser merknader og kilder under hver tabell (av: én linje «.notes»).", "Shows notes and sources under every table (off: one line «.notes»)."),
            example: ".verbose on", argumentWords: ["on", "off"]),
        DotCommand(
            name: "pager", aliases: ["sidevis"], usage: ".pager [on|off]",
            summary: ("Viser tabeller bredere enn terminalen i $PAGER (standard «less -S»).", "Shows tables wider than the terminal in $PAGER (default «less -S»)."),
            example: ".pager off", argumentWords: ["on", "off"]),
        DotCommand(
            name: "quit", aliases: ["exit", "avslutt"], usage: ".quit",
            summary: ("Avslutter (tilbyr å lagre ulagrede vedtak). Også «quit» og Ctrl-D.", "Leaves (offers to save unsaved decisions). Also «quit» and Ctrl-D."),
            example: ".quit"),
    ]

    /// The command named `name` (without the dot), by name or alias.
    public static func find(_ name: String) -> DotCommand? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Splits a command line into words; `"…"` keeps spaces and is removed.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var hasWord = false
        for character in line {
            if character == "\"" {
                quoted.toggle()
                hasWord = true
            } else if character.isWhitespace, !quoted {
                if hasWord { words.append(current) }
                current = ""
                hasWord = false
            } else {
                current.append(character)
                hasWord = true
            }
        }
        if hasWord { words.append(current) }
        return words
    }
}

/// Running session commands.
extension ReplLoop {
    /// Runs a line that starts with `.`.
    func runDotCommand(_ line: String) {
        var words = DotCommand.words(line)
        let name = String((words.first ?? ".").dropFirst())
        words.removeFirst()
        guard let command = DotCommand.find(name) else {
            let known = DotCommand.all.map { "." + $0.name }.joined(separator: " ")
            let spellings = DotCommand.all.flatMap { [$0.name] + $0.aliases }.map { "." + $0 }
            let hint = Suggestion.phrase(for: "." + name, in: spellings)
            fail(text("ukjent kommando «.\(name)»\(hint.nb); kjente: \(known)", "unknown command «.\(name)»\(hint.en); known: \(known)"))
            return
        }
        let force = words.contains("--force")
        let arguments = words.filter { $0 != "--force" }
        let maximum = command.usage == "." + command.name ? 0 : 1
        guard arguments.count <= maximum, !force || ["save", "output"].contains(command.name) else {
            fail(text("bruk: \(command.usage)", "usage: \(command.usage)"))
            return
        }
        let argument = arguments.first
        switch command.name {
        case "help": showHelp(argument.map { [$0] } ?? [])
        case "load":
            guard let argument else { return fail(text("bruk: \(command.usage)", "usage: \(command.usage)")) }
            load(argument)
        case "save": save(argument, force: force)
        case "reset": reset()
        case "undo": undo()
        case "mode": setMode(argument)
        case "output": setOutput(argument, force: force)
        case "timer": setSwitch("timer", argument, &timer, nb: "Tidtaking", en: "Timer")
        case "notes": showNotes()
        case "verbose": setSwitch("verbose", argument, &verbose, nb: "Merknader og kilder under tabellene", en: "Notes and sources under the tables")
        case "pager": setSwitch("pager", argument, &pager.enabled, nb: "Sidevisning av brede tabeller", en: "Paging of wide tables")
        default: if offerToSave() { quitRequested = true }
        }
    }

    private func setMode(_ argument: String?) {
        guard let argument else { return output.write(text("Modus: \(mode.rawValue)\n", "Mode: \(mode.rawValue)\n")) }
        guard let chosen = OutputMode(rawValue: argument) else {
            return fail(text("ukjent modus «\(argument)»; velg table, csv, md eller json", "unknown mode «\(argument)»; choose table, csv, md or json"))
        }
        mode = chosen
        output.write(text("Modus: \(chosen.rawValue)\n", "Mode: \(chosen.rawValue)\n"))
        if !tableRenderer.supportedModes.contains(chosen) {
            output.writeError(
                text(
                    "merk: \(chosen.rawValue) er ikke koblet til eksportene ennå; tabeller vises som tekst\n",
                    "note: \(chosen.rawValue) is not connected to the exporters yet; tables are shown as text\n"))
        }
    }

    private func setOutput(_ argument: String?, force: Bool) {
        guard let argument, argument != "stdout", argument != "-" else {
            if outputFile != nil { output.write(text("Resultater går nå til skjermen.\n", "Results now go to the screen.\n")) }
            outputFile = nil
            return
        }
        guard !argument.isEmpty else { return fail(text("bruk: .output [--force] [FIL|stdout]", "usage: .output [--force] [FILE|stdout]")) }
        let path = resolve(argument)
        guard mayWrite(path, shown: argument) else { return }
        if !force, FileManager.default.fileExists(atPath: path),
            !confirm(text("«\(argument)» finnes fra før. Erstatte den?", "«\(argument)» already exists. Replace it?"))
        {
            return fail(
                text(
                    "«\(argument)» finnes fra før; bruk «.output --force \"\(argument)\"» for å erstatte den",
                    "«\(argument)» already exists; use «.output --force \"\(argument)\"» to replace it"))
        }
        do throws(FileWriteError) {
            outputFile = try AppendFile(creating: path, overwrite: true)
            output.write(text("Resultater går nå til «\(argument)».\n", "Results now go to «\(argument)».\n"))
        } catch {
            fail(error.message(language))
        }
    }
}
