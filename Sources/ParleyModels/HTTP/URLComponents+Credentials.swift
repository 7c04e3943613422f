import Foundation
import ParleyCore

extension URLComponents {
    /// Where this URL carries a credential, for a message that must not show it: `the user
    /// name and password` (`http://me:pw@host`), `the query` (`?api_key=…`, `?key=…`, or any value
    /// shaped like a key) or `the fragment` (`#…`, never sent to a server, so nothing a base URL
    /// needs); nil when it carries none. A query without credentials (`?api-version=2024-10-21`) is fine.
    public var credentialPart: String? {
        if user != nil || password != nil { return "the user name and password" }
        let items = queryItems ?? []
        if items.contains(where: { CredentialShape.mentionsCredential($0.name) || CredentialShape.looksLikeKey($0.value ?? $0.name) })
            || (percentEncodedQuery.map(CredentialShape.looksLikeKey) ?? false) {
            return "the query"
        }
        if let fragment, !fragment.isEmpty { return "the fragment" }
        return nil
    }
}
