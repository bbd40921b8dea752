// The shape of the bad-input corpus: every case names its target, its payload and the answer it must get.

/** What each case tries; docs/security.md ("The bad-input corpus") counts the corpus by these. */
export const CATEGORIES = [
  "types",
  "missing",
  "ranges",
  "dates",
  "lengths",
  "encodings",
  "injection",
  "unknownFields",
  "contentType",
  "malformedJson",
  "emptyBody",
  "oversized",
  "enumCase",
  "ids",
  "periods",
  "credentials",
  "uploads",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who sends the request: the corpus's own accounts (see actors.ts), or nobody. */
export type Caller = "staff" | "reviewer" | "admin" | "staffGd" | "none";

/** The records the cases aim at, made once per worker before the first case. */
export interface CorpusTargets {
  /** A Zhejiang centre of the corpus's staff with two milestones and a saved draft for `period` (version 1). */
  centreId: string;
  milestoneIds: string[];
  /** A Zhejiang centre whose update for `period` is submitted (version 2), for the review routes. */
  reviewCentreId: string;
  /** A Guangdong demo centre. */
  gdCentreId: string;
  /** The period open today. */
  period: string;
  /** A marker no record's name carries; a case that created one would show. */
  marker: string;
}

export interface ApiCase {
  name: string;
  category: Category;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (t: CorpusTargets) => string;
  /** A value sent as JSON, or a string / bytes sent as they are. */
  body?: (t: CorpusTargets) => unknown;
  /** Defaults to application/json; null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
  as?: Caller;
  status: number;
  /** Fields the problem's `errors` must name (a subset). */
  fields?: string[];
  /** Reason codes the problem must carry, at its top (`code`) or in its errors. */
  codes?: string[];
}

/** A raw body: sent byte for byte, never JSON-encoded. */
export class Raw {
  constructor(readonly bytes: Buffer | string) {}
}
export const raw = (bytes: Buffer | string) => new Raw(bytes);
