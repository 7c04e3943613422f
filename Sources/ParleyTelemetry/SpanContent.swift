import ParleyCore

/// Message contents as the GenAI conventions' JSON (`gen_ai.system_instructions`,
/// `gen_ai.input.messages`, `gen_ai.output.messages`), for `--otlp-content` only.
enum SpanContent {
    /// `[{"type":"text","content":…}]`.
    static func instructions(_ system: String) -> String {
        json { w in
            w.array { w in w.object { w in text(system, into: &w) } }
        }
    }

    /// The request: each entry as a message of its role, in the order the model saw them.
    static func input(_ entries: [(role: String, content: String)]) -> String {
        json { w in
            w.array { w in
                for entry in entries {
                    w.object { w in
                        w.field("role", entry.role)
                        w.key("parts")
                        w.array { w in w.object { w in text(entry.content, into: &w) } }
                    }
                }
            }
        }
    }

    /// The answer: one assistant message, its reasoning first when there is any.
    static func output(_ answer: String, reasoning: String?, finish: String) -> String {
        json { w in
            w.array { w in
                w.object { w in
                    w.field("role", "assistant")
                    w.key("parts")
                    w.array { w in
                        if let reasoning, !reasoning.isEmpty {
                            w.object { w in
                                w.field("type", "reasoning")
                                w.field("content", reasoning)
                            }
                        }
                        w.object { w in text(answer, into: &w) }
                    }
                    w.field("finish_reason", finish)
                }
            }
        }
    }

    private static func text(_ content: String, into w: inout JSONWriter) {
        w.field("type", "text")
        w.field("content", content)
    }

    private static func json(_ body: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter(capacity: 512)
        body(&writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
