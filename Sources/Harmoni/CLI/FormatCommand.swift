/// `harmoni fmt [--check] [--stdout] FILE…`: rewrite files in canonical form.
///
/// A file with syntax errors is never rewritten. `--check` changes nothing and exits 1 if a file
/// is not canonical; `--stdout` prints the canonical text instead of writing.
enum FormatCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions) -> CLIResult {
        let nb = options.language == .nb
        if arguments.contains("--help") { return CLIResult(stdout: HelpText.fmt(options.language)) }
        let check = arguments.contains("--check")
        let toStdout = arguments.contains("--stdout")
        if let flag = arguments.first(where: { $0.hasPrefix("-") && !["--check", "--stdout"].contains($0) }) {
            return HelpText.unknownOption(flag, command: "fmt", known: ["--check", "--stdout"], options.language)
        }
        let paths = arguments.filter { !$0.hasPrefix("-") }.flatMap(FileAccess.harmoniFiles(in:))
        guard !paths.isEmpty else {
            return CLI.usageError("fmt trenger minst én fil", "fmt needs at least one file", options.language)
        }
        let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
        var result = CLIResult()
        for path in paths {
            let file: SourceFile
            switch FileAccess.readSource(path) {
            case .failure(let diagnostic):
                result.stderr += renderer.render(diagnostic, in: nil)
                result.status = 1
                continue
            case .success(let read): file = read
            }
            let (unit, diagnostics) = Parser.parse(file)
            if diagnostics.contains(where: { $0.severity == .error }) {
                result.stderr += diagnostics.map { renderer.render($0, in: file) }.joined()
                result.status = 1
                continue
            }
            let formatted = Formatter.format(unit)
            if toStdout {
                result.stdout += formatted
            } else if formatted != file.text {
                if check {
                    result.stdout += nb ? "ikke kanonisk: \(path)\n" : "not canonical: \(path)\n"
                    result.status = 1
                } else {
                    do {
                        try FileAccess.writeAtomically(formatted, to: path, overwrite: true)
                        result.stdout += nb ? "formatert: \(path)\n" : "formatted: \(path)\n"
                    } catch {
                        result.stderr += "harmoni: \(error.message(options.language))\n"
                        result.status = 1
                    }
                }
            }
        }
        return result
    }
}
