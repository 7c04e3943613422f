import Foundation
import ParleyModels
import Tracing

extension BackendConfig {
    /// A model call's settings as GenAI attributes: its sampling (`gen_ai.request.temperature`,
    /// `max_tokens`, `top_p`, `seed`, `frequency_penalty`, `presence_penalty`, `stop_sequences`)
    /// and the server asked (`server.address`, `server.port`). A scripted persona has neither.
    func describe(into attributes: inout SpanAttributes) {
        let sampling: Sampling
        let baseURL: String
        switch self {
        case .scripted: return
        case .openai(let config): (sampling, baseURL) = (config.sampling, config.baseURL)
        case .anthropic(let config): (sampling, baseURL) = (config.sampling, config.baseURL)
        }
        if let value = sampling.temperature { attributes["gen_ai.request.temperature"] = value }
        if let value = sampling.maxTokens { attributes["gen_ai.request.max_tokens"] = value }
        if let value = sampling.topP { attributes["gen_ai.request.top_p"] = value }
        if let value = sampling.seed { attributes["gen_ai.request.seed"] = value }
        if let value = sampling.frequencyPenalty { attributes["gen_ai.request.frequency_penalty"] = value }
        if let value = sampling.presencePenalty { attributes["gen_ai.request.presence_penalty"] = value }
        if let value = sampling.stop, !value.isEmpty { attributes["gen_ai.request.stop_sequences"] = value }
        if let url = URLComponents(string: baseURL), let host = url.host, !host.isEmpty {
            attributes["server.address"] = host
            attributes["server.port"] = url.port ?? (url.scheme == "https" ? 443 : 80)
        }
    }
}
