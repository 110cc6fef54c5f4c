import { describe, expect, it } from "vitest";
import { domainListInput, parseDomainListParams } from "@/lib/schemas/domain-list";

describe("domain list URL parameters (issue 14)", () => {
  it("reads every control from the URL", () => {
    const p = parseDomainListParams(
      new URLSearchParams(
        "q=%20søbakke%20&match=contains&state=ACTIVE&state=SUSPENDED&renewal=AUTO_EXPIRE&management=REGISTRANT&expires=60&from=2026-01-01&to=2026-12-31&registrant=jca1-dk&sort=expiry&dir=desc&size=100&cursor=abc_-1",
      ),
    );
    expect(domainListInput(p)).toEqual({
      search: "søbakke",
      match: "contains",
      states: ["ACTIVE", "SUSPENDED"],
      renewalPolicy: "AUTO_EXPIRE",
      managementModel: "REGISTRANT",
      expiresWithin: 60,
      expiresFrom: "2026-01-01",
      expiresTo: "2026-12-31",
      registrant: "JCA1-DK",
      sort: "expiry",
      direction: "desc",
      limit: 100,
      cursor: "abc_-1",
    });
  });

  it("drops what is not one of the choices: defaults apply, never an error", () => {
    const p = parseDomainListParams({
      q: ["", "x"],
      match: "regex",
      state: "DELETED,HELD",
      renewal: "x",
      expires: "45",
      from: "2026-02-30",
      sort: "price",
      dir: "up",
      size: "1000",
      cursor: "not a cursor!",
    });
    expect(domainListInput(p)).toMatchObject({
      search: undefined,
      match: undefined,
      states: ["HELD"],
      renewalPolicy: undefined,
      expiresWithin: undefined,
      expiresFrom: undefined,
      sort: undefined,
      direction: undefined,
      limit: 25,
      cursor: null,
    });
    expect(domainListInput(parseDomainListParams({})).states).toBeUndefined();
  });
});
