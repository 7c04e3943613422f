import Testing
@testable import ParleyCore

@Suite("Mentions")
struct MentionsTests {
    @Test("leading @ids address those peers; no @ broadcasts")
    func address() {
        let known: Set<AgentID> = ["pm", "cfo", "eng"]
        #expect(Mentions.address(of: "@pm @cfo why not charge?", known: known) == (.peers(["pm", "cfo"]), "why not charge?"))
        #expect(Mentions.address(of: "@CFO, really?", known: known) == (.peers(["cfo"]), "really?"))
        #expect(Mentions.address(of: "why not?", known: known) == (.everyone, "why not?"))
        #expect(Mentions.address(of: "@bob hi", known: known) == (.everyone, "@bob hi"))
    }

    @Test("mentions anywhere in the text, in order, but not inside e-mail addresses")
    func find() {
        #expect(Mentions.find(in: "I'd ask @eng, then @cfo and @eng again.") == ["eng", "cfo"])
        #expect(Mentions.find(in: "mail dana@cfo.com") == [])
        #expect(Mentions.find(in: "@ux-lead: thoughts?", known: ["ux-lead"]) == ["ux-lead"])
    }
}
