import Testing

@testable import Harmoni

@Suite("Compare statements: show services, show fees, show diff, show household")
struct CompareStatementTests {
    @Test("show diff reads a service, a group, a line or an area, and a basis")
    func scopes() {
        let service = Fixtures.run("show diff sfo")
        #expect(service.errors.isEmpty)
        #expect(service.output.hasPrefix("Sammenligning: SFO – kr per år inkl. mva (2019)"))
        #expect(Fixtures.run("show diff sfo.*").output == service.output)
        #expect(Fixtures.run("show diff sfo per year").output == service.output)
        #expect(Fixtures.run("show diff sfo per month").output == Fixtures.run("vis diff sfo per måned").output)
        #expect(Fixtures.run("show diff sfo as published").output == Fixtures.run("vis diff sfo som publisert").output)
        #expect(Fixtures.run("show diff sfo.plass_5d").output.contains("SFO – plass 5 dager i uken"))
        #expect(Fixtures.run("show diff oppvekst").output.contains("Barnehage: full plass (5 dager)"))
    }

    @Test("show diff also lists the structural differences")
    func findings() {
        let output = Fixtures.run("show diff sfo").output
        #expect(output.contains("Strukturelle forskjeller: SFO (2019)"))
        #expect(output.contains("SFO: ulikt antall betalte måneder – Asker: 10; Røyken og Hurum: 11."))
    }

    @Test("An unknown service or area is an error at the word, listing the known ones")
    func unknownScope() {
        let result = Fixtures.run("show diff brannvesen")
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("<test>:1:11: feil: ukjent tjeneste eller område «brannvesen»"))
        #expect(result.errors.contains("tjenester: barnehage, sfo,"))
        #expect(result.errors.contains("områder: administrasjon, oppvekst"))
        #expect(Fixtures.run("show diff sfo.plass_9d").errors.contains("linjer i sfo: plass_5d, plass_4d, plass_3d, ekstra_dag, ferie_dag"))
        #expect(Fixtures.run("show diff oppvekst.*").errors.contains("ukjent tjeneste eller område «oppvekst.*»"))
    }

    @Test("A wrong basis is an error naming the accepted words")
    func wrongBasis() {
        #expect(Fixtures.run("show diff sfo per uke").errors.contains("1:19: feil: forventet «year» / «år» / «month» / «måned» / «mnd», fant «uke»"))
        #expect(Fixtures.run("show diff sfo quickly").errors.contains("forventet «per» / «as» / «som»"))
    }

    @Test("show household accepts the id, or a case-insensitive part of the id or definition")
    func household() {
        let byID = Fixtures.run("show household \"c_pensjonist_2_5G\"")
        #expect(byID.errors.isEmpty)
        #expect(byID.output.hasPrefix("Typehusholdning Pensjonist, 2,5 G – årlig kostnad 2019 inkl. mva"))
        #expect(Fixtures.run("show household \"PENSIONER\"").output == byID.output)
        #expect(Fixtures.run("vis household c_pensjonist_2_5G").output == byID.output)
    }

    @Test("show household with no match or several matches names the households")
    func householdErrors() {
        #expect(Fixtures.run("show household \"a\"").errors.contains("flere typehusholdninger passer «a»"))
        #expect(Fixtures.run("show household \"brannmann\"").errors.contains("ingen typehusholdning passer «brannmann»; kjente: a_familie_750k"))
        #expect(Fixtures.run("show household").output.contains("Enebolig på 120 m² BRA med 150 m³ vann i året"))
    }

    @Test("Households have Norwegian descriptions, and the search finds them («to barn»)")
    func norwegianDescriptions() {
        let children = Fixtures.run("vis husholdning \"barn\"").errors
        #expect(children.contains("flere typehusholdninger passer «barn»: a_familie_750k (To voksne og tre barn"))
        #expect(children.contains("e_par_to_barn_median (Par med to barn"))
        #expect(Fixtures.run("vis husholdning \"to barn\"").output.hasPrefix("Typehusholdning Par, 2 barn, medianinntekt"))
        let couple = Fixtures.run("vis husholdning \"par med to barn\"")
        #expect(couple.errors.isEmpty, "\(couple.errors)")
        #expect(couple.output.contains("Husholdning: Par med to barn: ett i barnehage på heltid og ett i SFO fem dager i uka"))
        #expect(Fixtures.run("show household \"Couple with two\"").output == couple.output)
        let session = Fixtures.session()
        session.state.language = .en
        let english = Fixtures.run("show household", in: session).output
        #expect(english.contains("Couple with two children"))
    }

    @Test("show services lists every service with its area and who has lines")
    func services() {
        let output = Fixtures.run("show services").output
        #expect(output.contains("feiing"))
        #expect(output.contains("mangler: Asker, Røyken, Hurum"))
        #expect(Fixtures.run("show services now").errors.contains("forventet slutten av setningen"))
    }

    @Test("show fees shows the rows as published, for a service or for all")
    func fees() {
        let output = Fixtures.run("show fees barnehage").output
        #expect(output.contains("Asker    Full plass (5 dager)         2 990 kr  kr/mnd   11  none"))
        #expect(output.contains("2019-08-01...2019-12-31"))
        #expect(Fixtures.run("show fees").output.contains("Gebyrer: Feiing (2019)"))
    }

    @Test("Tables follow the session language")
    func english() {
        let session = Fixtures.session()
        session.state.language = .en
        let output = Fixtures.run("show diff sfo", in: session).output
        #expect(output.hasPrefix("Comparison: After-school care (SFO) – kr per year incl. VAT (2019)"))
        #expect(output.contains("Structural differences"))
    }

    @Test("harmoni -e runs show diff from the command line")
    func endToEnd() throws {
        let result = try Executable.run(["-e", "show diff sfo per month"], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Sammenligning: SFO – kr per måned inkl. mva (2019)"))
        let failing = try Executable.run(["-e", "show diff brannvesen"], in: "/")
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("ukjent tjeneste eller område «brannvesen»"))
    }
}
