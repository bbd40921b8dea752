import { expect, test } from "./fixtures";
import { API_READ_CASES } from "./bad-input/api-read-cases";
import { API_WRITE_CASES } from "./bad-input/api-write-cases";
import type { ApiCase, CorpusTargets } from "./bad-input/cases";
import { checkProblem, corpusState, createActors, createTargets, sendCase, type Actors } from "./bad-input/corpus";

// The REST API's half of the bad-input corpus (issue 8): every case gets its 4xx problem naming the
// field at fault, never a 5xx, and leaves the database exactly as it was. The cases are data (see
// e2e/bad-input/*-cases.ts); each worker makes its own accounts and target centres once.

let setup: Promise<{ actors: Actors; targets: CorpusTargets }> | undefined;

const ALL = [...API_WRITE_CASES, ...API_READ_CASES];
const CHUNKS = 10;

test("the corpus has no two cases with the same name", () => {
  const names = ALL.map((c) => c.name);
  expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
});

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const cases: ApiCase[] = ALL.filter((_, i) => i % CHUNKS === chunk);
  test(`bad input to the REST API, part ${chunk + 1} of ${CHUNKS}: ${cases.length} cases, each refused with its problem and nothing written`, async ({ request }) => {
    test.setTimeout(300_000);
    setup ??= (async () => {
      const actors = createActors();
      return { actors, targets: await createTargets(request, actors) };
    })();
    const { actors, targets } = await setup;
    let before = corpusState(actors, targets);
    for (const c of cases) {
      const started = Date.now();
      const response = await sendCase(request, c, targets, actors);
      if (process.env.CORPUS_TIMING) console.log(`${Date.now() - started} ms ${c.name}`);
      expect.soft(response.status(), `${c.name}: never a 5xx`).toBeLessThan(500);
      await checkProblem(response, c);
      const after = corpusState(actors, targets);
      expect.soft(after, `${c.name}: the database is unchanged`).toEqual(before);
      before = after;
    }
  });
}
