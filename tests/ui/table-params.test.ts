import { parseAsString, parseAsStringLiteral } from "nuqs/server";
import { describe, expect, it } from "vitest";
import {
  ariaSort,
  defineTable,
  hasActiveFilters,
  pagePatch,
  pageRequest,
  resetPagePatch,
  sortPatch,
} from "@/components/ui/data-table/table-params";

// Issue 12, design system: a DataTable's sorting, filters and keyset pagination live in the URL;
// the server page parses the same params as the client table.

const domains = defineTable({
  sort: ["name", "expires"],
  defaultSort: "name",
  filters: {
    q: parseAsString.withDefault(""),
    state: parseAsStringLiteral(["ACTIVE", "SUSPENDED"] as const),
  },
});

describe("URL state parsers", () => {
  it("defaults: sorted by the default column ascending, 25 rows, first page, no filters", async () => {
    expect(await domains.load(Promise.resolve({}))).toEqual({
      sort: "name",
      dir: "asc",
      size: 25,
      after: null,
      before: null,
      q: "",
      state: null,
    });
  });

  it("reads a page's searchParams (object or Promise), a URL and URLSearchParams alike", async () => {
    const params = {
      sort: "expires",
      dir: "desc",
      size: "100",
      after: "abc",
      q: "shop",
      state: "ACTIVE",
    };
    const expected = {
      sort: "expires",
      dir: "desc",
      size: 100,
      after: "abc",
      before: null,
      q: "shop",
      state: "ACTIVE",
    };
    expect(domains.load(params)).toEqual(expected);
    expect(await domains.load(Promise.resolve(params))).toEqual(expected);
    expect(domains.load(new URLSearchParams(params))).toEqual(expected);
    expect(
      domains.load(new URL(`https://portal.test/domains?${new URLSearchParams(params)}`)),
    ).toEqual(expected);
  });

  it("anything not allowed falls back to the default: unknown sort column, direction, page size, filter value", () => {
    expect(
      domains.load({ sort: "registrant", dir: "sideways", size: "30", state: "DELETED" }),
    ).toMatchObject({
      sort: "name",
      dir: "asc",
      size: 25,
      state: null,
    });
    expect(domains.load({ size: "50" }).size).toBe(50);
  });

  it("serializes a link to a state of the table, leaving defaults out", () => {
    expect(domains.serialize("/domains", { sort: "expires", dir: "desc", state: "ACTIVE" })).toBe(
      "/domains?state=ACTIVE&sort=expires&dir=desc",
    );
    expect(domains.serialize("/domains", { sort: "name", size: 25 })).toBe("/domains");
  });

  it("knows its filter keys and sortable columns", () => {
    expect(domains.filterKeys).toEqual(["q", "state"]);
    expect(domains.sortable).toEqual(["name", "expires"]);
  });
});

describe("state transitions", () => {
  it("a header click flips the direction of the sorted column, or sorts another column ascending; back to page one", () => {
    expect(sortPatch({ sort: "name", dir: "asc" }, "name")).toEqual({
      sort: "name",
      dir: "desc",
      after: null,
      before: null,
    });
    expect(sortPatch({ sort: "name", dir: "desc" }, "name")).toEqual({
      sort: "name",
      dir: "asc",
      after: null,
      before: null,
    });
    expect(sortPatch({ sort: "name", dir: "desc" }, "expires")).toEqual({
      sort: "expires",
      dir: "asc",
      after: null,
      before: null,
    });
  });

  it("next and previous set one cursor and clear the other", () => {
    expect(pagePatch("next", "c2")).toEqual({ after: "c2", before: null });
    expect(pagePatch("previous", "c1")).toEqual({ after: null, before: "c1" });
  });

  it("a page size or filter change starts from the first page", () => {
    expect(resetPagePatch({ size: 50 })).toEqual({ size: 50, after: null, before: null });
    expect(resetPagePatch({ q: "shop" })).toEqual({ q: "shop", after: null, before: null });
  });

  it("aria-sort: ascending/descending on the sorted column, none on other sortable ones, absent otherwise", () => {
    const current = { sort: "name", dir: "desc" as const };
    expect(ariaSort("name", true, current)).toBe("descending");
    expect(ariaSort("name", true, { sort: "name", dir: "asc" })).toBe("ascending");
    expect(ariaSort("expires", true, current)).toBe("none");
    expect(ariaSort("state", false, current)).toBeUndefined();
  });

  it("filters count as active unless empty (no results vs. empty state)", () => {
    expect(hasActiveFilters({ q: "", state: null }, domains.filterKeys)).toBe(false);
    expect(hasActiveFilters({ q: "shop", state: null }, domains.filterKeys)).toBe(true);
    expect(hasActiveFilters({ q: "", state: "ACTIVE" }, domains.filterKeys)).toBe(true);
    expect(hasActiveFilters({ tags: [] }, ["tags"])).toBe(false);
    expect(hasActiveFilters({ sort: "expires" }, domains.filterKeys)).toBe(false);
  });

  it("the server's page request: limit, cursor and whether to read backwards", () => {
    const base = { sort: "name", dir: "asc" as const, size: 50 };
    expect(pageRequest({ ...base, after: null, before: null })).toEqual({
      sort: "name",
      dir: "asc",
      limit: 50,
      cursor: null,
      backward: false,
    });
    expect(pageRequest({ ...base, after: "c2", before: null })).toMatchObject({
      cursor: "c2",
      backward: false,
    });
    expect(pageRequest({ ...base, after: null, before: "c1" })).toMatchObject({
      cursor: "c1",
      backward: true,
    });
    expect(pageRequest({ ...base, after: "c2", before: "c1" })).toMatchObject({
      cursor: "c2",
      backward: false,
    });
  });
});
