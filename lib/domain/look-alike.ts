// Look-alike centres: the duplicate-construction rule flags pairs; a province page shows the centres
// that pairs link together (A~B, B~C → one group A, B, C), so a reviewer compares them side by side.

import { severityRank, type RiskFlag } from "./risk/types";

export interface LookAlikeGroup {
  /** In the order the flags first name them. */
  centreIds: string[];
  /** The group's duplicate flags, most severe first. */
  flags: RiskFlag[];
}

/** Connected groups of the centre pairs in these duplicate-construction flags (other flags are ignored), most severe group first. */
export function lookAlikeGroups(flags: readonly RiskFlag[]): LookAlikeGroup[] {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const pairs = flags.filter((f) => f.code === "duplicate_construction" && f.subject.kind === "centre_pair");
  const order: string[] = [];
  for (const flag of pairs) {
    for (const id of flag.subject.ids) {
      if (!parent.has(id)) {
        parent.set(id, id);
        order.push(id);
      }
    }
    const [a, b] = flag.subject.ids.map(find);
    if (a !== b) parent.set(b!, a!);
  }
  const groups = new Map<string, LookAlikeGroup>();
  for (const id of order) {
    const root = find(id);
    const group = groups.get(root) ?? { centreIds: [], flags: [] };
    group.centreIds.push(id);
    groups.set(root, group);
  }
  for (const flag of pairs) groups.get(find(flag.subject.ids[0]!))!.flags.push(flag);
  const worst = (g: LookAlikeGroup) => Math.min(...g.flags.map((f) => severityRank(f.severity)));
  for (const g of groups.values()) g.flags.sort((x, y) => severityRank(x.severity) - severityRank(y.severity));
  return [...groups.values()].sort((x, y) => worst(x) - worst(y) || y.centreIds.length - x.centreIds.length);
}
