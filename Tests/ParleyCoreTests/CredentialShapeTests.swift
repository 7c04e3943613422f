import ParleyCore
import Testing

@Suite("Credentials told by their look")
struct CredentialShapeTests {
    @Test("keys of well-known shapes and long random tokens look like keys", arguments: [
        "sk-SECRET123", "sk-proj-Xw3vT9qLm2ZpR8sK4nB7yD1cF6hJ0aGe", "sk-ant-api03-abcdefghijklmnop", "ghp_0123456789abcdefABCDEF",
        "AIzaSyD8f7gK2lQ9xZ0pLmNoPqRsTuVwXyZ1234", "AKIAIOSFODNN7EXAMPLE", "0123456789abcdef0123456789abcdef",
        "Q2hhbmdlTWVQbGVhc2UxMjM0NTY3ODkwYWJj", "xK9mP2qL7vN4wR8tY3zB",
    ])
    func keys(_ text: String) {
        #expect(CredentialShape.looksLikeKey(text))
    }

    @Test("words, sentences, URLs, variable names and model names do not", arguments: [
        "claude-sonnet-4-5-20250929", "Qwen2.5-Coder-32B-Instruct-GGUF", "llama3.2", "OPENAI_API_KEY", "http://127.0.0.1:8571/v1",
        "hf.co/bartowski/Llama-3.2-1B-Instruct-GGUF", "Donaudampfschifffahrtsgesellschaft", "Users want it now, 12345678901234567890",
        "text-embedding-3-large", "meta-llama/Llama-3.1-8B-Instruct", "short",
    ])
    func notKeys(_ text: String) {
        #expect(!CredentialShape.looksLikeKey(text))
    }

    @Test("a name that only mentions a credential may hold one, but does not name one")
    func mentions() {
        #expect(CredentialShape.mentionsCredential("apiKeyEnv"))
        #expect(CredentialShape.mentionsCredential("key_file"))
        #expect(!CredentialShape.isCredentialName("apiKeyEnv"))
        #expect(!CredentialShape.mentionsCredential("rounds"))
    }
}
