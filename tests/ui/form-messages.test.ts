import { describe, expect, it } from "vitest";
import {
  looksLikeCatalogueKey,
  placeActionErrors,
  translateMessage,
  type MessageLookup,
} from "@/components/ui/form-messages";

// Issue 12, design system: the form layer translates messages that are catalogue keys and shows
// other text as it is; a refused action's field errors land at the fields the form shows.

const catalogue: Record<string, string> = {
  "contacts.validation.cvr": "A CVR number has 8 digits.",
  "errors.NOT_FOUND": "Not found, or not in your portfolio.",
};
const lookup: MessageLookup = {
  has: (key) => key in catalogue,
  translate: (key) => catalogue[key]!,
};

describe("the key-translation rule", () => {
  it.each([
    ["contacts.validation.cvr", true],
    ["errors.NOT_FOUND", true],
    ["login.validation.emailRequired", true],
    ["a.b-c.d_e", true],
    ["Enter a valid email address", false],
    ["Saved.", false],
    ["contacts", false],
    ["contacts.", false],
    [".contacts.cvr", false],
    ["Contacts.validation", false],
    ["The code is 123.456", false],
    ["Adgangskoden er forkert.", false],
  ])("%s looks like a key: %s", (message, expected) => {
    expect(looksLikeCatalogueKey(message)).toBe(expected);
  });

  it("translates a key the catalogue has", () => {
    expect(translateMessage("contacts.validation.cvr", lookup)).toBe("A CVR number has 8 digits.");
    expect(translateMessage("errors.NOT_FOUND", lookup)).toBe(
      "Not found, or not in your portfolio.",
    );
  });

  it("shows other text as it is: already translated server text, zod's localized defaults", () => {
    expect(translateMessage("Domænenavnet er ikke ledigt.", lookup)).toBe(
      "Domænenavnet er ikke ledigt.",
    );
    expect(translateMessage("Too small: expected string to have >=1 characters", lookup)).toBe(
      "Too small: expected string to have >=1 characters",
    );
  });

  it("leaves a key-like text the catalogue lacks as it is (never throws)", () => {
    expect(translateMessage("contacts.validation.unknown", lookup)).toBe(
      "contacts.validation.unknown",
    );
  });
});

describe("mapping an ActionResult to field errors", () => {
  const shown = new Set(["name", "email", "address.city"]);
  const hasField = (name: string) => shown.has(name);

  it("puts each field's first message at that field, in the server's order", () => {
    const placed = placeActionErrors(
      {
        ok: false,
        code: "VALIDATION_FAILED",
        message: "Some fields need attention.",
        fieldErrors: {
          email: ["Enter a valid email address", "second"],
          name: ["contacts.validation.name"],
        },
      },
      hasField,
    );
    expect(placed.fields).toEqual([
      { name: "email", message: "Enter a valid email address" },
      { name: "name", message: "contacts.validation.name" },
    ]);
    expect(placed.formMessages).toEqual(["Some fields need attention."]);
  });

  it("keeps errors about fields the form does not show in the form-level message", () => {
    const placed = placeActionErrors(
      {
        ok: false,
        code: "VALIDATION_FAILED",
        message: "Some fields need attention.",
        fieldErrors: { cursor: ["The page cursor is invalid"], "address.city": ["Enter a city"] },
      },
      hasField,
    );
    expect(placed.fields).toEqual([{ name: "address.city", message: "Enter a city" }]);
    expect(placed.formMessages).toEqual([
      "Some fields need attention.",
      "The page cursor is invalid",
    ]);
  });

  it("a core refusal about one field is said at that field only, not again above the form", () => {
    const message = "eksempel.dk is registered";
    expect(
      placeActionErrors(
        { ok: false, code: "DOMAIN_NOT_AVAILABLE", message, fieldErrors: { name: [message] } },
        hasField,
      ),
    ).toEqual({ fields: [{ name: "name", message }], formMessages: [] });
    // a field the form does not show: said above the form, once
    expect(
      placeActionErrors(
        { ok: false, code: "DOMAIN_NOT_AVAILABLE", message, fieldErrors: { hidden: [message] } },
        hasField,
      ),
    ).toEqual({ fields: [], formMessages: [message] });
  });

  it("a refusal without field errors is a form-level message only; empty and repeated messages drop", () => {
    expect(
      placeActionErrors(
        { ok: false, code: "INSUFFICIENT_FUNDS", message: "Your balance does not cover this." },
        hasField,
      ),
    ).toEqual({ fields: [], formMessages: ["Your balance does not cover this."] });
    expect(
      placeActionErrors(
        {
          ok: false,
          code: "X",
          message: "Same",
          fieldErrors: { other: ["Same"], name: [""], email: [] },
        },
        hasField,
      ),
    ).toEqual({ fields: [], formMessages: ["Same"] });
  });
});
