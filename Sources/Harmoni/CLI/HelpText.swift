/// The help texts, each with examples, in Norwegian and English.
enum HelpText {
    static func main(_ language: DisplayLanguage) -> String {
        switch language {
        case .nb:
            return """
                harmoni – sammenlign og harmoniser gebyrer, dekningsgrader og tilskudd i Asker, Røyken og Hurum

                Bruk:
                  harmoni                       åpne REPL-en (leser setninger fra standard inn uten terminal)
                  harmoni check [STI…]          valider datasett (standard: de medfølgende)
                  harmoni fmt [--check] FIL…    skriv filer i kanonisk form
                  harmoni run FIL…              kjør scenariofiler
                  harmoni new merger NR|NAVN    lag datasett (stillas) for en sammenslåing fra 2020 (--output, --force)
                  harmoni -e 'SETNINGER'        kjør setninger fra kommandolinjen
                  harmoni --version             vis versjon
                  harmoni --help                vis denne hjelpen

                Valg:
                  --dataset STI                 bruk disse datasettene (mappe eller fil; kan gjentas)
                  --lang nb|en                  språk for meldinger (standard nb; også HARMONI_LANG)

                Eksempler:
                  harmoni check
                  harmoni check datasets/hurum.harmoni --lang en
                  harmoni fmt --check datasets

                Språket er beskrevet i docs/LANGUAGE.md, REPL-en i docs/REPL.md.

                """
        case .en:
            return """
                harmoni – compare and harmonise fees, coverage rates and subsidies of Asker, Røyken and Hurum

                Usage:
                  harmoni                       open the REPL (reads statements from standard input without a terminal)
                  harmoni check [PATH…]         validate datasets (default: the shipped ones)
                  harmoni fmt [--check] FILE…   rewrite files in canonical form
                  harmoni run FILE…             run scenario files
                  harmoni new merger NO|NAME    scaffold a dataset for a merger of 2020 (--output, --force)
                  harmoni -e 'STATEMENTS'       run statements given on the command line
                  harmoni --version             print the version
                  harmoni --help                print this help

                Options:
                  --dataset PATH                use these datasets (folder or file; repeatable)
                  --lang nb|en                  message language (default nb; also HARMONI_LANG)

                Examples:
                  harmoni check
                  harmoni check datasets/hurum.harmoni --lang en
                  harmoni fmt --check datasets

                The language is described in docs/LANGUAGE.md, the REPL in docs/REPL.md.

                """
        }
    }

    /// The options every command takes, for the end of each command's help.
    static func globalOptions(_ language: DisplayLanguage) -> String {
        language == .nb
            ? """
                  --dataset STI                      bruk disse datasettene (mappe eller fil; kan gjentas)
                                                     eksempel: --dataset mine-datasett/
                  --lang nb|en                       språk for meldinger (standard nb; også HARMONI_LANG)
                                                     eksempel: --lang en
                  --help                             vis denne hjelpen

                """
            : """
                  --dataset PATH                     use these datasets (folder or file; repeatable)
                                                     example: --dataset my-datasets/
                  --lang nb|en                       message language (default nb; also HARMONI_LANG)
                                                     example: --lang en
                  --help                             print this help

                """
    }

    static func run(_ language: DisplayLanguage) -> String {
        language == .nb
            ? """
                harmoni run [VALG] FIL…
                harmoni -e 'SETNINGER' [-e 'SETNINGER' …]

                Kjører scenariofiler (eller setninger) på datasettene og skriver resultatene. Med -e kan
                flere setninger skilles med «;», og -e kan gjentas. Status 1 ved feil.
                Eksempler:
                  harmoni run scenarios/hp2020-radmannens-prinsipper.harmoni
                  harmoni -e 'harmoniser sfo.* til laveste; vis budsjett'

                """
            : """
                harmoni run [OPTIONS] FILE…
                harmoni -e 'STATEMENTS' [-e 'STATEMENTS' …]

                Runs scenario files (or statements) on the datasets and prints the results. With -e,
                statements may be separated by «;», and -e may be repeated. Exit status 1 on errors.
                Examples:
                  harmoni run scenarios/hp2020-radmannens-prinsipper.harmoni
                  harmoni -e 'harmonise sfo.* to lowest; show budget'

                """
    }

    static func check(_ language: DisplayLanguage) -> String {
        (language == .nb
            ? """
                harmoni check [VALG] [STI…]

                Leser, tolker og validerer datasettfiler (mapper utvides til *.harmoni; standard: de
                medfølgende datasettene). Status 1 hvis noe er feil.
                Eksempler:
                  harmoni check
                  harmoni check datasets/hurum.harmoni --lang en

                Valg:

                """
            : """
                harmoni check [OPTIONS] [PATH…]

                Reads, parses and validates dataset files (folders expand to *.harmoni; default: the
                shipped datasets). Exit status 1 on any error.
                Examples:
                  harmoni check
                  harmoni check datasets/hurum.harmoni --lang en

                Options:

                """) + globalOptions(language)
    }

    static func fmt(_ language: DisplayLanguage) -> String {
        (language == .nb
            ? """
                harmoni fmt [VALG] FIL…

                Skriver filene om til kanonisk form (atomisk). Filer med syntaksfeil røres ikke.
                Eksempel: harmoni fmt scenarios/mitt.harmoni

                Valg:
                  --check                            endre ingenting; status 1 hvis en fil ikke er kanonisk
                                                     eksempel: harmoni fmt --check datasets scenarios
                  --stdout                           skriv den kanoniske teksten til standard ut i stedet
                                                     eksempel: harmoni fmt --stdout scenarios/mitt.harmoni

                """
            : """
                harmoni fmt [OPTIONS] FILE…

                Rewrites files in canonical form (atomically). Files with syntax errors are left alone.
                Example: harmoni fmt scenarios/mine.harmoni

                Options:
                  --check                            change nothing; exit 1 if a file is not canonical
                                                     example: harmoni fmt --check datasets scenarios
                  --stdout                           print the canonical text to standard output instead
                                                     example: harmoni fmt --stdout scenarios/mine.harmoni

                """) + globalOptions(language)
    }

    /// «ukjent valg «--x» for run; valgene er: …».
    static func unknownOption(_ flag: String, command: String, known: [String], _ language: DisplayLanguage) -> CLIResult {
        let all = (known + ["--dataset", "--lang", "--help"]).joined(separator: ", ")
        let hint = Suggestion.phrase(for: flag, in: known + ["--dataset", "--lang", "--help"])
        return CLI.usageError(
            "ukjent valg «\(flag)» for \(command)\(hint.nb); valgene er: \(all) (se «harmoni \(command) --help»)",
            "unknown option «\(flag)» for \(command)\(hint.en); the options are: \(all) (see «harmoni \(command) --help»)",
            language)
    }
}
