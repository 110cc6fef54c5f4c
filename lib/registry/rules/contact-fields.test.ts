import { describe, expect, it } from "vitest";
import {
  cleanCvr,
  isValidCvr,
  isValidEan,
  normaliseCountryCode,
  normaliseEmailAddress,
  normalisePhone,
  numbersForType,
} from "./contact-fields";

describe("R-CON-1 contact fields", () => {
  it.each([
    ["25313763", true],
    ["10150817", true],
    ["30071700", true],
    ["12345678", false], // weighted sum 114, not divisible by 11
    ["25313764", false],
    ["05313763", false], // CVR numbers do not start with 0
    ["2531376", false],
    ["253137630", false],
    ["2531376a", false],
  ])("R-CON-1 CVR %s: modulus-11 check → %s", (cvr, valid) => {
    expect(isValidCvr(cvr)).toBe(valid);
  });

  it("R-CON-1 a CVR as typed loses its spaces and DK prefix before the check", () => {
    expect(cleanCvr("DK 2531 3763")).toBe("25313763");
    expect(cleanCvr("dk25313763")).toBe("25313763");
  });

  it.each([
    ["5798000000001", true],
    ["5798009999993", true],
    ["4006381333931", true],
    ["5798000000002", false],
    ["579800000000", false],
    ["57980000000011", false],
    ["579800000000x", false],
  ])("R-CON-1 EAN %s: GS1 check digit → %s", (ean, valid) => {
    expect(isValidEan(ean)).toBe(valid);
  });

  it.each([
    ["+45 12 34 56 78", "DK", "+4512345678"],
    ["12 34 56 78", "DK", "+4512345678"],
    ["+45.33000000", "DK", "+4533000000"], // the EPP notation of older handles
    ["+45 33 00 00 00", "SE", "+4533000000"], // the prefix wins over the contact's country
    ["08-123 456 78", "SE", "+46812345678"],
    ["+1 (202) 555-0143", null, "+12025550143"],
    ["12", "DK", null],
    ["+45 1234", "DK", null],
    ["+45 12 34 56 78 9", "DK", null],
    ["call me", "DK", null],
    ["", "DK", null],
    ["12345678", null, null], // no prefix and no country: unknown
  ])("R-CON-1 phone %s in %s → E.164 %s", (input, country, expected) => {
    expect(normalisePhone(input, country)).toBe(expected);
  });

  it.each([
    ["DK", "DK"],
    [" dk ", "DK"],
    ["se", "SE"],
    ["XX", null],
    ["DNK", null], // alpha-3 is not alpha-2
    ["D", null],
    ["", null],
  ])("R-CON-1 country %s → ISO 3166-1 alpha-2 %s", (input, expected) => {
    expect(normaliseCountryCode(input)).toBe(expected);
  });

  it.each([
    [" Kontakt@Firma.DK ", "kontakt@firma.dk"],
    ["a@b.dk", "a@b.dk"],
    ["no-at.dk", null],
    ["a@b", null],
    ["a b@c.dk", null],
    [`${"a".repeat(250)}@b.dk`, null],
  ])("R-CON-1 email %s → %s (users' rule)", (input, expected) => {
    expect(normaliseEmailAddress(input)).toBe(expected);
  });

  it("R-CON-1 which number a type carries: CVR for Danish companies, EAN for public organisations", () => {
    expect(numbersForType("COMPANY", "DK")).toEqual({ cvr: "required", ean: "none" });
    expect(numbersForType("COMPANY", "SE")).toEqual({ cvr: "optional", ean: "none" });
    expect(numbersForType("PERSON", "DK")).toEqual({ cvr: "none", ean: "none" });
    expect(numbersForType("ASSOCIATION", "DK")).toEqual({ cvr: "optional", ean: "none" });
    expect(numbersForType("PUBLIC_ORGANIZATION", "DK")).toEqual({
      cvr: "optional",
      ean: "required",
    });
  });
});
