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
        let folder = (resolved as NSString).deletingLastPathComponent
        if let problem = makeFolder(folder) {
            fail(text("kunne ikke lagre «\(target)»: ", "could not save «\(target)»: ") + problem)
            return false
        }
        // The name changes only with a file written: a failed save leaves the prompt as it was.
        let previousName = session.state.scenario.name
        if session.state.scenario.name == nil || scenarioPath != resolved {
            session.state.scenario.name = Self.scenarioName(resolved)
        }
        do throws(FileWriteError) {
            try FileAccess.writeAtomically(scenarioText(folder: folder), to: resolved, overwrite: overwrite)
        } catch {
            session.state.scenario.name = previousName
            if case .failed = error, language == .nb {
                fail("kunne ikke lagre «\(target)»: filsystemet nektet å skrive filen (se at mappen er skrivbar og at det er plass)")
            } else {
                fail(error.message(language))
            }
            return false
        }
        scenarioPath = resolved
        savedScenario = session.state.scenario
        refreshUnsaved()
        let count = session.state.scenario.decisions.count
        output.write(text("Lagret \(count) vedtak i «\(target)».\n", "Saved \(Self.decisions(count)) to «\(target)».\n"))
        return true
    }

    /// Creates `folder` and its missing parents, as the `save` statement does; the reason in the
    /// session's language if that cannot be done, else `nil`.
    func makeFolder(_ folder: String) -> String? {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder, isDirectory: &isFolder) {
            if isFolder.boolValue { return nil }
            return text("«\(shown(folder))» er en fil, ikke en mappe", "«\(shown(folder))» is a file, not a folder")
        }
        var existing = (folder as NSString).deletingLastPathComponent
        while !existing.isEmpty, existing != "/", !manager.fileExists(atPath: existing, isDirectory: &isFolder) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        if manager.fileExists(atPath: existing, isDirectory: &isFolder), !isFolder.boolValue {
            return text("«\(shown(existing))» er en fil, ikke en mappe", "«\(shown(existing))» is a file, not a folder")
        }
        if !manager.isWritableFile(atPath: existing) {
            return text("ingen skrivetilgang til mappen «\(shown(existing))»", "no permission to write in the folder «\(shown(existing))»")
        }
        do {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            return nil
        } catch {
            return text("kunne ikke lage mappen «\(shown(folder))»", "could not create the folder «\(shown(folder))»")
        }
    }

    /// A path as the user knows it: relative to the working directory when it is below it.
    func shown(_ path: String) -> String {
        let root = session.workingDirectory.hasSuffix("/") ? session.workingDirectory : session.workingDirectory + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
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
        loading = true
        runEntry(file)
        loading = false
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
        let state = session.state
        let firstYear = state.scenario.period.lowerBound
        let nb = DecisionSentence.text(last, dataset: state.dataset, firstYear: firstYear, language: .nb)
        let en = DecisionSentence.text(last, dataset: state.dataset, firstYear: firstYear, language: .en)
        output.write(text("Angret: \(nb)\n", "Undone: \(en)\n"))
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

    /// What is unsaved, counted against what was last saved or loaded: decisions made since,
    /// decisions undone since, or (when the decisions are the same) changed settings.
    func unsavedText() -> (nb: String, en: String) {
        let now = session.state.scenario.decisions
        let saved = savedScenario.decisions
        var common = 0
        while common < min(now.count, saved.count), now[common] == saved[common] { common += 1 }
        let added = now.count - common
        let removed = saved.count - common
        var nb: [String] = []
        var en: [String] = []
        if added > 0 {
            nb.append("\(added) \(added == 1 ? "ulagret" : "ulagrede") vedtak")
            en.append("\(added) unsaved \(added == 1 ? "decision" : "decisions")")
        }
        if removed > 0 {
            nb.append("\(removed) angret vedtak som fortsatt står i filen")
            en.append("\(removed) undone \(removed == 1 ? "decision" : "decisions") still in the file")
        }
        if nb.isEmpty { return ("ulagrede innstillinger", "unsaved settings") }
        return (nb.joined(separator: " og "), en.joined(separator: " and "))
    }

    /// Before leaving: offers to save unsaved decisions. Returns false to stay in the REPL (the
    /// user pressed Ctrl-C, or saving failed).
    func offerToSave() -> Bool {
        let scenario = session.state.scenario
        guard scenario.hasUnsavedChanges, !(scenario.decisions.isEmpty && savedScenario.decisions.isEmpty && scenarioPath == nil)
        else { return true }
        let unsaved = unsavedText()
        guard interactive else {
            output.writeError(text("merk: \(unsaved.nb) ble ikke lagret\n", "note: not saved: \(unsaved.en)\n"))
            return true
        }
        let question = text(
            "Du har \(unsaved.nb). Lagre før du avslutter? [j/N] ", "You have \(unsaved.en). Save before leaving? [y/N] ")
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
