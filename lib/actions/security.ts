"use server";

import { reissueSessionCookie } from "@/lib/auth/session-cookie";
import {
  changeOwnPassword,
  confirmTotpEnrolment,
  disableTotp,
  endOwnSession,
  regenerateRecoveryCodes,
} from "@/lib/registry/accounts";
import {
  changePasswordSchema,
  confirmTotpSchema,
  disableTotpSchema,
  endSessionSchema,
  regenerateRecoveryCodesSchema,
} from "@/lib/schemas/security";
import { defineAction } from "./define";

// The user's own security pages (issue 19): every user, for itself. Forms carry the user's id; the
// core refuses another (NOT_FOUND). When the credentials change, the core replaces the session and
// `finish` points this browser's cookie at the new one — the session id never reaches the client.
// Those actions do not revalidate: the page refreshes itself once the new cookie is in place.

/** After a credential change: keep this browser signed in under the replaced session. */
async function keepSignedIn<T extends { sessionId?: string }>(data: T): Promise<T> {
  if (data.sessionId) await reissueSessionCookie(data.sessionId);
  return { ...data, sessionId: undefined };
}

export const changeOwnPasswordAction = defineAction({
  verb: "account.ownSecurity",
  schema: changePasswordSchema,
  run: (ctx, input) => changeOwnPassword(ctx, input),
  finish: keepSignedIn,
  forge: (f) => ({
    userId: f.demoUserId,
    currentPassword: "not-the-current-password",
    newPassword: "Forged-Harbour-Lantern-91",
    confirmPassword: "Forged-Harbour-Lantern-91",
  }),
});

export const confirmTotpEnrolmentAction = defineAction({
  verb: "account.ownSecurity",
  schema: confirmTotpSchema,
  run: (ctx, input) => confirmTotpEnrolment(ctx, input),
  finish: keepSignedIn,
  duringEnrolment: true,
  forge: (f) => ({ userId: f.demoUserId, secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", code: "000000" }),
});

export const regenerateRecoveryCodesAction = defineAction({
  verb: "account.ownSecurity",
  schema: regenerateRecoveryCodesSchema,
  run: (ctx, input) => regenerateRecoveryCodes(ctx, input),
  forge: (f) => ({ userId: f.demoUserId, code: "000000" }),
});

export const disableTotpAction = defineAction({
  verb: "account.ownSecurity",
  schema: disableTotpSchema,
  run: (ctx, input) => disableTotp(ctx, input),
  finish: keepSignedIn,
  forge: (f) => ({ userId: f.demoUserId, code: "000000" }),
});

export const endOwnSessionAction = defineAction({
  verb: "account.ownSecurity",
  schema: endSessionSchema,
  run: (ctx, input) => endOwnSession(ctx, input),
  revalidate: () => ["/account/sessions"],
  forge: (f) => ({ userId: f.demoUserId, sessionId: "00000000-0000-4000-8000-000000000000" }),
});
