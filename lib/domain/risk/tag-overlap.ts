import type { FocusTag } from "../vocabulary";

export interface Tagged {
  id: string;
  focusTags: readonly FocusTag[];
}

export interface TagOverlap<T extends Tagged> {
  a: T;
  b: T;
  shared: FocusTag[];
  unionSize: number;
  jaccard: number;
}

/** |A ∩ B| ÷ |A ∪ B| over two tag lists (duplicates ignored); 0 when both are empty. */
export function jaccard(a: readonly FocusTag[], b: readonly FocusTag[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  const shared = [...setA].filter((tag) => setB.has(tag)).length;
  const union = setA.size + setB.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Pairs within `members` whose focus-tag Jaccard is at least `minJaccard` (a tolerance of 1e-9 keeps
 * 3/10 ≥ 0.3 true), each pair once, `a` before `b` in input order.
 *
 * Only pairs sharing a tag can have a positive Jaccard, so instead of comparing all n(n−1)/2 pairs
 * we keep an inverted index tag → members seen so far and, for each member, count shared tags with
 * the earlier members found through its own tags. Cost: O(n·T + Σ_tag k_tag²) where T is the tags
 * per member (≤ 12) and k_tag the members carrying that tag; callers run it per city (or per
 * province and lead), so k_tag stays small. Only when one city has many centres all carrying the
 * same tag does it approach n², and then the number of flagged pairs is itself that large.
 * `minJaccard` must be positive: a zero threshold would also match pairs sharing nothing.
 */
export function overlappingPairs<T extends Tagged>(members: readonly T[], minJaccard: number): TagOverlap<T>[] {
  const index = new Map<FocusTag, number[]>();
  const tagSets = members.map((member) => new Set(member.focusTags));
  const result: TagOverlap<T>[] = [];
  for (let i = 0; i < members.length; i++) {
    const tags = tagSets[i]!;
    const sharedCount = new Map<number, number>();
    for (const tag of tags) {
      for (const j of index.get(tag) ?? []) sharedCount.set(j, (sharedCount.get(j) ?? 0) + 1);
    }
    for (const [j, count] of sharedCount) {
      const other = tagSets[j]!;
      const unionSize = other.size + tags.size - count;
      const value = count / unionSize;
      if (value < minJaccard - 1e-9) continue;
      const shared = [...other].filter((tag) => tags.has(tag));
      result.push({ a: members[j]!, b: members[i]!, shared, unionSize, jaccard: value });
    }
    for (const tag of tags) {
      const list = index.get(tag);
      if (list) list.push(i);
      else index.set(tag, [i]);
    }
  }
  return result;
}
