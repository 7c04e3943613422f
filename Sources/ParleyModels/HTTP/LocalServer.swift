/// The local OpenAI-compatible servers Parley knows by the port they listen on by default, for
/// saying which one to start when nothing answers there.
enum LocalServer: Sendable, Hashable {
    /// Ollama: 11434.
    case ollama
    /// llama.cpp's llama-server: 8080 (its default), or 8571.
    case llamaServer
    /// vLLM: 8000.
    case vllm
    /// LM Studio: 1234.
    case lmStudio

    /// The server that usually listens on `port`, if one does.
    init?(port: Int) {
        switch port {
        case 11434: self = .ollama
        case 8080, 8571: self = .llamaServer
        case 8000: self = .vllm
        case 1234: self = .lmStudio
        default: return nil
        }
    }

    /// What to say when nothing answers on `port`.
    func startAdvice(port: Int) -> String {
        switch self {
        case .ollama: "is Ollama running? start it with `ollama serve`"
        case .llamaServer: "is llama.cpp's llama-server running? start it with `llama-server -m MODEL.gguf --port \(port)`"
        case .vllm: "is vLLM running? start it with `vllm serve MODEL --port \(port)`"
        case .lmStudio: "is LM Studio's server running? start it in LM Studio's Developer tab, or with `lms server start`"
        }
    }
}
