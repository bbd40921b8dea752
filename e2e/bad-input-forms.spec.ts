import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test, zh } from "./fixtures";
import type { CorpusTargets } from "./bad-input/cases";
import { corpusState, createActors, createTargets, type Actors } from "./bad-input/corpus";
import { FORM_CASES, type FormCase } from "./bad-input/form-cases";

// The server-action half of the bad-input corpus (issue 8): each form is submitted from a signed-in
// page with its values set in the DOM past the browser's checks; the form comes back with the field's
// message, no error page, and the database is exactly as it was.

let setup: Promise<{ actors: Actors; targets: CorpusTargets }> | undefined;

/** Sets each named control to a value it could never hold from the UI; a name the form lacks is added. */
async function setValues(form: Locator, values: Record<string, string | string[]>): Promise<void> {
  await form.evaluate((element, entries) => {
    const f = element as HTMLFormElement;
    f.noValidate = true;
    for (const control of Array.from(f.querySelectorAll("input, select, textarea"))) {
      for (const attribute of ["required", "maxlength", "minlength", "min", "max", "pattern", "step"]) control.removeAttribute(attribute);
    }
    const add = (name: string, value: string) => {
      const extra = document.createElement("textarea");
      extra.name = name;
      extra.value = value;
      extra.hidden = true;
      f.append(extra);
    };
    for (const [name, raw] of Object.entries(entries)) {
      const list = Array.isArray(raw) ? raw : [raw];
      const controls = Array.from(f.elements).filter((c) => c.tagName !== "BUTTON" && (c as HTMLInputElement).name === name) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
      const checkable = controls.filter((c): c is HTMLInputElement => c instanceof HTMLInputElement && (c.type === "checkbox" || c.type === "radio"));
      if (controls.length === 0) {
        list.forEach((value) => add(name, value));
      } else if (checkable.length > 0) {
        checkable.forEach((c, i) => {
          c.checked = i < list.length;
          if (i < list.length) c.value = list[i]!;
        });
        list.slice(checkable.length).forEach((value) => add(name, value));
      } else {
        const control = controls[0]!;
        if (control instanceof HTMLSelectElement) {
          const option = document.createElement("option");
          option.value = list[0]!;
          option.textContent = "(corpus)";
          control.append(option);
        } else if (control instanceof HTMLInputElement && !["text", "hidden", "password", "search"].includes(control.type)) {
          control.type = "text";
        }
        control.value = list[0]!;
      }
    }
  }, values);
}

async function runCase(page: Page, c: FormCase, t: CorpusTargets, actors: Actors) {
  const before = corpusState(actors, t);
  await page.goto(c.url(t));
  const form = page.locator("form").filter({ has: page.locator(`[name="${c.formWith}"]`) }).first();
  await setValues(form, c.values(t));
  const button = c.submit ? form.locator(`button[name="${c.submit.name}"][value="${c.submit.value}"]`) : form.locator('button[type="submit"]').first();
  await button.click();
  await expect.soft(form, `${c.name}: the form shows why`).toContainText(c.message);
  await expect.soft(page.getByRole("heading", { name: zh.errors.unexpectedTitle }), `${c.name}: no error page`).toHaveCount(0);
  expect.soft(corpusState(actors, t), `${c.name}: the database is unchanged`).toEqual(before);
}

const GROUPS: { label: string; as: FormCase["as"]; part: number; parts: number }[] = [
  { label: "staff", as: "staff", part: 0, parts: 3 },
  { label: "staff", as: "staff", part: 1, parts: 3 },
  { label: "staff", as: "staff", part: 2, parts: 3 },
  { label: "a reviewer", as: "reviewer", part: 0, parts: 1 },
  { label: "an administrator", as: "admin", part: 0, parts: 1 },
];

for (const group of GROUPS) {
  const cases = FORM_CASES.filter((c) => c.as === group.as).filter((_, i) => i % group.parts === group.part);
  test(`bad input to the forms of ${group.label} (${cases.length} cases${group.parts > 1 ? `, part ${group.part + 1} of ${group.parts}` : ""}): each refused with its message, nothing written`, async ({ page, request }) => {
    test.setTimeout(240_000);
    setup ??= (async () => {
      const actors = createActors();
      return { actors, targets: await createTargets(request, actors) };
    })();
    const { actors, targets } = await setup;
    await signIn(page, actors[group.as]);
    for (const c of cases) await runCase(page, c, targets, actors);
  });
}
