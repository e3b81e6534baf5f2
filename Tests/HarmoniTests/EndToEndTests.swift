import Testing

@Suite("The harmoni executable")
struct EndToEndTests {
    @Test("harmoni check passes on the shipped datasets and prints a summary")
    func checkShipped() throws {
        let result = try Executable.run(["check"], in: "/")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("112 gebyrer, 96 regler") && result.stdout.contains("5 inntektspunkter"))
        #expect(result.stdout.contains("Feiing i Asker"))
    }

    @Test("harmoni --version prints the version")
    func version() throws {
        let result = try Executable.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("harmoni "))
    }

    @Test("An unknown command exits with status 2 and a message")
    func unknownCommand() throws {
        let result = try Executable.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("ukjent kommando"))
    }
}
