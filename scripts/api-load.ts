// What the resilience test and the API benchmark send: the demo staff of three provinces with real API
// tokens, and the bodies of the REST API's write routes (a centre with two milestones, a draft update).
import { createApiToken } from "@/db/api-tokens";
import { createCentre } from "@/db/centres";
import type { Db } from "@/db/client";
import { createMilestone } from "@/db/milestones";
import { writeTransaction } from "@/db/transaction";
import { findCredentialsByEmail } from "@/db/users";
import { chinaToday } from "@/lib/domain/china-time";
import { periodContaining } from "@/lib/domain/periods";

export interface LoadStaff {
  email: string;
  provinceCode: string;
  cityCode: string;
  token: string;
}

const STAFF = [
  { email: "staff.zj@demo.gov.cn", provinceCode: "330000", cityCode: "330100" },
  { email: "staff.gd@demo.gov.cn", provinceCode: "440000", cityCode: "440100" },
  { email: "staff.bj@demo.gov.cn", provinceCode: "110000", cityCode: "110100" },
] as const;

/** A new API token for each demo staff account (the database must hold the demo data set). */
export function createLoadTokens(db: Db, name: string): LoadStaff[] {
  return STAFF.map((s) => {
    const user = findCredentialsByEmail(db, s.email);
    if (!user) throw new Error(`${s.email} is not in the database: seed the demo data set first`);
    return { ...s, token: createApiToken(db, { userId: user.id, name, expiresOn: null }, { label: name }).token };
  });
}

/** The period running today under the quarterly calendar (the three provinces' calendar in the demo). */
export function openQuarter(): string {
  return periodContaining(chinaToday(), "quarterly").code;
}

export function centreBody(staff: Pick<LoadStaff, "provinceCode" | "cityCode">, name: string) {
  return {
    provinceCode: staff.provinceCode,
    cityCode: staff.cityCode,
    name,
    leadInstitution: "韧性测试研究院",
    focusTags: ["large_models"],
    plannedBudgetYuan: 500_000_000,
    startDate: "2026-01-01",
    plannedCompletionDate: "2027-12-31",
    status: "under_construction",
    milestones: [
      { title: "算力平台上线", category: "compute", weight: 2, plannedDate: "2026-06-30", evidenceRequired: false },
      { title: "首批成果转化", category: "planning", weight: 1, plannedDate: "2027-06-30", evidenceRequired: false },
    ],
  };
}

export interface LoadCentre {
  staff: LoadStaff;
  id: string;
  milestoneIds: string[];
}

/**
 * `count` centres (two milestones each) spread over the staff's provinces, written directly in one
 * transaction, for clients to report on without first registering each through the API (whose answer
 * recomputes every flag).
 */
export function createLoadCentres(db: Db, staff: readonly LoadStaff[], count: number, namePrefix: string): LoadCentre[] {
  return writeTransaction(db, () =>
    Array.from({ length: count }, (_, i) => {
      const who = staff[i % staff.length]!;
      const { milestones, ...centre } = centreBody(who, `${namePrefix} ${i}`);
      const id = createCentre(db, { ...centre, leadCreditCode: null, partners: [], targetIds: [] } as Parameters<typeof createCentre>[1], { label: namePrefix });
      const milestoneIds = milestones.map((m) => createMilestone(db, { ...m, centreId: id } as Parameters<typeof createMilestone>[1], { label: namePrefix }));
      return { staff: who, id, milestoneIds };
    }),
  );
}

/** The figures a draft carries (the rest are not reported), and its milestones' progress in milestone order. */
export interface DraftFigures {
  investmentExecutedYuan: number;
  resultsProduced: number;
  convertedSelf: number;
  narrative: string;
  progress: number[];
}

/** Figures that pass the update form's rules for a new centre (no approval to stay above, progress < 100). */
export function draftFigures(random: () => number, tag: string): DraftFigures {
  const produced = 1 + Math.floor(random() * 90);
  return {
    investmentExecutedYuan: 1_000_000 + Math.floor(random() * 300_000_000),
    resultsProduced: produced,
    convertedSelf: Math.floor(random() * (produced + 1)),
    narrative: `韧性测试 ${tag}：资金按合同节点拨付。`,
    progress: [Math.floor(random() * 100), Math.floor(random() * 100)],
  };
}

export function draftBody(milestoneIds: readonly string[], version: number, figures: DraftFigures) {
  return {
    version,
    milestones: milestoneIds.map((id, i) => ({ id, progress: figures.progress[i] ?? 0 })),
    indicators: { investmentExecutedYuan: figures.investmentExecutedYuan, resultsProduced: figures.resultsProduced, convertedSelf: figures.convertedSelf },
    narrative: figures.narrative,
  };
}

/** One JSON request with a bearer token; the parsed body (undefined when not JSON). Network failures throw. */
export async function apiSend(base: string, token: string, method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}

/** A small seeded PRNG (mulberry32), so a run can be repeated with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
