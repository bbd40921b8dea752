import type { ImportRecord } from "./table";
import { cellText } from "./table";
import { provinceCodeOf, type ProvinceName } from "./values";

// Milestone and update rows name their centre by ID, or by name (and province, which a provincial user
// may leave out). Only centres the importer may edit are found: others read as "not found".

export interface CentreRef {
  id: string;
  provinceCode: string;
  name: string;
}

export class CentreDirectory {
  private readonly byId: Map<string, CentreRef>;
  private readonly byName = new Map<string, CentreRef[]>();

  constructor(
    centres: readonly CentreRef[],
    private readonly provinces: readonly ProvinceName[],
    /** The importer's own province, assumed when a row leaves the province blank. */
    private readonly defaultProvince: string | null,
  ) {
    this.byId = new Map(centres.map((c) => [c.id, c]));
    for (const c of centres) this.byName.set(c.name.trim(), [...(this.byName.get(c.name.trim()) ?? []), c]);
  }

  /** The centre a row names, or the column at fault and why. */
  resolve(record: ImportRecord): { centre: CentreRef } | { key: string; reason: string } {
    const id = cellText(record.values.centreId ?? null)?.trim();
    if (id !== undefined) {
      const centre = this.byId.get(id);
      return centre ? { centre } : { key: "centreId", reason: "centreNotFound" };
    }
    const name = cellText(record.values.centreName ?? null)?.trim();
    if (name === undefined) return { key: "centreName", reason: "centreRequired" };
    const provinceCell = record.values.provinceCode ?? null;
    const province = cellText(provinceCell) === null ? this.defaultProvince : provinceCodeOf(provinceCell, this.provinces);
    if (province !== null && !this.provinces.some((p) => p.code === province)) return { key: "provinceCode", reason: "unknownProvince" };
    const named = (this.byName.get(name) ?? []).filter((c) => province === null || c.provinceCode === province);
    if (named.length === 1) return { centre: named[0]! };
    return { key: "centreName", reason: named.length === 0 ? "centreNotFound" : "ambiguousName" };
  }
}
