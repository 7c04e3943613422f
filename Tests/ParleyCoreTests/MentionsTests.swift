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

    @Test("a typed line goes to every peer it mentions anywhere; leading @ids are dropped from the text")
    func typedAnywhere() {
        let known: Set<AgentID> = ["pm", "cfo", "eng"]
        let hey = Mentions.addressing(ofTyped: "hey @cfo what about annual billing?", known: known)
        #expect(hey.address == .peers(["cfo"]))
        #expect(hey.text == "hey @cfo what about annual billing?")
        #expect(hey.unknown.isEmpty)
        let leading = Mentions.addressing(ofTyped: "@PM, @eng: and @pm again, why?", known: known)
        #expect(leading.address == .peers(["pm", "eng"]))
        #expect(leading.text == "and @pm again, why?")
        #expect(Mentions.addressing(ofTyped: "why not?", known: known).address == .everyone)
        #expect(Mentions.addressing(ofTyped: "@all why not?", known: known) == TypedAddressing(address: .everyone, text: "why not?", unknown: []))
        #expect(Mentions.addressing(ofTyped: "mail dana@cfo.com", known: known).address == .everyone)
    }

    @Test("a typed mention of no peer is reported, as typed, with where each mention is")
    func typedUnknown() {
        let reading = Mentions.addressing(ofTyped: "@ceo hello @cfo and @Bob-", known: ["cfo"])
        #expect(reading.unknown == ["ceo", "bob"])
        #expect(reading.address == .peers(["cfo"]))
        let mentions = Mentions.mentions(inTyped: Array("@ceo hi @c_"))
        #expect(mentions == [TypedMention(range: 0..<4, name: "ceo"), TypedMention(range: 8..<10, name: "c")])
        #expect(Mentions.mentions(inTyped: Array("@ alone, a@b")).isEmpty)
    }
}
