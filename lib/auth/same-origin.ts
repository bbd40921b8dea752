/**
 * A state-changing request from a browser form must come from this site, as Next checks for server
 * actions: Sec-Fetch-Site when the browser sends it, else Origin against Host. A request with neither
 * header is not a browser's cross-site request (those always carry Origin on POST).
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
