import ParleyCore
import Testing
@testable import ParleyModels

@Suite("What the scripted facilitator keeps of a message it read")
struct FacilitatorReadingTests {
    @Test("a phrase is found in what the message argues, not in its opening")
    func phraseAsArgued() {
        let reading = Reading("Dana, to your point on Pricing: pricing the tier higher reads demand.", names: Words.KeySet([]))
        #expect(reading.phrase(Words.key("demand"))?.hasSuffix("demand") == true)
        #expect(reading.phrase(Words.key("pricing"))?.hasPrefix("Pricing") != true, "not as the opening writes it")
        #expect(reading.phrase(Words.key("absent")) == nil)
    }

    @Test("a reading keeps the message's own text, not a copy of what it argues")
    func keepsTheText() {
        let text = "Dana, to your point: pricing the tier higher reads demand, and that is what we need to learn."
        let reading = Reading(text, names: Words.KeySet([]))
        func storage(_ text: String) -> UnsafeRawPointer? {
            var text = text
            return text.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        #expect(storage(reading.text) == storage(text))
    }
}
