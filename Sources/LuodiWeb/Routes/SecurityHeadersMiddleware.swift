import Vapor

/// Security headers on every response: a Content Security Policy with no script at all and
/// styles only from the site's stylesheet, no framing, no MIME sniffing, no referrer to other
/// sites (OWASP Secure Headers Project recommendations).
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = response.headers
        var headers = h
        if !h.contains(name: "Content-Security-Policy") { headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.contentSecurityPolicy) }
        headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        response.headers = headers
        return response
    }
}
