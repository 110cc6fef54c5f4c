import { expect } from "vitest";
import { CORE_TABLES, type Registry } from "./support";

// Helpers for the Registry core 2 tests (tokens, transfer, registrant change, waiting list).

/** Every table a refusal must leave alone: CORE_TABLES already covers every model (kept as a name
 * for the tests that use it; RateLimitEvent stays out, a failed token use is recorded there). */
export const CORE2_TABLES = CORE_TABLES;

/** The id of the last audit event so far (0 when none): a mark to read new events from. */
export async function auditMark(r: Registry): Promise<number> {
  const last = await r.prisma.auditEvent.findFirst({
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? 0;
}

/** Notification types queued for the account since the mark (a notification id). */
export async function notificationsSince(r: Registry, accountId: string, mark: number) {
  const rows = await r.prisma.notification.findMany({
    where: { accountId, id: { gt: mark } },
    orderBy: { id: "asc" },
  });
  return rows;
}

export async function notificationMark(r: Registry): Promise<number> {
  const last = await r.prisma.notification.findFirst({
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? 0;
}

/** Flips one character of a token's secret, keeping it well-formed. */
export function oneCharWrong(token: string): string {
  const last = token.at(-1)!;
  return token.slice(0, -1) + (last === "0" ? "1" : "0");
}

export async function expectAuditedRefusal(
  r: Registry,
  since: number,
  operation: string,
  code: string,
) {
  const events = await r.prisma.auditEvent.findMany({ where: { id: { gt: since } } });
  expect(events.map((e) => [e.operation, e.outcome, e.errorCode])).toEqual([
    [operation, "REFUSED", code],
  ]);
}

/** A handle linked to the account, with the given terms and ID-control state. */
export async function createLinkedHandle(
  r: Registry,
  handle: string,
  options: { accountId: string; termsAccepted: boolean; idControl: "NONE" | "REQUIRED" },
) {
  return r.prisma.handle.create({
    data: {
      handle,
      type: "PERSON",
      name: `Person ${handle}`,
      street: "Vej 1",
      postalCode: "8000",
      city: "Aarhus",
      countryCode: "DK",
      email: `${handle.toLowerCase()}@example.test`,
      managementModel: "REGISTRAR",
      accountId: options.accountId,
      termsAcceptedAt: options.termsAccepted ? r.clock.now() : null,
      idControl: options.idControl,
      createdAt: r.clock.now(),
    },
  });
}
