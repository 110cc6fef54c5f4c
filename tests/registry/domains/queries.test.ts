import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countDomains,
  type DomainListRow,
  domainListTuning,
  type DomainSort,
  exportDomainsCsv,
  getDomain,
  type ListDomainsInput,
  listDomains,
  type SortDirection,
} from "@/lib/registry/domains";
import { addDays, localDateOf } from "@/lib/registry/rules";
import { type Registry, openRegistry } from "../support";

let r: Registry;
beforeAll(async () => {
  r = await openRegistry();
});
afterAll(async () => r?.close());

const viewer = () => r.ctx(r.user(["PROXY"]));
const other = () => r.ctx(r.user(["PROXY"], "other"));

/** Every row of the list, page by page forward; returns the pages too. */
async function walk(ctx: ReturnType<typeof viewer>, input: ListDomainsInput) {
  const pages: { rows: DomainListRow[]; next: string | null; prev: string | null }[] = [];
  let cursor: string | null = null;
  do {
    const page = await listDomains(ctx, { ...input, cursor });
    pages.push({ rows: page.domains, next: page.nextCursor, prev: page.prevCursor });
    cursor = page.nextCursor;
  } while (cursor);
  return { rows: pages.flatMap((p) => p.rows), pages };
}

async function liveDemoCount() {
  return r.prisma.domain.count({ where: { registrarId: r.demoId, liveName: { not: null } } });
}

describe("getDomain", () => {
  it("gets a domain by U-label or A-label with its name servers in order", async () => {
    const byU = await getDomain(viewer(), { name: "SØBAKKE.dk" });
    const byA = await getDomain(viewer(), { name: byU.name });
    expect(byA).toEqual(byU);
    expect(byU).toMatchObject({
      uLabel: "søbakke.dk",
      registrant: "MN2-DK",
      nameServers: ["ns1.dns-provider.net", "ns2.dns-provider.net"],
    });
  });
});

describe("listDomains: search (issue 14)", () => {
  it("finds søbakke.dk by U-label or A-label, any case, by prefix", async () => {
    for (const search of ["søbakke", "SØBAKKE", "xn--sbakke-bya", "XN--SBAKKE-BYA.DK", "søb"]) {
      const page = await listDomains(viewer(), { search });
      expect(page.domains.map((d) => d.uLabel), search).toEqual(["søbakke.dk"]);
      expect(page.total).toBe(1);
    }
  });

  it("contains matches inside the name; prefix does not; LIKE wildcards are literal", async () => {
    const contains = await listDomains(viewer(), { search: "cykler", match: "contains" });
    // Other Registrar's other-cykler.dk is never listed
    expect(contains.domains.map((d) => d.uLabel)).toEqual(["ærø-cykler.dk"]);
    expect(
      (await listDomains(viewer(), { search: "sbakke-bya", match: "contains" })).domains.map(
        (d) => d.uLabel,
      ),
    ).toEqual(["søbakke.dk"]);
    expect((await listDomains(viewer(), { search: "cykler" })).domains).toEqual([]);
    expect((await listDomains(viewer(), { search: "%", match: "contains" })).total).toBe(0);
    expect((await listDomains(viewer(), { search: "_", match: "contains" })).total).toBe(0);
  });
});

