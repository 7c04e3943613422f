import Foundation
import ParleyCore
import Testing

/// The scripted facilitator and personas name topics as a person would: noun phrases said in
/// the debate (`feature X`, `two engineers`), not single stem words (`feature, churn, move`).
@Suite("Scripted phrasing on the built-in demo")
struct ScriptedPhrasingTests {
    /// The topics the demo's text names: in common ground, in what each side weighs, and in the
    /// personas' openings.
    static func topics(in output: String) -> [String] {
        let patterns = [
            #"came back to (.+)\.$"#, #"weighs (.+?): "#, #"building on your point about (.+?):"#,
            #", I see (.+?) differently:"#, #"I agree about (.+?), and"#, #"I hear you on (.+?), but:"#,
        ]
        var topics: [String] = []
        for line in output.split(separator: "\n").map(String.init) {
            for pattern in patterns {
                let regex = try! NSRegularExpression(pattern: pattern)
                let range = NSRange(line.startIndex..., in: line)
                for match in regex.matches(in: line, range: range) {
                    let list = String(line[Range(match.range(at: 1), in: line)!])
                    topics += list.replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
                }
            }
        }
        return topics
    }

    @Test("topics are phrases said in the debate, never stems or verbs, and the old odd phrasings are gone")
    func topicsAreSaid() async throws {
        let output = try await HeadlessPrinterTests.builtInOutput()
        for odd in ["came back to feature, churn, move", "building on your point about feature:", "Sam, on engineer, I agree", "about feature:"] {
            #expect(!output.contains(odd), "no \(odd)")
        }
        // What the personas said: their message lines, without the openings.
        let said = output.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  ▣") }
            .map { line in line.split(separator: ":", maxSplits: 1).last.map(String.init) ?? String(line) }
            .joined(separator: " ").lowercased()
        let topics = Self.topics(in: output)
        #expect(topics.count >= 12, "the demo names topics: \(topics)")
        for topic in topics {
            let pattern = "\\b" + NSRegularExpression.escapedPattern(for: topic.lowercased()) + "\\b"
            #expect(said.range(of: pattern, options: .regularExpression) != nil, "‘\(topic)’ is said in the debate")
            for verb in ["move", "moves", "cuts", "keep", "charge"] {
                #expect(!topic.lowercased().split(separator: " ").contains(Substring(verb)), "‘\(topic)’ is not a verb")
            }
        }
        #expect(topics.contains { $0.contains(" ") }, "some topics are phrases of several words")
    }

    @Test("a phrase around a word: its modifier and nouns, its sentence capital dropped; none where it is a verb")
    func phrases() {
        let cases: [(word: String, text: String, phrase: String?)] = [
            ("feature", "Feature X only pays off if it moves revenue.", "feature X"),
            ("move", "Feature X only pays off if it moves revenue.", nil),
            ("infrastructure", "at a per-seat infrastructure cost.", "per-seat infrastructure cost"),
            ("collaboration", "named missing real-time collaboration as their reason", "real-time collaboration"),
            ("engineer", "That is two engineers for two quarters.", "two engineers"),
            ("sync", "A hosted sync service would cut the build.", "hosted sync service"),
            ("churn", "Either it cuts churn enough to keep revenue.", "churn"),
            ("seat", "it lets us charge more per seat.", "seat"),
        ]
        for (word, text, phrase) in cases {
            #expect(Words.phrase(around: Words.key(word), in: text) == phrase, "\(word) in \(text)")
        }
    }
}

@Suite("Noun phrases end before a verb")
struct PhraseEndTests {
    @Test("a word in -s after the noun ends the phrase: the collaboration tier drops")
    func verbAfterNoun() {
        #expect(Words.phrase(around: Words.key("collaboration"), in: "our margin on the collaboration tier drops unless") == "collaboration tier")
    }
}
