/// `harmoni new merger <kommunenummer 2020 | navn> [--output MAPPE] [--force]`: scaffolds the
/// dataset folder of one of the 44 mergers of 2020 (see ``MergerScaffold``).
enum NewCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions) -> CLIResult {
        if arguments.contains("--help") || arguments.contains("-h") { return CLIResult(stdout: help(options.language)) }
        guard arguments.first == "merger" || arguments.first == "sammenslaing" else {
            return CLI.usageError(
                "skriv «harmoni new merger <kommunenummer 2020 | navn>»", "write «harmoni new merger <municipality number 2020 | name>»",
                options.language)
        }
        var query: [String] = []
        var output: String?
        var force = false
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--output", "-o":
                guard index + 1 < arguments.count else {
                    return CLI.usageError("--output trenger en mappe", "--output needs a folder", options.language)
                }
                output = arguments[index + 1]
                index += 2
                continue
            case "--force": force = true
            default:
                if argument.hasPrefix("-") {
                    return CLI.usageError("ukjent valg «\(argument)» for new merger", "unknown option «\(argument)» for new merger", options.language)
                }
                query.append(argument)
            }
            index += 1
        }
        guard !query.isEmpty else {
            return CLI.usageError(
                "hvilken sammenslåing? f.eks. «harmoni new merger 4204»", "which merger? e.g. «harmoni new merger 4204»", options.language)
        }
        guard let datasets = options.datasetPaths.first ?? FileAccess.defaultDatasetFolder() else {
            return CLI.usageError(
                "fant ikke datasettene; oppgi --dataset MAPPE eller sett HARMONI_DATASETS",
                "could not find the datasets; give --dataset FOLDER or set HARMONI_DATASETS", options.language)
        }
        let scaffold: MergerScaffold
        switch MergerScaffold.make(query.joined(separator: " "), datasetsFolder: datasets) {
        case .failure(let failure): return CLIResult(stderr: "harmoni: \(failure.text(options.language))\n", status: 1)
        case .success(let made): scaffold = made
        }
        let folder = output ?? scaffold.suggestedFolder
        if case .failure(let failure) = scaffold.write(to: folder, force: force) {
            return CLIResult(stderr: "harmoni: \(failure.text(options.language))\n", status: 1)
        }
        return CLIResult(stdout: scaffold.summary(folder: folder, options.language))
    }

    static func help(_ language: DisplayLanguage) -> String {
        if language == .nb {
            return """
                harmoni new merger <kommunenummer 2020 | navn> [--output MAPPE] [--force]

                Lager et datasett (stillas) for en av de 44 sammenslåingene 1.1.2020: de gamle kommunene og
                folketallet deres (2019), den nye kommunens folketall (2020), nasjonale regler, og alle lokale
                gebyrer, regler, volumer og budsjetter som «missing» med en beskrivelse av hva som trengs.

                Eksempler:
                  harmoni new merger 4204                   # nye Kristiansand → ./nye-kristiansand
                  harmoni new merger Drammen --output drammen
                  harmoni check nye-kristiansand

                """
        }
        return """
            harmoni new merger <municipality number 2020 | name> [--output FOLDER] [--force]

            Scaffolds a dataset for one of the 44 mergers of 1 January 2020: the old municipalities and
            their population (2019), the new municipality's (2020), the national rules, and every local fee,
            rule, volume and budget as «missing» with a description of what is needed.

            Examples:
              harmoni new merger 4204                   # nye Kristiansand → ./nye-kristiansand
              harmoni new merger Drammen --output drammen
              harmoni check nye-kristiansand

            """
    }
}
