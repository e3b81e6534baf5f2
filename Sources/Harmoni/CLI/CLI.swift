/// What a CLI run produced: text for standard output and standard error, and an exit status.
public struct CLIResult: Sendable, Equatable {
    public var stdout: String = ""
    public var stderr: String = ""
    /// 0 success, 1 problems found in the input, 2 wrong usage.
    public var status: Int32 = 0
    public init(stdout: String = "", stderr: String = "", status: Int32 = 0) {
        self.stdout = stdout
        self.stderr = stderr
        self.status = status
    }
}

/// Options every subcommand understands.
public struct GlobalOptions: Sendable {
    /// Language of messages: `--lang nb|en`, default Norwegian.
    public var language: DisplayLanguage = .nb
    /// Dataset folders or files: `--dataset PATH` (repeatable); default the shipped datasets.
    public var datasetPaths: [String] = []
    /// Colour on a terminal unless `NO_COLOR` is set.
    public var colours = false
    public init() {}
}

/// What a command line asks for (see ``CLI/invocation(_:environment:isTerminal:)``).
public enum CLIInvocation: Sendable {
    /// No command: open the REPL with these options.
    case repl(GlobalOptions)
    /// A command, `--help` or `--version`: run it with ``CLI/run(_:environment:isTerminal:)``.
    case command
    /// The global options are wrong: print this and exit with its status.
    case failed(CLIResult)
}

/// The `harmoni` command line: the REPL, `check`, `fmt`, `run`, `-e`, `--help`, `--version`. The executable is a thin
/// shell around ``run(_:environment:isTerminal:)``, so every behaviour is testable in-process.
public enum CLI {
    /// The version printed by `--version`.
    public static let version = "0.1.0"

    /// What a command line asks for: the REPL when nothing but global options is given, so the
    /// executable can open it with a line reader of its choosing; otherwise ``run(_:environment:isTerminal:)``.
    public static func invocation(_ arguments: [String], environment: [String: String] = [:], isTerminal: Bool = false)
        -> CLIInvocation
    {
        switch parseGlobalOptions(arguments, environment: environment, isTerminal: isTerminal) {
        case .failure(let usage): return .failed(usage.result)
        case .success(let parsed): return parsed.rest.isEmpty ? .repl(parsed.options) : .command
        }
    }

    /// Reads `--lang` and `--dataset` (anywhere on the line) and the environment; the rest is the command.
    static func parseGlobalOptions(_ arguments: [String], environment: [String: String], isTerminal: Bool)
        -> Result<(options: GlobalOptions, rest: [String]), UsageError>
    {
        var options = GlobalOptions()
        options.colours = isTerminal && environment["NO_COLOR"] == nil
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--lang":
                guard index + 1 < arguments.count, let language = DisplayLanguage(rawValue: arguments[index + 1]) else {
                    return .failure(UsageError(usageError("--lang tar «nb» eller «en»", "--lang takes «nb» or «en»", options.language)))
                }
                options.language = language
                index += 2
            case "--dataset":
                guard index + 1 < arguments.count else {
                    return .failure(UsageError(usageError("--dataset trenger en sti", "--dataset needs a path", options.language)))
                }
                options.datasetPaths.append(arguments[index + 1])
                index += 2
            default:
                rest.append(argument)
                index += 1
            }
        }
        if let lang = environment["HARMONI_LANG"], let language = DisplayLanguage(rawValue: lang), !arguments.contains("--lang") {
            options.language = language
        }
        return .success((options, rest))
    }

    /// A usage error as an `Error`, for ``parseGlobalOptions(_:environment:isTerminal:)``.
    struct UsageError: Error {
        var result: CLIResult
        init(_ result: CLIResult) { self.result = result }
    }

    /// Runs a command line (without the program name).
    public static func run(_ arguments: [String], environment: [String: String] = [:], isTerminal: Bool = false)
        -> CLIResult
    {
        let options: GlobalOptions
        let rest: [String]
        switch parseGlobalOptions(arguments, environment: environment, isTerminal: isTerminal) {
        case .failure(let usage): return usage.result
        case .success(let parsed): (options, rest) = parsed
        }
        guard let command = rest.first else { return CLIResult(stdout: HelpText.main(options.language)) }
        let commandArguments = Array(rest.dropFirst())
        switch command {
        case "--help", "-h", "help": return CLIResult(stdout: HelpText.main(options.language))
        case "--version", "-V": return CLIResult(stdout: "harmoni \(version)\n")
        case "check": return CheckCommand.run(commandArguments, options)
        case "fmt": return FormatCommand.run(commandArguments, options)
        case "run": return RunCommand.run(commandArguments, options, inline: false)
        case "new", "ny": return NewCommand.run(commandArguments, options)
        case "-e": return RunCommand.run(commandArguments, options, inline: true)
        case "population", "befolkning": return PopulationCommand.run(commandArguments, options)
        default:
            return usageError(
                "ukjent kommando «\(command)»; se «harmoni --help»", "unknown command «\(command)»; see «harmoni --help»",
                options.language)
        }
    }

    static func usageError(_ nb: String, _ en: String, _ language: DisplayLanguage) -> CLIResult {
        CLIResult(stderr: "harmoni: \(language == .nb ? nb : en)\n", status: 2)
    }

    /// The dataset paths to use: the options' or the shipped datasets.
    static func datasetPaths(_ options: GlobalOptions) -> [String]? {
        if !options.datasetPaths.isEmpty { return options.datasetPaths }
        return FileAccess.defaultDatasetFolder().map { [$0] }
    }
}
