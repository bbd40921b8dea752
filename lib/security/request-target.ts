/**
 * Whether a request target (`/path?query`) is valid percent-encoding of UTF-8. Next.js answers a path
 * it cannot decode (`/centres/%ZZ`) with a bare 500 before the proxy runs, so such requests are refused
 * with a 400 in front of it (scripts/serve.ts). A literal `%` in a real address is always sent as `%25`.
 */
export function isDecodableTarget(target: string): boolean {
  try {
    decodeURIComponent(target);
    return true;
  } catch {
    return false;
  }
}
