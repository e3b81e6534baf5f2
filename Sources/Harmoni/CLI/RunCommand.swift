import Foundation

/// `harmoni run FILE…` and `harmoni -e 'statements'`: run statements on the datasets and print
/// their output. Exit status 1 with every diagnostic on any error.
enum RunCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions, inline: Bool) -> CLIResult {
        let nb = options.language == .nb
        if arguments.contains("--help") { return CLIResult(stdout: HelpText.run(options.language)) }
        var force = false
        var allowed: [String] = []
        var inputs: [String] = []
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--force": force = true
            case "--allow-write":
                guard index + 1 < arguments.count else {
                    return CLI.usageError("--allow-write trenger en mappe", "--allow-write needs a folder", options.language)
                }
                allowed.append(arguments[index + 1])
                index += 1
            case let flag where flag.hasPrefix("--"):
                return CLI.usageError("ukjent valg «\(flag)»", "unknown option «\(flag)»", options.language)
            default: inputs.append(arguments[index])
            }
            index += 1
        }
        guard !inputs.isEmpty else {
            return CLI.usageError(
                inline ? "-e trenger setninger" : "run trenger minst én fil", inline ? "-e needs statements" : "run needs at least one file",
                options.language)
        }
        guard let paths = CLI.datasetPaths(options) else {
            return CLI.usageError("fant ikke datasettene; oppgi --dataset", "could not find the datasets; give --dataset", options.language)
        }
        let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
        let (session, loaded) = Session.load(datasetPaths: paths)
        guard let session else {
            var result = CLIResult(status: 1)
            result.stderr = renderer.render(loaded.diagnostics, files: loaded.files)
            result.stderr += nb ? "datasettet har feil; kjør «harmoni check»\n" : "the dataset has errors; run «harmoni check»\n"
            return result
        }
        session.state.language = options.language
        session.force = force
        session.allowedWriteFolders = allowed
        var result = CLIResult()
        var files: [SourceFile] = []
        for (i, input) in inputs.enumerated() {
            if inline {
                files.append(SourceFile(name: inputs.count == 1 ? "<-e>" : "<-e \(i + 1)>", text: input))
            } else {
                switch FileAccess.readSource(input) {
                case .success(let file): files.append(file)
                case .failure(let diagnostic):
                    result.stderr += renderer.render(diagnostic, in: nil)
                    result.status = 1
                }
            }
        }
        for file in files {
            let run = session.run(file)
            result.stdout += OutputRenderer.render(run.outputs, language: options.language, renderer: renderer, file: file)
            result.stderr += renderer.render(run.diagnostics, files: run.files)
            if run.hasErrors { result.status = 1 }
        }
        return result
    }
}

/// Turns statement outputs into terminal text.
public enum OutputRenderer {
    public static func render(
        _ outputs: [Output], language: DisplayLanguage, renderer: DiagnosticRenderer, file: SourceFile?
    ) -> String {
        var out = ""
        for (i, output) in outputs.enumerated() {
            switch output {
            case .text(let text): out += text.hasSuffix("\n") ? text : text + "\n"
            case .table(let table):
                if i > 0 { out += "\n" }
                out += TextTable.render(table, language: language == .nb ? .nb : .en)
            case .diagnostic(let diagnostic): out += renderer.render(diagnostic, in: file)
            }
        }
        return out
    }
}
