import { readFileSync } from "node:fs";
import { createTranslator } from "use-intl";
import { describe, expect, it } from "vitest";
import { NOTIFICATION_TYPES, describeNotification } from "@/lib/registry/messages";

// Issue 12 / R-MSG-1: registry messages are rendered from their type and data in the reader's
// language — a catalogue key per type (`messages.types.<T>`, `messages.text.<T>`) with the data as
// ICU parameters — and fall back to the stored text when the type or its data is unknown.

const catalogue = (locale: string) =>
  JSON.parse(
    readFileSync(new URL(`../../../messages/${locale}/messages.json`, import.meta.url), "utf8"),
  ) as {
    types: Record<string, string>;
    text: Record<string, string>;
  };

/** Every type, with data as the code that queues it writes. */
const samples: Record<string, { domainName: string | null; data: unknown }> = {
  DOMAIN_CANCELLED: { domainName: "eksempel.dk", data: { deleteAt: "2026-04-09T22:00:00.000Z" } },
  DOMAIN_EXPIRED_SUSPENDED: { domainName: "eksempel.dk", data: { deleteOn: "2026-04-09" } },
  DOMAIN_DELETED: { domainName: "eksempel.dk", data: { markedNameServers: ["ns1.eksempel.dk"] } },
  DOMAIN_AUTO_RENEWED: {
    domainName: "eksempel.dk",
    data: { exDate: "2027-03-10", invoiced: true },
  },
  DOMAIN_SUSPENDED_NON_PAYMENT: {
    domainName: "eksempel.dk",
    data: { invoice: 7, deleteOn: "2026-05-01" },
  },
  DOMAIN_REDELEGATED: {
    domainName: "eksempel.dk",
    data: { nameServers: ["ns1.a.net", "ns2.a.net"], removedDsRecords: 1 },
  },
  TRANSFER_OUT: { domainName: "eksempel.dk", data: { to: "Other Registrar ApS" } },
  TRANSFER_IN: {
    domainName: "eksempel.dk",
    data: { from: "Other Registrar ApS", exDate: "2027-01-01" },
  },
  REGISTRATION_TERMS_REQUESTED: {
    domainName: "xn--sbakke-bya.dk",
    data: {
      link: "/r/terms/0123456789abcdef0123456789abcdef",
      holdExpiresAt: "2026-03-13T23:00:00.000Z",
    },
  },
  REGISTRATION_COMPLETED: { domainName: "eksempel.dk", data: { exDate: "2027-03-10" } },
  REGISTRATION_REFUSED: { domainName: "eksempel.dk", data: null },
  REGISTRATION_DECLINED_FUNDS: { domainName: "eksempel.dk", data: null },
  REGISTRATION_TERMS_EXPIRED: { domainName: "eksempel.dk", data: null },
  REGISTRANT_CHANGE_TERMS_REQUESTED: {
    domainName: "eksempel.dk",
    data: {
      requestId: "x",
      link: "/r/registrant-change/0123",
      expiresAt: "2026-03-24T10:00:00.000Z",
    },
  },
  REGISTRANT_CHANGE_ID_CONTROL_REQUESTED: {
    domainName: "eksempel.dk",
    data: { requestId: "x", expiresAt: "2026-03-24T10:00:00.000Z" },
  },
  REGISTRANT_CHANGE_ID_CONTROL_REJECTED: {
    domainName: "eksempel.dk",
    data: { requestId: "x", to: "AB12-DK", reason: "Documents do not match" },
  },
  REGISTRANT_CHANGE_TERMS_EXPIRED: { domainName: "eksempel.dk", data: { requestId: "x" } },
  REGISTRANT_CHANGE_ID_CONTROL_EXPIRED: { domainName: "eksempel.dk", data: { requestId: "x" } },
  REGISTRANT_CHANGE_COMPLETED: {
    domainName: "eksempel.dk",
    data: { requestId: "x", from: "A1-DK", to: "B2-DK" },
  },
  LOW_BALANCE: { domainName: null, data: { balance: 12_300, threshold: 50_000 } },
  PAYMENT_BOOKED: { domainName: null, data: { paymentId: "p", amount: 30_000 } },
  INVOICE_PAID: { domainName: "eksempel.dk", data: { number: 4, reactivated: true } },
  INVOICE_CANCELLED: { domainName: "eksempel.dk", data: { number: 5, reason: "Paid by bank transfer" } },
  ACCOUNT_SUSPENDED: { domainName: null, data: { reason: "Unpaid fees" } },
  ACCOUNT_REACTIVATED: { domainName: null, data: null },
  REGISTRANT_CHANGE_TERMS_DECLINED: { domainName: "eksempel.dk", data: { requestId: "x", to: "B2-DK" } },
  WAITING_LIST_OFFERED: { domainName: "eksempel.dk", data: null },
  WAITING_LIST_OFFER_DECLINED: { domainName: "eksempel.dk", data: null },
  WAITING_LIST_OFFER_EXPIRED: { domainName: "eksempel.dk", data: null },
  WELCOME: { domainName: null, data: null },
};

