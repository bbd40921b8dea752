import "server-only";
import type { Db } from "@/db/client";
import { listTargets } from "@/db/targets";
import { citiesOfProvince } from "@/lib/domain/cities";

/** Choices for a centre form: the province's cities and the targets a centre there may contribute to. */
export function centreFormOptions(db: Db, provinceCode: string) {
  return {
    cities: citiesOfProvince(provinceCode).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    targets: listTargets(db, provinceCode).map((target) => ({ value: target.id, label: target.title })),
  };
}
