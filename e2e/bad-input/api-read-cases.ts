import type { ApiCase, Category, CorpusTargets } from "./cases";

// Bad query strings and path parameters for the REST API's read routes: 400 naming the parameter,
// 404 for a province filter outside the caller's scope and for a path naming nothing the caller may see.
// Unknown query parameters are ignored (caches and proxies add their own), so none is listed here.

function get(path: string, category: Category, status: number, fields: string[] = [], codes: string[] = []): ApiCase {
  return { name: `GET ${path}`, category, method: "GET", path: () => path, status, fields, codes };
}
function getAt(name: string, path: (t: CorpusTargets) => string, category: Category, status: number, fields: string[] = []): ApiCase {
  return { name: `GET ${name}`, category, method: "GET", path, status, fields };
}

export const API_READ_CASES: ApiCase[] = [
  get("/api/v1/centres?page=0", "ranges", 400, ["page"], ["tooSmall"]),
  get("/api/v1/centres?page=-1", "ranges", 400, ["page"]),
  get("/api/v1/centres?page=1.5", "ranges", 400, ["page"], ["integer"]),
  get("/api/v1/centres?page=1e309", "ranges", 400, ["page"], ["number"]),
  get("/api/v1/centres?page=1000001", "ranges", 400, ["page"], ["tooBig"]),
  get("/api/v1/centres?page=0x10", "ranges", 400, ["page"], ["number"]),
  get("/api/v1/centres?pageSize=0", "ranges", 400, ["pageSize"]),
  get("/api/v1/centres?pageSize=201", "ranges", 400, ["pageSize"], ["tooBig"]),
  get("/api/v1/centres?pageSize=9007199254740993", "ranges", 400, ["pageSize"]),
  get("/api/v1/centres?pageSize=all", "types", 400, ["pageSize"], ["number"]),
  get("/api/v1/flags?page=NaN", "types", 400, ["page"]),
  get("/api/v1/flags?pageSize=Infinity", "ranges", 400, ["pageSize"]),
  get("/api/v1/centres?status=OPERATIONAL", "enumCase", 400, ["status"], ["invalid"]),
  get("/api/v1/centres?status=Under_Construction", "enumCase", 400, ["status"]),
  get("/api/v1/centres?tag=LARGE_MODELS", "enumCase", 400, ["tag"]),
  get("/api/v1/centres?flag=ANY", "enumCase", 400, ["flag"]),
  get("/api/v1/flags?severity=RED", "enumCase", 400, ["severity"]),
  get("/api/v1/flags?show=OPEN", "enumCase", 400, ["show"]),
  get("/api/v1/flags?code=Duplicate_Construction", "enumCase", 400, ["code"]),
  get("/api/v1/centres?status=operational%27%20OR%201%3D1%20--", "injection", 400, ["status"]),
  get("/api/v1/centres?tag=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "injection", 400, ["tag"]),
  get("/api/v1/centres?city=330100%3B%20DROP%20TABLE%20centres", "injection", 400, ["city"], ["cityCode"]),
  get("/api/v1/centres?flag=__proto__", "injection", 400, ["flag"]),
  get("/api/v1/centres?province=330000%20OR%201%3D1", "injection", 400, ["province"], ["provinceCode"]),
  get("/api/v1/flags?code=..%2F..%2Fetc%2Fpasswd", "injection", 400, ["code"]),
  get("/api/v1/reporting?period=2026-Q3%27%20OR%20%271%27%3D%271", "injection", 400, ["period"]),
  get("/api/v1/centres?asOf=2026-09-30%3BDROP%20TABLE%20audit_log", "injection", 400, ["asOf"], ["date"]),
  get("/api/v1/centres?city=330000", "ids", 400, ["city"], ["cityCode"]),
  get("/api/v1/centres?city=3301", "ids", 400, ["city"]),
  get("/api/v1/centres?province=33000", "ids", 400, ["province"], ["provinceCode"]),
  get("/api/v1/centres?province=990000", "ids", 400, ["province"], ["provinceUnknown"]),
  get("/api/v1/flags?province=abcdef", "ids", 400, ["province"]),
  get("/api/v1/reporting?province=990000", "ids", 400, ["province"], ["provinceUnknown"]),
  get("/api/v1/centres?province=%EF%BC%93%EF%BC%93%EF%BC%90%EF%BC%90%EF%BC%90%EF%BC%90", "encodings", 400, ["province"]),
  get("/api/v1/centres?status=operational%00", "encodings", 400, ["status"]),
  get("/api/v1/centres?tag=large_models%CC%81", "encodings", 400, ["tag"]),
  get("/api/v1/centres?status=%E2%80%AEoperational", "encodings", 400, ["status"]),
  get("/api/v1/centres?asOf=2026-02-30", "dates", 400, ["asOf"], ["date"]),
  get("/api/v1/centres?asOf=0000-01-01", "dates", 400, ["asOf"]),
  get("/api/v1/centres?asOf=yesterday", "dates", 400, ["asOf"], ["date"]),
  get("/api/v1/centres?asOf=2099-01-01", "dates", 400, ["asOf"], ["asOfNotPast"]),
  get("/api/v1/centres?asOf=2026-09-30T00:00:00Z", "dates", 400, ["asOf"], ["date"]),
  get("/api/v1/flags?asOf=2020-01-01", "dates", 400, ["asOf"], ["asOfBeforeReporting"]),
  // A past day that is not the close of an ended period: only the picker's closes are computed.
  get("/api/v1/provinces?asOf=2026-09-15", "dates", 400, ["asOf"], ["asOfNotClose"]),
  get("/api/v1/provinces?asOf=2026%2F09%2F30", "dates", 400, ["asOf"]),
  get("/api/v1/provinces/330000?asOf=30-09-2026", "dates", 400, ["asOf"]),
  get("/api/v1/reporting?period=2026-Q5", "periods", 400, ["period"], ["periodUnknown"]),
  get("/api/v1/reporting?period=2026-13", "periods", 400, ["period"]),
  get("/api/v1/reporting?period=2026-q3", "periods", 400, ["period"]),
  get("/api/v1/reporting?period=2099-Q1", "periods", 400, ["period"]),
  get("/api/v1/reporting?period=2020-Q1", "periods", 400, ["period"]),
  get(`/api/v1/reporting?period=${"2026-Q3".repeat(4)}`, "lengths", 400, ["period"]),
  get("/api/v1/provinces/33000", "ids", 404),
  get("/api/v1/provinces/abcdef", "ids", 404),
  get("/api/v1/provinces/990000", "ids", 404),
  get("/api/v1/provinces/330000%00", "ids", 404),
  get("/api/v1/provinces/..%2F..%2Fetc%2Fpasswd", "injection", 404),
  get("/api/v1/centres/not-a-uuid", "ids", 404),
  get("/api/v1/centres/00000000-0000-0000-0000-000000000000", "ids", 404),
  get("/api/v1/centres/1%20OR%201%3D1", "injection", 404),
  getAt("/api/v1/centres/{id} with a UUID in capitals", (t) => `/api/v1/centres/${t.centreId.toUpperCase()}`, "ids", 404),
  getAt("/api/v1/centres/{id}?asOf=2026-02-29", (t) => `/api/v1/centres/${t.centreId}?asOf=2026-02-29`, "dates", 400, ["asOf"]),
  // Another province: not found in the list filters and as a path (404).
  { ...get("/api/v1/centres?province=440000", "ids", 404), as: "staff" },
  { ...get("/api/v1/reporting?province=110000", "ids", 404), as: "staff" },
  { ...getAt("/api/v1/centres/{Guangdong centre} as Zhejiang staff", (t) => `/api/v1/centres/${t.gdCentreId}`, "ids", 404), as: "staff" },
  { ...get("/api/v1/provinces/440000", "ids", 404), as: "staff" },
];
