"use server";

import {
  createUser,
  deleteUser,
  disableUser,
  enableUser,
  resetUserPassword,
  revokeSessions,
  updateAccountSettings,
  updateUserRoles,
} from "@/lib/registry/accounts";
import {
  createUserSchema,
  resetPasswordSchema,
  revokeSessionsSchema,
  setTotpRequiredSchema,
  updateUserRolesSchema,
  userActionSchema,
} from "@/lib/schemas/users";
import { defineAction } from "./define";

// /admin/users (issue 19): the Administrator's users, their sessions and the account's
// "Require two-factor authentication". Every change takes the step-up code of a TOTP-enrolled
// Administrator (`totpCode`); the core decides whether it is needed.

const usersPages = () => ["/admin/users", "/admin/service-users"];

export const createUserAction = defineAction({
  verb: "account.users",
  schema: createUserSchema,
  run: (ctx, input) => createUser(ctx, input),
  revalidate: usersPages,
  forge: () => ({ email: "forged-user@demo.test", name: "Forged", metaRoles: ["REGISTRAR"] }),
  forgeScope: "own",
});

export const updateUserRolesAction = defineAction({
  verb: "account.users",
  schema: updateUserRolesSchema,
  run: (ctx, input) => updateUserRoles(ctx, input),
  revalidate: usersPages,
  forge: (f) => ({ userId: f.demoUserId, metaRoles: ["PROXY", "PAYER"] }),
});

export const disableUserAction = defineAction({
  verb: "account.users",
  schema: userActionSchema,
  run: (ctx, input) => disableUser(ctx, input),
  revalidate: usersPages,
  forge: (f) => ({ userId: f.demoUserId }),
});

export const enableUserAction = defineAction({
  verb: "account.users",
  schema: userActionSchema,
  run: (ctx, input) => enableUser(ctx, input),
  revalidate: usersPages,
  forge: (f) => ({ userId: f.demoUserId }),
});

export const deleteUserAction = defineAction({
  verb: "account.users",
  schema: userActionSchema,
  run: (ctx, input) => deleteUser(ctx, input),
  revalidate: usersPages,
  forge: (f) => ({ userId: f.demoServiceUserId }),
});

export const resetUserPasswordAction = defineAction({
  verb: "account.users",
  schema: resetPasswordSchema,
  run: (ctx, input) => resetUserPassword(ctx, input),
  revalidate: usersPages,
  forge: (f) => ({ userId: f.demoUserId }),
});

/** The Administrator ends one session of the account, or every session of one user. */
export const revokeSessionsAction = defineAction({
  verb: "account.users",
  schema: revokeSessionsSchema,
  run: (ctx, input) => revokeSessions(ctx, input),
  revalidate: () => ["/admin/users", "/account/sessions"],
  forge: (f) => ({ userId: f.demoUserId }),
});

/** "Require two-factor authentication": users without TOTP enrol at their next login. */
export const setTotpRequiredAction = defineAction({
  verb: "account.settings",
  schema: setTotpRequiredSchema,
  run: async (ctx, input) => {
    const settings = await updateAccountSettings(ctx, { totpRequired: input.required, totpCode: input.totpCode });
    return { totpRequired: settings.totpRequired };
  },
  revalidate: () => ["/admin/users", "/admin/settings"],
  forge: () => ({ required: false }),
  forgeScope: "own",
});
