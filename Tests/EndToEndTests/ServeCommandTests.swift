import Testing

@Suite("parley serve on the command line")
struct ServeCommandTests {
    @Test("parley serve refuses to listen beyond loopback without PARLEY_TOKEN, saying what to set")
    func refusesOpenListenWithoutToken() throws {
        let (status, _, errors) = try Parley.run(["serve", "--listen", "0.0.0.0:0", "--data", "/nonexistent/parley-test"])
        #expect(status == 64)
        #expect(errors.contains("refusing to listen on 0.0.0.0:0 without a token"))
        #expect(errors.contains("set PARLEY_TOKEN"))
    }
}
