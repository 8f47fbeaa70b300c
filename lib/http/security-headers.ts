// Response headers that make the browser refuse what the portal never does: being framed,
// sniffing a JSON answer as HTML, leaking paths in Referer, running scripts it did not send.
// Pure (the proxy builds them per request).

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  "X-Frame-Options": "DENY",
};

/**
 * The pages' policy: scripts only with this response's nonce (Next puts it on its own
 * scripts; 'strict-dynamic' lets those load the chunks they need), styles from the portal
 * plus inline style attributes (charts position with them), everything else same-origin, no
 * framing, no plugins, forms and <base> only to the portal. `dev` adds 'unsafe-eval', which
 * React's development build needs.
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers are data: nothing in them may load or run anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
