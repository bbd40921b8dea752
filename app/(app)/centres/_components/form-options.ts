import { getDb } from "@/db/client";
import { listTargets } from "@/db/targets";
import { citiesOfProvince } from "@/lib/domain/cities";

/** Choices for a centre form: the province's cities and the targets a centre there may contribute to. */
export function centreFormOptions(provinceCode: string) {
  return {
    cities: citiesOfProvince(provinceCode).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
    targets: listTargets(getDb(), provinceCode).map((target) => ({ value: target.id, label: target.title })),
  };
}
