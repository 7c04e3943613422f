import Testing
@testable import ParleyCore

@Suite("Words")
struct WordsTests {
    @Test("content words drop stopwords, short words and names, and fold plurals")
    func content() {
        #expect(Words.content(in: "The users' teams and the team's users churn", excluding: ["churn"]) == ["user", "team", "team", "user"])
        #expect(Words.content(in: "It does work") == ["work"])
    }

    @Test("overlap of shingles: 1 for a repeat, 0 for unrelated text")
    func overlap() {
        let a = Words.shingles(in: "we should ship a narrow slice behind a flag")
        #expect(Words.overlap(a, Words.shingles(in: "As I said: we should ship a narrow slice behind a flag")) == 1)
        #expect(Words.overlap(a, Words.shingles(in: "pricing tiers give a clean read on demand")) == 0)
    }

    @Test("sentences split after . ! ? and at newlines")
    func sentences() {
        #expect("One. Two? Three!\nFour $1.2M five".sentences == ["One.", "Two?", "Three!", "Four $1.2M five"])
    }
}

@Suite("Word keys")
struct WordKeysTests {
    @Test("keys are the content words' keys, in order, for ASCII and other text alike")
    func keysMatchContent() {
        for text in [
            "The users' teams and the team's users churn; it doesn't scale, says Priya.",
            "Forty percent of churned teams named real-time collaboration — the café's menus, 世界!",
        ] {
            #expect(Words.keys(in: text) == Words.content(in: text).map(Words.key))
        }
        #expect(Words.keys(in: "Priya's churn", excluding: Words.KeySet([Words.key("priya")])) == [Words.key("churn")])
        #expect(Words.key("Users") == Words.key("user"))
    }

    @Test("the scans that stop early agree with the whole scans, for ASCII and other text alike", arguments: [
        "Users' teams churn, but the café's menus don't.", "The users' teams churn, however slowly.",
    ])
    func earlyScans(text: String) {
        let content = Words.content(in: text)
        #expect(content.count >= 4)
        for (index, word) in content.enumerated() {
            let first = content[..<index].first { Words.key($0) == Words.key(word) } ?? word
            #expect(Words.firstContentWord(withKey: Words.key(word), in: text) == first)
        }
        #expect(Words.firstContentWord(withKey: Words.key("absent"), in: text) == nil)
        for count in 0...(content.count + 1) {
            #expect(Words.hasContentWords(count, in: text) == (content.count >= count), "\(count)")
        }
        let cues = Words.KeySet(["but", "however"].map(Words.key))
        #expect(Words.containsAny(of: cues, in: text) == Words.all(in: text).contains { ["but", "however"].contains($0) })
        #expect(Words.containsAny(of: cues, in: text))
        #expect(!Words.containsAny(of: Words.KeySet([Words.key("absent")]), in: text))
    }
}

@Suite("Key sets")
struct KeySetTests {
    @Test("holds exactly the keys it was made of, zero and collisions included")
    func membership() {
        let keys: [Words.Key] = [0, 1, 16, 32, 48, 0xFFFF_FFFF_FFFF_FFFF, Words.key("churn"), 17]
        let set = Words.KeySet(keys + keys)
        #expect(set.count == keys.count - 1, "0 and 1 share a slot value; duplicates count once")
        for key in keys { #expect(set.contains(key)) }
        for key: Words.Key in [2, 33, 64, Words.key("pricing")] { #expect(!set.contains(key)) }
        #expect(!Words.KeySet([]).contains(5))
    }
}

@Suite("Cutting text to fit")
struct WordsCutTests {
    @Test("a cut ends at a sentence or a word, never inside a word, and says it cut")
    func neverMidWord() {
        let text = "The tradeoff I can accept is delaying the mobile redesign by one quarter to staff feature X, because churn costs more."
        for limit in stride(from: 10, through: text.count - 1, by: 7) {
            let cut = Words.cut(text, to: limit)
            #expect(cut.count <= limit, "\(limit): \(cut)")
            let kept = cut.hasSuffix("…") ? String(cut.dropLast()) : cut
            #expect(text.hasPrefix(kept))
            let next = text[text.index(text.startIndex, offsetBy: kept.count)...].first
            #expect(next == nil || next == " " || next == ",", "\(limit): cut inside a word: \(cut)")
        }
        #expect(Words.cut("Short.", to: 40) == "Short.")
        #expect(Words.cut("One sentence here. Another sentence that is long.", to: 30) == "One sentence here.")
    }
}
