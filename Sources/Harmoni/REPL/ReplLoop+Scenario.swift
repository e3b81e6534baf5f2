import Foundation
import HarmoniSimulate

/// Saving, loading, resetting and undoing the session's scenario.
extension ReplLoop {
    /// The scenario with what saving ignores (its name, the unsaved mark) set aside.
    private func comparable(_ scenario: ScenarioState) -> ScenarioState {
        var copy = scenario
        copy.name = nil
        copy.hasUnsavedChanges = false
        return copy
    }

    /// Marks the scenario unsaved exactly when it differs from what was last saved or loaded.
    func refreshUnsaved() {
        session.state.scenario.hasUnsavedChanges = comparable(session.state.scenario) != comparable(savedScenario)
    }

    /// A path as typed, resolved against the session's working directory.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.hasPrefix("~/"), let home = ProcessInfo.processInfo.environment["HOME"] { return home + path.dropFirst() }
        return (session.workingDirectory as NSString).appendingPathComponent(path)
    }

    /// True if the REPL may write `path`: anywhere when a person types at a terminal; from piped
    /// input (a file someone may have sent) only below the working directory or a folder allowed
    /// with `--allow-write`, as for `harmoni run`. Reports the refusal.
    func mayWrite(_ path: String, shown: String) -> Bool {
        if interactive { return true }
        func canonical(_ path: String) -> String {
            let url = URL(fileURLWithPath: path).standardizedFileURL
            return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
        }
        let target = canonical(path)
        let folders = [session.workingDirectory] + session.allowedWriteFolders.map(resolve)
        for folder in folders {
            let root = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
            if target.hasPrefix(root.hasSuffix("/") ? root : root + "/") { return true }
        }
        fail(
            text(
                "«\(shown)» ligger utenfor arbeidsmappen; fra standard inn skrives bare filer under arbeidsmappen",
                "«\(shown)» is outside the working directory; from standard input only files below it are written"))
        return false
    }

    /// `1 decision`, `3 decisions` (English; Norwegian says «vedtak» for one and many).
    static func decisions(_ count: Int) -> String { count == 1 ? "1 decision" : "\(count) decisions" }

    /// The scenario's name taken from a file name: `scenarier/sfo-lavest.harmoni` → `sfo-lavest`.
    static func scenarioName(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    /// Asks a yes/no question on a terminal (default no); never asks in piped mode.
    func confirm(_ question: String) -> Bool {
        guard interactive else { return false }
        guard case .line(let answer) = reader.readLine(prompt: question + text(" [j/N] ", " [y/N] ")) else { return false }
        return ["j", "ja", "y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The canonical scenario file (``ScenarioWriter``): a header naming the datasets, then the
    /// scenario's name, `baseline` corrections, settings and decisions. `folder` is where the
    /// file goes (dataset paths are written relative to it).
    public func scenarioText(folder: String? = nil) -> String {
        ScenarioWriter.text(
            state: session.state, language: language,
            header: ScenarioWriter.Header(
                origin: ("lagret fra REPL-en", "saved from the REPL"), folder: folder,
                workingDirectory: session.workingDirectory))
    }

    /// `.save [--force] ["FILE"]`: writes the decisions atomically. An existing file is replaced
    /// only with `--force` or after a yes on the terminal. Returns true if the file was written.
    @discardableResult
    func save(_ path: String?, force: Bool) -> Bool {
        guard let target = path ?? scenarioPath else {
            fail(text("oppgi et filnavn: .save \"scenario.harmoni\"", "give a file name: .save \"scenario.harmoni\""))
            return false
        }
        let resolved = resolve(target)
        guard mayWrite(resolved, shown: target) else { return false }
        var overwrite = force
        if !force, FileManager.default.fileExists(atPath: resolved) {
            overwrite = confirm(text("«\(target)» finnes fra før. Erstatte den?", "«\(target)» already exists. Replace it?"))
            if !overwrite {
                fail(
                    text(
                        "«\(target)» finnes fra før; bruk «.save --force \"\(target)\"» for å erstatte den",
                        "«\(target)» already exists; use «.save --force \"\(target)\"» to replace it"))
                return false
            }
        }
        if session.state.scenario.name == nil || scenarioPath != resolved {
            session.state.scenario.name = Self.scenarioName(resolved)
        }
        do throws(FileWriteError) {
            try FileAccess.writeAtomically(
                scenarioText(folder: (resolved as NSString).deletingLastPathComponent), to: resolved, overwrite: overwrite)
        } catch {
            fail(error.message(language))
            return false
        }
        scenarioPath = resolved
        savedScenario = session.state.scenario
        refreshUnsaved()
        let count = session.state.scenario.decisions.count
        output.write(text("Lagret \(count) vedtak i «\(target)».\n", "Saved \(Self.decisions(count)) to «\(target)».\n"))
        return true
    }

    /// `.load "FILE"`: runs a scenario file in the session. Into a fresh session it becomes the
    /// scenario (named after the file, saved); on top of other decisions it adds to them, unsaved.
    func load(_ path: String) {
        let resolved = resolve(path)
        let wasFresh = session.state.scenario.decisions.isEmpty && !session.state.scenario.hasUnsavedChanges
        let file: SourceFile
        switch FileAccess.readSource(resolved) {
        case .success(let read): file = SourceFile(name: path, text: read.text)
        case .failure(let diagnostic):
            fail(diagnostic.message.text(language))
            return
        }
        let before = hadErrors
        hadErrors = false
        runEntry(file)
        let failed = hadErrors
        hadErrors = before || failed
        if session.state.scenario.name == nil { session.state.scenario.name = Self.scenarioName(resolved) }
        if wasFresh, !failed {
            scenarioPath = resolved
            savedScenario = session.state.scenario
        }
        refreshUnsaved()
        let count = session.state.scenario.decisions.count
        output.write(
            text(
                "Lastet «\(path)»: \(count) vedtak\(failed ? ", med feil" : "").\n",
                "Loaded «\(path)»: \(Self.decisions(count))\(failed ? ", with errors" : "").\n"))
    }

    /// `.undo`: removes the last decision.
    func undo() {
        guard let last = session.state.scenario.decisions.popLast() else {
            output.write(text("Ingen vedtak å angre.\n", "No decisions to undo.\n"))
            return
        }
        refreshUnsaved()
        output.write(text("Angret: \(last.statement)\n", "Undone: \(last.statement)\n"))
    }

    /// `.reset`: clears decisions and `let` bindings (asking first on a terminal if unsaved).
    func reset() {
        let state = session.state
        if state.scenario.hasUnsavedChanges, interactive,
            !confirm(text("Forkaste ulagrede vedtak?", "Discard unsaved decisions?"))
        {
            output.write(text("Ingenting ble endret.\n", "Nothing was changed.\n"))
            return
        }
        session.state.scenario = ScenarioState()
        session.state.bindings = []
        savedScenario = ScenarioState()
        scenarioPath = nil
        output.write(
            text(
                "Tilbakestilt: \(state.scenario.decisions.count) vedtak og \(state.bindings.count) navn fjernet.\n",
                "Reset: \(Self.decisions(state.scenario.decisions.count)) and \(state.bindings.count) name(s) removed.\n"))
    }

    /// Before leaving: offers to save unsaved decisions. Returns false to stay in the REPL (the
    /// user pressed Ctrl-C, or saving failed).
    func offerToSave() -> Bool {
        let scenario = session.state.scenario
        guard scenario.hasUnsavedChanges, !scenario.decisions.isEmpty else { return true }
        let count = scenario.decisions.count
        guard interactive else {
            output.writeError(
                text(
                    "merk: \(count) \(count == 1 ? "ulagret vedtak ble" : "ulagrede vedtak ble") ikke lagret\n",
                    "note: \(count) unsaved \(count == 1 ? "decision was" : "decisions were") not saved\n"))
            return true
        }
        let question = text(
            "Du har \(count) \(count == 1 ? "ulagret" : "ulagrede") vedtak. Lagre før du avslutter? [j/N] ",
            "You have \(count) unsaved \(count == 1 ? "decision" : "decisions"). Save before leaving? [y/N] ")
        switch reader.readLine(prompt: question) {
        case .interrupted: return false
        case .endOfInput: return true
        case .line(let answer):
            guard ["j", "ja", "y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else { return true }
        }
        if scenarioPath != nil { return save(nil, force: true) }
        guard case .line(let name) = reader.readLine(prompt: text("Filnavn: ", "File name: ")),
            !name.trimmingCharacters(in: .whitespaces).isEmpty
        else { return false }
        return save(name.trimmingCharacters(in: CharacterSet(charactersIn: " \"")), force: false)
    }
}
