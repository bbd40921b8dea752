import { describe, expect, it } from "vitest";
import { readCapped, readJsonBody, unknownFields, type KeySpec } from "./write";

// What the API's writes read of a body; the order of the checks around it is tested with a real use
// case in lib/adapters/api.test.ts.

const KEYS: KeySpec = { keys: ["name", "items"], nested: { items: { keys: ["id", "progress"] } } };

describe("unknownFields", () => {
  it("names every unknown field, nested ones too", () => {
    expect(unknownFields({ name: "a", admin: true, items: [{ id: "m", extra: 1 }] }, KEYS).map((p) => p.field)).toEqual(["admin", "items.0.extra"]);
    expect(unknownFields({ name: "a", items: [{ id: "m", progress: 5 }] }, KEYS)).toEqual([]);
  });
});

describe("readJsonBody", () => {
  it("gives the parsed object of a JSON body", async () => {
    const request = new Request("http://test", { method: "POST", body: '{"name":"a"}', headers: { "content-type": "application/json; charset=utf-8" } });
    expect(await readJsonBody(request)).toEqual({ ok: true, value: { name: "a" } });
  });
});

describe("readCapped", () => {
  it("stops reading at the cap even when Content-Length is absent", async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request("http://test", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect(await readCapped(request, 10_000)).toBeUndefined();
  });

  it("refuses a declared length above the cap without reading", async () => {
    const request = new Request("http://test", { method: "POST", body: "{}", headers: { "content-length": "999999999" } });
    expect(await readCapped(request, 1000)).toBeUndefined();
  });
});

