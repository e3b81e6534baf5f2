import Foundation
import HarmoniSimulate

/// The one writer of canonical scenario files, used by the `save` statement and the REPL's `.save`.
///
/// A saved scenario holds what was *decided*, not what was typed: header comments (the scenario's
/// name, the datasets, how to run it; a date only when one is given, never the clock), then
/// `scenario "<name>"`, `use dataset "<path>"` when the dataset is not the shipped one, the
/// `baseline` corrections, the settings that differ from the defaults and the decisions, in the
/// order they were made, each in its canonical form (English keywords, Norwegian numbers).
///
/// `let` names are not written: a decision stores its values resolved (`set sfo.* = x` is saved
/// as `set sfo.* = 2 930 kr/mnd`), so a saved file needs no bindings. `include`d files are
/// flattened into their decisions. Running the text in a fresh session gives the same scenario,
/// and saving that session again gives the same bytes.
public enum ScenarioWriter {
    /// What the header says besides the scenario itself.
    public struct Header: Sendable {
        /// How the file was made, one short phrase per language: `("lagret fra REPL-en", "saved from the REPL")`.
        public var origin: (nb: String, en: String)?
        /// The folder the file is written to: a dataset path is written relative to it, as
        /// `use dataset` reads it (`nil`: relative to the working directory).
        public var folder: String?
        /// The folder relative dataset paths of the session are resolved against.
        public var workingDirectory: String
        /// A date to name (`2019-11-05`), only when one is given: the writer never reads the clock.
        public var date: String?

        /// Creates a header.
        public init(
            origin: (nb: String, en: String)? = nil, folder: String? = nil,
            workingDirectory: String = FileManager.default.currentDirectoryPath, date: String? = nil
        ) {
            self.origin = origin
            self.folder = folder
            self.workingDirectory = workingDirectory
            self.date = date
        }

    }

    /// The canonical scenario text of a session's state. Lines end in `\n`; the text ends in one.
    public static func text(state: SessionState, language: DisplayLanguage, header: Header) -> String {
        let nb = language == .nb
        let datasets = DatasetReference(paths: state.datasetPaths, header: header)
        var out = nb ? "# Harmoni-scenario" : "# Harmoni scenario"
        if let name = state.scenario.name { out += " «\(commentText(name))»" }
        if let origin = header.origin { out += ", " + (nb ? origin.nb : origin.en) }
        out += ".\n"
        out += (nb ? "# Datasett: " : "# Datasets: ") + datasets.description(nb: nb) + "\n"
        if let date = header.date { out += (nb ? "# Dato: " : "# Date: ") + commentText(date) + "\n" }
        out +=
            nb
            ? "# Kjør med «harmoni run FIL» eller «.load \"FIL\"» i REPL-en.\n"
                + "# Vedtakene står i kanonisk form, i den rekkefølgen de ble gjort; «let»-navn er regnet ut.\n"
            : "# Run with «harmoni run FILE» or «.load \"FILE\"» in the REPL.\n"
                + "# Decisions are in canonical form, in the order made; «let» names are resolved.\n"
        var sections: [[String]] = []
        if let name = state.scenario.name {
            sections.append(["scenario " + Formatter.quote(name) + (state.scenario.date.map { " dated \($0)" } ?? "")])
        }
        sections += statementSections(state: state, header: header)
        for section in sections where !section.isEmpty {
            out += "\n" + section.joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The statements that rebuild the scenario, without its name: `use dataset` (when not the
    /// shipped datasets), the `baseline` corrections, the population, the settings, the decisions.
    public static func statements(state: SessionState, header: Header) -> [String] {
        statementSections(state: state, header: header).flatMap { $0 }
    }

    private static func statementSections(state: SessionState, header: Header) -> [[String]] {
        let datasets = DatasetReference(paths: state.datasetPaths, header: header)
        return [
            datasets.statement.map { [$0] } ?? [], state.baselineCorrections, populationStatement(state),
            state.scenario.settingStatements + (state.showsRanges ? ["ranges on"] : []),
            state.scenario.decisions.map(\.canonicalStatement),
        ]
    }

    /// The statement that rebuilds the session's population (none without one).
    private static func populationStatement(_ state: SessionState) -> [String] {
        switch state.population?.origin {
        case .synthetic(let seed)?: return ["population synthetic seed \(seed)"]
        case .loaded(let directory)?: return ["population load " + Formatter.quote(directory)]
        case nil: return []
        }
    }

    /// Text safe inside a `#` comment: control characters (a line break would end the comment and
    /// start a statement) and other invisible characters become U+FFFD.
    static func commentText(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The datasets a scenario was made on, as a saved file names them.
struct DatasetReference {
    /// The session's dataset paths, absolute.
    var absolute: [String]
    /// True when they are the shipped datasets.
    var isShipped: Bool
    /// The paths relative to the file's folder (or absolute when that is shorter to explain).
    var relative: [String]

    init(paths: [String], header: ScenarioWriter.Header) {
        let base = header.workingDirectory
        absolute = paths.map { ($0.hasPrefix("/") ? $0 : (base as NSString).appendingPathComponent($0)) }
            .map { WritePolicy.realPath($0) ?? URL(fileURLWithPath: $0).standardizedFileURL.path }
        let shipped = FileAccess.defaultDatasetFolder().map { WritePolicy.realPath($0) ?? $0 }
        isShipped = absolute.count == 1 && absolute.first == shipped
        let folder = header.folder.map { WritePolicy.realPath($0) ?? $0 } ?? (WritePolicy.realPath(base) ?? base)
        relative = absolute.map { Self.relativePath(from: folder, to: $0) }
    }

    /// `datasets (levert med Harmoni)` or the paths.
    func description(nb: Bool) -> String {
        if isShipped { return nb ? "datasets/ (levert med Harmoni)" : "datasets/ (shipped with Harmoni)" }
        return relative.map(ScenarioWriter.commentText).joined(separator: ", ")
    }

    /// `use dataset "<path>"` when the dataset is not the shipped one and is one path.
    var statement: String? {
        guard !isShipped, relative.count == 1, let path = relative.first else { return nil }
        return "use dataset " + Formatter.quote(path)
    }

    /// The path of `target` as seen from `folder` (both absolute): `../datasets`, `data/a.harmoni`.
    static func relativePath(from folder: String, to target: String) -> String {
        let from = folder.split(separator: "/").map(String.init)
        let to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        // Only the filesystem root in common: an absolute path explains itself better.
        if common == 0 { return target }
        let up = Array(repeating: "..", count: from.count - common)
        let path = (up + to[common...]).joined(separator: "/")
        return path.isEmpty ? "." : path
    }
}
