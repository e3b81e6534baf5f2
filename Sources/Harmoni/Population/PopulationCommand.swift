import Foundation
import HarmoniPopulation

/// `harmoni population [--seed N] --output DIR [--force]`: writes the synthetic population of nye
/// Asker (households.csv, persons.csv) to a folder, the same files `export population` writes.
enum PopulationCommand {
    static func run(_ arguments: [String], _ options: GlobalOptions) -> CLIResult {
        let nb = options.language == .nb
        var seed: UInt64 = 1
        var output: String?
        var force = false
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--seed":
                guard index + 1 < arguments.count, let value = UInt64(arguments[index + 1]) else {
                    return CLI.usageError("--seed tar et heltall ≥ 0", "--seed takes a whole number ≥ 0", options.language)
                }
                seed = value
                index += 2
            case "--output", "-o":
                guard index + 1 < arguments.count else {
                    return CLI.usageError("--output trenger en mappe", "--output needs a folder", options.language)
                }
                output = arguments[index + 1]
                index += 2
            case "--force":
                force = true
                index += 1
            default:
                return CLI.usageError(
                    "ukjent valg «\(arguments[index])»; bruk: harmoni population [--seed N] --output MAPPE [--force]",
                    "unknown option «\(arguments[index])»; usage: harmoni population [--seed N] --output FOLDER [--force]",
                    options.language)
            }
        }
        guard let output else {
            return CLI.usageError(
                "mangler --output MAPPE; bruk: harmoni population [--seed N] --output MAPPE",
                "missing --output FOLDER; usage: harmoni population [--seed N] --output FOLDER", options.language)
        }
        guard let paths = CLI.datasetPaths(options) else {
            return CLI.usageError("fant ikke datasettene; oppgi --dataset", "could not find the datasets; give --dataset", options.language)
        }
        let (session, loaded) = Session.load(datasetPaths: paths)
        guard let session else {
            let renderer = DiagnosticRenderer(language: options.language, colours: options.colours)
            return CLIResult(stderr: renderer.render(loaded.diagnostics, files: loaded.files), status: 1)
        }
        let population: HouseholdPopulation
        switch Synthesis.nyeAsker(session.state.dataset, seed: seed, year: session.state.baselineYear) {
        case .success(let built): population = built
        case .failure(let missing):
            let names = missing.names.joined(separator: ", ")
            return CLIResult(stderr: (nb ? "datasettet mangler: " : "the dataset lacks: ") + names + "\n", status: 1)
        }
        let files = [
            (PopulationCSV.householdsFile, PopulationCSV.households(population)),
            (PopulationCSV.personsFile, PopulationCSV.persons(population)),
        ]
        let cwd = FileManager.default.currentDirectoryPath
        // Check both files before writing either, so a refusal writes nothing.
        var targets: [String] = []
        for (name, _) in files {
            do throws(WritePolicyError) {
                targets.append(try WritePolicy.resolve(output + "/" + name, workingDirectory: cwd, overwrite: force))
            } catch {
                return CLIResult(stderr: error.message(options.language) + "\n", status: 1)
            }
        }
        for (target, file) in zip(targets, files) {
            do throws(FileWriteError) {
                try FileAccess.writeAtomically(file.1, to: target, overwrite: force)
            } catch {
                return CLIResult(stderr: error.message(options.language) + "\n", status: 1)
            }
        }
        let count = population.households.count
        return CLIResult(
            stdout: nb
                ? "Skrev \(count) husholdninger og \(population.persons.count) personer (frø \(seed)) til «\(output)».\n"
                : "Wrote \(count) households and \(population.persons.count) persons (seed \(seed)) to «\(output)».\n")
    }
}
