import Foundation
import ParleyCore
import ParleyModels
import Testing
@testable import ParleyEngine

@Suite("Peers' memories share what was said")
struct SharedMemoryTests {
    let prompts = PromptBuilder(
        spec: Fixtures.spec(),
        participants: [
            Agent(id: "pm", name: "Priya", role: "Product manager", model: "scripted"),
            Agent(id: "eng", name: "Ed", role: "Engineer", model: "scripted"),
        ])

    func message(to address: Address) -> Message {
        Message(
            id: MessageID(7), sender: "pm", to: address, round: 2,
            text: "We should ship the narrow slice first and learn from how it is used.",
            startedAt: Date(timeIntervalSince1970: 0), completedAt: Date(timeIntervalSince1970: 1))
    }

    @Test("a heard message reads as before: the speaker's name and role, then what was said")
    func heardContent() {
        let said = message(to: .everyone)
        #expect(prompts.entry(said, for: "eng").content == "Priya (Product manager): \(said.text)")
        #expect(prompts.entry(said, for: "pm").content == said.text)
        let addressed = message(to: .peers(["eng"]))
        #expect(prompts.entry(addressed, for: "eng").content == "Priya (Product manager), to you: \(addressed.text)")
    }

    @Test("an entry built from a lead equals, and hashes as, one given its whole content")
    func leadEqualsWhole() {
        let text = "We should ship the narrow slice first."
        let led = ChatMessage(role: .user, lead: "Priya (Product manager): ", text: text, kind: .peer, speaker: "pm")
        let whole = ChatMessage(
            role: .user, content: "Priya (Product manager): \(text)", kind: .peer, speaker: "pm", text: text)
        #expect(led == whole)
        #expect(Set([led, whole]).count == 1)
        var changed = led
        changed.content = "something else"
        #expect(changed.content == "something else")
        #expect(changed != whole)
    }

    @Test("every peer's entry of a message keeps the message's own text, not a copy")
    func textShared() {
        let said = message(to: .everyone)
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        let heard = prompts.entry(said, for: "eng")
        #expect(storage(heard.text) != nil)
        #expect(storage(heard.text) == storage(said.text))
        #expect(storage(prompts.entry(said, for: "pm").text) == storage(said.text))
    }

    @Test("an entry in a peer's memory is one reference to what the mesh made once for every reader")
    func entryIsAReference() {
        #expect(MemoryLayout<ChatMessage>.size == MemoryLayout<AnyObject>.size)
        var changed = prompts.entry(message(to: .everyone), for: "eng")
        let before = changed
        changed.round = 3
        #expect(before.round == 2)
        #expect(changed.round == 3)
        #expect(changed.content == before.content)
    }
}
