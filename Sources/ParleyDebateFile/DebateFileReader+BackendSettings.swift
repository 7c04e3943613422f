import Foundation
import ParleyCore
import ParleyEngine
import ParleyFiles
import ParleyModels
import Yams

/// Backend settings with rules of their own: the URL, the key's variable, headers and prices.
extension DebateFileReader {
    /// `base_url`: an http or https URL up to the API's root (`/v1`), without credentials.
    mutating func baseURL(_ node: Node, at path: FieldPath) -> String? {
        let what = "an http:// or https:// URL like http://127.0.0.1:11434/v1"
        guard let text = text(node, at: path, expecting: what) else { return nil }
        guard let url = URLComponents(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty
        else {
            let host = text.prefix { $0 != ":" && $0 != "/" }.lowercased()
            let local = host == "localhost" || host.hasPrefix("127.") || host.hasPrefix("[") || !host.contains(".")
            let fixed = (local ? "http://" : "https://") + text
            let fixable = !text.contains("://") && URLComponents(string: fixed)?.host?.isEmpty == false
            expected(what, at: node, path: path, suggestion: fixable ? "did you mean \(SourceText.quoted(fixed))?" : nil)
            return nil
        }
        if let part = url.credentialPart {
            report(
                "\(path.name): credentials are never read from a debate file, and this URL carries one in \(part)",
                at: node.position, path: path,
                suggestion: "remove it from the URL and set 'api_key_env' to the name of an environment variable holding the key",
                hiding: node
            )
            return nil
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        var apiPath = url.path
        while apiPath.hasSuffix("/") { apiPath.removeLast() }
        for endpoint in ["/chat/completions", "/completions", "/messages"] where apiPath.hasSuffix(endpoint) {
            var rootURL = url
            rootURL.path = String(apiPath.dropLast(endpoint.count))
            let root = rootURL.string ?? String(base.dropLast(endpoint.count))
            report(
                "\(path.name): base_url is the API's root, not the \(endpoint) endpoint", at: node.position, path: path,
                suggestion: "did you mean \(SourceText.quoted(root))?"
            )
            return nil
        }
        return base
    }

    /// `api_key_env`: the name of an environment variable. Anything else may be a key itself, so it
    /// is neither quoted in the message nor shown in the excerpt.
    mutating func environmentName(_ node: Node, at path: FieldPath) -> String? {
        let name = Self.scalarText(node) ?? ""
        let valid = name.first.map { $0 == "_" || $0.isLetter } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        guard !CredentialShape.looksLikeKey(name) else {
            report(
                "\(path.name): this looks like an API key itself, not the name of an environment variable", at: node.position,
                path: path,
                suggestion: "put the key in an environment variable (export OPENAI_API_KEY=…) and write its name here (api_key_env: OPENAI_API_KEY)",
                hiding: node
            )
            return nil
        }
        guard valid else {
            report(
                "\(path.name): expected the name of an environment variable (letters, digits and _), found something else",
                at: node.position, path: path,
                suggestion: "write the variable's name (like api_key_env: OPENAI_API_KEY) and put the key in that variable",
                hiding: node
            )
            return nil
        }
        return name
    }

    /// `headers`: header names to texts. Headers that carry credentials are refused, since their
    /// values are secrets: those go through `api_key_env`.
    mutating func headers(_ node: Node, at path: FieldPath) -> [String: String]? {
        guard case .mapping(let mapping) = node else {
            expected("a mapping from header names to texts", at: node, path: path)
            return nil
        }
        var headers: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = Self.scalarText(key) else {
                expected("a header name", at: key, path: path)
                continue
            }
            guard !Self.isSecretKey(name) else { continue }  // reported by refuseSecrets(in:)
            let headerPath = path.key(name)
            if ["authorization", "proxy-authorization", "x-api-key"].contains(name.lowercased()) {  // Api-Key is a key's name
                report(
                    "\(headerPath.name): credentials are never read from a debate file", at: key.position, path: headerPath,
                    suggestion: "set 'api_key_env' to the name of an environment variable holding the key; the backend sends it in the right header",
                    hiding: value
                )
                continue
            }
            let token = "!#$%&'*+-.^_`|~"
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || token.contains($0)) }) else {
                report(
                    "\(path.name): \(SourceText.quoted(name)) is not a valid header name", at: key.position, path: headerPath,
                    suggestion: "use letters, digits and - (like X-Title)"
                )
                continue
            }
            guard let text = text(value, at: headerPath, expecting: "a header value (text)", allowEmpty: true) else { continue }
            guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                report(
                    "\(headerPath.name): a header value may not contain line breaks or control characters", at: value.position,
                    path: headerPath
                )
                continue
            }
            headers[name] = text
        }
        return headers
    }

    /// `price`: US dollars per million prompt and completion tokens.
    mutating func price(_ node: Node, at path: FieldPath) -> Price? {
        guard let fields = fields(
            of: node, at: path, expecting: "a price (a mapping with prompt and completion, US dollars per million tokens)",
            keys: ["prompt", "completion"]
        ) else { return nil }
        let amount = "an amount of US dollars per million tokens, 0 or more"
        let prompt = required("prompt", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: amount) { $0 >= 0 }
        }
        let completion = required("completion", in: fields) { reader, node, path in
            reader.number(node, at: path, expecting: amount) { $0 >= 0 }
        }
        guard let prompt, let completion else { return nil }
        return Price(promptPerMillion: prompt, completionPerMillion: completion)
    }
}
