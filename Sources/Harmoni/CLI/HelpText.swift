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

    static func run(_ language: DisplayLanguage) -> String {
        language == .nb
            ? "harmoni run [--force] [--allow-write MAPPE] FIL…\nharmoni -e 'SETNINGER'\n\nKjører scenariofiler (eller setninger) på datasettene og skriver resultatene.\nStatus 1 ved feil. Eksempel: harmoni -e 'print asker.sfo.plass_5d * 10'\n"
            : "harmoni run [--force] [--allow-write FOLDER] FILE…\nharmoni -e 'STATEMENTS'\n\nRuns scenario files (or statements) on the datasets and prints the results.\nExit status 1 on errors. Example: harmoni -e 'print asker.sfo.plass_5d * 10'\n"
    }

    static func check(_ language: DisplayLanguage) -> String {
        language == .nb
            ? "harmoni check [STI…]\n\nLeser, tolker og validerer datasettfiler (mapper utvides til *.harmoni).\nAvslutter med status 1 hvis noe er feil. Eksempel: harmoni check datasets\n"
            : "harmoni check [PATH…]\n\nReads, parses and validates dataset files (folders expand to *.harmoni).\nExits with status 1 on any error. Example: harmoni check datasets\n"
    }

    static func fmt(_ language: DisplayLanguage) -> String {
        language == .nb
            ? "harmoni fmt [--check] [--stdout] FIL…\n\nSkriver filene om til kanonisk form (atomisk). Filer med syntaksfeil røres ikke.\n--check endrer ingenting og gir status 1 hvis en fil ikke er kanonisk.\nEksempel: harmoni fmt scenarios/mitt.harmoni\n"
            : "harmoni fmt [--check] [--stdout] FILE…\n\nRewrites files in canonical form (atomically). Files with syntax errors are left alone.\n--check changes nothing and exits 1 if a file is not canonical.\nExample: harmoni fmt scenarios/mine.harmoni\n"
    }
}
