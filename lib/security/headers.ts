// The per-request half of the response headers (proxy.ts); the static ones are in next.config.js.

/**
 * The page's Content-Security-Policy for one request. Scripts run only with this request's nonce
 * (Next reads it from the request's CSP header and puts it on its own scripts); 'strict-dynamic' lets
 * those scripts load the chunks they need (the ECharts client part), so no host list is needed.
 * Styles keep 'unsafe-inline': React renders `style` attributes (tile map, target bars, timeline) and
 * ECharts writes inline styles, and a nonce cannot cover attributes. Development adds 'unsafe-eval',
 * which React uses there to rebuild server error stacks. No upgrade-insecure-requests: a plain-http
 * install on localhost must keep loading its own files, and default-src 'self' already forbids other hosts.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** A fresh nonce: 16 random bytes, base64, unguessable and different on every request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
