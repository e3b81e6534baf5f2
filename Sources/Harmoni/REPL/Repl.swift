/// Starting the REPL: load the datasets, make a ``ReplLoop``, run it.
///
/// The executable chooses the reader (GNU readline on a terminal, ``PlainLineReader`` for a pipe)
/// and calls ``start(options:reader:output:interactive:environment:)``.
public enum Repl {
    /// `pager` runs `$PAGER` on wide results (given by the executable for a terminal only).
    /// Loads the datasets named in `options` (or the shipped ones), then runs the loop until the
    /// user leaves. Returns the process exit status: 0; 1 when the dataset does not load or, in
    /// piped mode, when a statement failed; 2 when no dataset can be found.
    public static func start(
        options: GlobalOptions, reader: LineReader, output: ReplOutput, interactive: Bool,
        environment: [String: String], pager: (@Sendable (String, String) -> Bool)? = nil
    ) -> Int32 {
        let nb = options.language == .nb
        guard let paths = CLI.datasetPaths(options) else {
            output.writeError(nb ? "harmoni: fant ikke datasettene; oppgi --dataset\n" : "harmoni: could not find the datasets; give --dataset\n")
            return 2
        }
        let (session, loaded) = Session.load(datasetPaths: paths)
        guard let session else {
            let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
            output.writeError(renderer.render(loaded.diagnostics, files: loaded.files))
            output.writeError(nb ? "datasettet har feil; kjør «harmoni check»\n" : "the dataset has errors; run «harmoni check»\n")
            return 1
        }
        session.state.language = options.language
        let loop = ReplLoop(session: session, reader: reader, output: output, interactive: interactive, colours: options.colours)
        if interactive {
            loop.history = HistoryFile.defaultPath(environment: environment).map { HistoryFile(path: $0) }
            if let pager { loop.pager = Pager.terminal(environment: environment, run: pager) }
        }
        return loop.run()
    }
}
