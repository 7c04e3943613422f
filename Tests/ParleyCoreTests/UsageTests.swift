import Foundation
import Testing
@testable import ParleyCore

@Suite("Usage")
struct UsageTests {
    @Test("adding saturates at Int.max instead of trapping")
    func saturatingSum() {
        let huge = Usage(promptTokens: 1 << 62, completionTokens: .max)
        let sum = huge + huge
        #expect(sum.promptTokens == .max && sum.completionTokens == .max)
        #expect(sum.totalTokens == .max)
        var running = Usage(promptTokens: 3, completionTokens: 4)
        running += Usage(promptTokens: 5, completionTokens: 6, cost: 0.5)
        #expect(running == Usage(promptTokens: 8, completionTokens: 10, cost: 0.5))
    }

    @Test("a token count is a whole number from 0 to the limit; others are corrected and say why",
          arguments: [
              ("12", 12, nil), ("-5", 0, "negative"), ("4611686018427387904", Usage.tokenLimit, "more than"),
              ("1e300", Usage.tokenLimit, "more than"), ("2.5", 0, "not a whole number"), ("7.0", 7, nil),
              ("\"12\"", 0, "not a number"),
          ] as [(String, Int, String?)])
    func tokenCount(json: String, tokens: Int, problem: String?) throws {
        let count = try JSONDecoder().decode(TokenCount.self, from: Data(json.utf8))
        #expect(count.checked.tokens == tokens)
        if let problem {
            #expect(count.checked.problem?.contains(problem) == true, "\(json): \(count.checked.problem ?? "no problem")")
        } else {
            #expect(count.checked.problem == nil)
        }
    }

    @Test("a recorded usage out of range is read bounded, so a replay can add it up")
    func recordedUsage() throws {
        let json = #"{"prompt":9223372036854775807,"completion":-40,"cost":0.25}"#
        let usage = try JSONDecoder().decode(Usage.self, from: Data(json.utf8))
        #expect(usage == Usage(promptTokens: Usage.tokenLimit, completionTokens: 0, cost: 0.25))
        let beyond = try JSONDecoder().decode(Usage.self, from: Data(#"{"prompt":1e40,"completion":3}"#.utf8))
        #expect(beyond == Usage(promptTokens: Usage.tokenLimit, completionTokens: 3))
    }
}
