import { describe, expect, it } from "vitest";
import {
  domainListInput,
  domainsTable,
} from "@/app/(portal)/domains/_components/domains-table-params";

describe("the domain list's URL state (issue 14)", () => {
  it("reads every control from the URL into the core's list input", () => {
    const params = domainsTable.load(
      new URLSearchParams(
        "q=%20søbakke%20&match=contains&state=SUSPENDED&renewal=AUTO_EXPIRE&management=REGISTRANT&expires=60&from=2026-01-01&to=2026-12-31&registrant=jca1-dk&sort=expiry&dir=desc&size=100&after=abc_-1",
      ),
    );
    expect(domainListInput(params)).toEqual({
      search: "søbakke",
      match: "contains",
      states: ["SUSPENDED"],
      renewalPolicy: "AUTO_EXPIRE",
      managementModel: "REGISTRANT",
      expiresWithin: 60,
      expiresFrom: "2026-01-01",
      expiresTo: "2026-12-31",
      registrant: "jca1-dk",
      sort: "expiry",
      direction: "desc",
      limit: 100,
      cursor: "abc_-1",
    });
  });

  it("drops what is not one of the choices: defaults apply, never an error page", () => {
    const params = domainsTable.load(
      new URLSearchParams(
        "match=regex&state=DELETED&renewal=x&expires=45&from=2026-02-30&sort=price&dir=up&size=1000",
      ),
    );
    expect(domainListInput(params)).toEqual({
      search: undefined,
      match: "prefix",
      states: undefined,
      renewalPolicy: undefined,
      managementModel: undefined,
      expiresWithin: undefined,
      expiresFrom: undefined,
      expiresTo: undefined,
      registrant: undefined,
      sort: "name",
      direction: "asc",
      limit: 25,
      cursor: null,
    });
  });

  it("the dashboard's links are the list filtered to exactly its tiles", () => {
    expect(domainsTable.serialize("/domains", { state: "ACTIVE", expires: 30 })).toBe(
      "/domains?state=ACTIVE&expires=30",
    );
    expect(domainsTable.serialize("/domains", { state: "HELD" })).toBe("/domains?state=HELD");
  });
});