function render(locale: "en" | "da", type: string) {
  const messages = { messages: catalogue(locale) };
  const t = createTranslator({ locale, messages, namespace: "messages" });
  const view = describeNotification({ type, message: "stored", ...samples[type]! });
  const values = Object.fromEntries(
    Object.entries(view.params).map(([k, p]) => [
      k,
      p.kind === "list" ? p.value.join(", ") : p.kind === "number" ? p.value : String(p.value),
    ]),
  );
  return { view, text: t(`text.${type}` as never, values as never) };
}

describe("issue 12: registry messages in the reader's language", () => {
  it("issue 12: every known type has a label and a text in English and Danish", () => {
    for (const locale of ["en", "da"]) {
      const c = catalogue(locale);
      for (const type of NOTIFICATION_TYPES) {
        expect(c.types[type], `${locale} types.${type}`).toBeTruthy();
        expect(c.text[type], `${locale} text.${type}`).toBeTruthy();
      }
    }
    expect(Object.keys(samples).sort()).toEqual([...NOTIFICATION_TYPES].sort());
  });

  it("issue 12: each type renders with its data as ICU parameters in both languages", () => {
    for (const type of NOTIFICATION_TYPES) {
      for (const locale of ["en", "da"] as const) {
        const { view, text } = render(locale, type);
        expect(view.known, type).toBe(true);
        expect(text, `${locale} ${type}`).not.toMatch(/[{}]|text\./);
        if (samples[type]!.domainName) expect(text).toContain(view.params.domain!.value);
      }
    }
    expect(render("da", "DOMAIN_AUTO_RENEWED").text).toContain("faktureres til betaleren");
    expect(render("en", "DOMAIN_DELETED").text).toContain("Name server ns1.eksempel.dk is marked");
  });

  it("issue 12: the domain is shown as its U-label; terms links are kept apart; billing messages concern billing", () => {
    const view = describeNotification({
      type: "REGISTRATION_TERMS_REQUESTED",
      message: "stored",
      ...samples.REGISTRATION_TERMS_REQUESTED!,
    });
    expect(view.params.domain).toEqual({ kind: "text", value: "søbakke.dk" });
    expect(view.registrantLink).toBe("/r/terms/0123456789abcdef0123456789abcdef");
    expect(view.concerns).toBe("domain");
    expect(
      describeNotification({ type: "LOW_BALANCE", message: "m", ...samples.LOW_BALANCE! }).concerns,
    ).toBe("billing");
  });

  it("issue 12: an unknown type, or data lacking a parameter, falls back to the stored text", () => {
    const unknown = describeNotification({
      type: "SOMETHING_NEW",
      domainName: null,
      message: "As stored",
      data: null,
    });
    expect(unknown).toMatchObject({ known: false, fallback: "As stored" });
    const old = describeNotification({
      type: "DOMAIN_CANCELLED",
      domainName: "a.dk",
      message: "Old row",
      data: null,
    });
    expect(old.known).toBe(false);
    const noDomain = describeNotification({
      type: "TRANSFER_OUT",
      domainName: null,
      message: "x",
      data: { to: "B" },
    });
    expect(noDomain.known).toBe(false);
  });
});