describe("listDomains: filters (issue 14)", () => {
  it("state, renewal policy, management model, registrant", async () => {
    const suspended = await listDomains(viewer(), { states: ["SUSPENDED"] });
    expect(suspended.domains.map((d) => d.name).sort()).toEqual([
      "opsagt-demo.dk",
      "udloebet-1.dk",
      "udloebet-2.dk",
      "udloebet-3.dk",
    ]);
    expect(suspended.total).toBe(4);
    const held = await listDomains(viewer(), { states: ["HELD"] });
    expect(held.domains.map((d) => d.name)).toEqual(["afventer-accept.dk", "ny-kunde.dk"]);
    const registrant = await listDomains(viewer(), { managementModel: "REGISTRANT" });
    expect(registrant.domains.map((d) => d.name)).toEqual(["bk-fremad.dk", "sorensen-familie.dk"]);
    const expire = await walk(viewer(), { renewalPolicy: "AUTO_EXPIRE", limit: 100 });
    expect(expire.rows.length).toBeGreaterThan(3);
    expect(expire.rows.every((d) => d.renewalPolicy === "AUTO_EXPIRE")).toBe(true);
    const kk6 = await listDomains(viewer(), { registrant: "kk6-dk", limit: 100 });
    expect(kk6.domains.length).toBeGreaterThan(0);
    expect(kk6.domains.every((d) => d.registrant === "KK6-DK")).toBe(true);
    expect((await listDomains(viewer(), { registrant: "NOPE-DK" })).total).toBe(0);
  });

  it("expires within 30/60/90 days is today … today + N; a date range narrows it", async () => {
    const today = localDateOf(r.clock.now());
    for (const days of [30, 60, 90]) {
      const within = await walk(viewer(), { expiresWithin: days, limit: 100 });
      const range = await walk(viewer(), {
        expiresFrom: today,
        expiresTo: addDays(today, days),
        limit: 100,
      });
      expect(within.rows).toEqual(range.rows);
      expect(
        within.rows.every((d) => d.exDate! >= today && d.exDate! <= addDays(today, days)),
      ).toBe(true);
    }
    const soon = await listDomains(viewer(), { expiresWithin: 30 });
    expect(soon.domains.map((d) => d.name)).toContain("udloeber-1.dk");
    const narrowed = await listDomains(viewer(), {
      expiresWithin: 90,
      expiresFrom: addDays(today, 200),
    });
    expect(narrowed.total).toBe(0);
    await expect(listDomains(viewer(), { expiresFrom: "2026-02-30" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

describe("listDomains: sorting and keyset pages both ways (issue 14)", () => {
  const sorts: [DomainSort, SortDirection][] = [
    ["name", "asc"],
    ["name", "desc"],
    ["expiry", "asc"],
    ["expiry", "desc"],
    ["created", "asc"],
    ["created", "desc"],
  ];

  it.each(sorts)("sort %s %s: the index walk (large results) reads the same pages", async (sort, direction) => {
    const sorted = await walk(viewer(), { sort, direction, limit: 7 });
    domainListTuning.materializeUpTo = -1;
    try {
      const walked = await walk(viewer(), { sort, direction, limit: 7 });
      expect(walked.pages).toEqual(sorted.pages);
      const searched = await walk(viewer(), { sort, direction, limit: 3, search: "u" });
      domainListTuning.materializeUpTo = 5_000;
      expect((await walk(viewer(), { sort, direction, limit: 3, search: "u" })).pages).toEqual(
        searched.pages,
      );
    } finally {
      domainListTuning.materializeUpTo = 5_000;
    }
  });

  it.each(sorts)("sort %s %s: every live domain once, in order, undated last", async (sort, direction) => {
    const { rows } = await walk(viewer(), { sort, direction, limit: 7 });
    expect(rows.length).toBe(await liveDemoCount());
    expect(new Set(rows.map((d) => d.id)).size).toBe(rows.length);
    const key = (d: DomainListRow) =>
      sort === "expiry" ? d.exDate : sort === "created" ? (d.crDate?.toISOString() ?? null) : d.uLabel;
    const dated = rows.filter((d) => key(d) !== null);
    const undated = rows.filter((d) => key(d) === null);
    // the undated (HELD: no exDate, no crDate) come after every dated row
    expect(rows.slice(dated.length)).toEqual(undated);
    for (let i = 1; i < dated.length; i++) {
      const a = key(dated[i - 1]!)!;
      const b = key(dated[i]!)!;
      if (sort !== "name") expect(direction === "asc" ? a <= b : a >= b).toBe(true);
    }
    if (sort === "name") {
      const names = rows.map((d) => d.uLabel);
      const asc = (await walk(viewer(), { sort, direction: "asc", limit: 100 })).rows.map(
        (d) => d.uLabel,
      );
      expect(names).toEqual(direction === "asc" ? asc : [...asc].reverse());
    }
  });

  it.each(sorts)("sort %s %s: Previous walks back through the same pages", async (sort, direction) => {
    const { pages } = await walk(viewer(), { sort, direction, limit: 7 });
    expect(pages.length).toBeGreaterThan(3);
    expect(pages[0]!.prev).toBeNull();
    expect(pages.at(-1)!.next).toBeNull();
    // from the last page back to the first
    let cursor = pages.at(-1)!.prev;
    for (let i = pages.length - 2; i >= 0; i--) {
      const page = await listDomains(viewer(), { sort, direction, limit: 7, cursor });
      expect(page.domains.map((d) => d.id)).toEqual(pages[i]!.rows.map((d) => d.id));
      expect(page.nextCursor).not.toBeNull();
      cursor = page.prevCursor;
      if (i === 0) expect(cursor).toBeNull();
    }
  });

  it("total counts every page; a cursor of another sort or garbage is refused", async () => {
    const page = await listDomains(viewer(), { limit: 25 });
    expect(page.total).toBe(await liveDemoCount());
    expect(page.domains).toHaveLength(25);
    await expect(
      listDomains(viewer(), { sort: "expiry", cursor: page.nextCursor }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    await expect(listDomains(viewer(), { cursor: "garbage" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });
});

describe("countDomains and the portfolio", () => {
  it("counts what listDomains lists, within the portfolio only", async () => {
    const filter = { expiresFrom: "2026-03-10", expiresTo: "2026-04-09" };
    const all = (await walk(viewer(), { ...filter, limit: 5 })).rows;
    expect(all.length).toBeGreaterThan(5);
    expect(await countDomains(viewer(), filter)).toBe(all.length);
    expect(await countDomains(other(), { search: "udloeber" })).toBe(0);
    const others = await walk(other(), { limit: 100 });
    expect(others.rows.length).toBeGreaterThan(0);
    expect(others.rows.every((d) => d.name.startsWith("other-"))).toBe(true);
    await expect(countDomains(r.ctx(r.user(["ADMINISTRATOR"])))).rejects.toMatchObject({
      code: "NOT_AUTHORIZED",
    });
  });
});

async function readCsv(chunks: AsyncIterable<string>) {
  let text = "";
  let n = 0;
  for await (const chunk of chunks) {
    text += chunk;
    n++;
  }
  return { text, chunks: n };
}

describe("exportDomainsCsv (issue 14)", () => {
  it("is exactly the filtered, sorted list: BOM, header, one row per domain, in batches", async () => {
    const input: ListDomainsInput = { sort: "expiry", direction: "desc", states: ["ACTIVE"] };
    const list = (await walk(viewer(), { ...input, limit: 100 })).rows;
    const { text, chunks } = await readCsv(exportDomainsCsv(viewer(), { ...input, batchSize: 7 }));
    expect(text.startsWith("\uFEFFdomain,a_label,state,expiry_date,")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines.at(-1)).toBe("");
    const rows = lines.slice(1, -1).map((l) => l.split(","));
    expect(rows.map((c) => c[1])).toEqual(list.map((d) => d.name));
    expect(rows.map((c) => c[0])).toEqual(list.map((d) => d.uLabel));
    expect(rows.map((c) => c[3])).toEqual(list.map((d) => d.exDate));
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(list.length / 7));
    expect(text).toContain("ærø-cykler.dk,xn--r-cykler-i0a5p.dk,ACTIVE");
  });

  it("an empty result is the header alone; the permission is checked before any byte", async () => {
    const { text } = await readCsv(exportDomainsCsv(viewer(), { search: "findes-ikke" }));
    expect(text).toBe(
      "\uFEFFdomain,a_label,state,expiry_date,renewal_policy,management,registrant,created\r\n",
    );
    expect(() => exportDomainsCsv(r.ctx(r.user(["ADMINISTRATOR"])))).toThrow(
      expect.objectContaining({ code: "NOT_AUTHORIZED" }),
    );
    expect(() => exportDomainsCsv(viewer(), { expiresTo: "nope" })).toThrow(
      expect.objectContaining({ code: "VALIDATION_FAILED" }),
    );
  });

  it("Other Registrar's export has none of Demo's domains", async () => {
    const { text } = await readCsv(exportDomainsCsv(other()));
    const names = text
      .slice(1)
      .split("\r\n")
      .slice(1, -1)
      .map((l) => l.split(",")[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n!.startsWith("other-"))).toBe(true);
  });
});
