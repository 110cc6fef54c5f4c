"use server";

import {
  addAllowlistEntry,
  createHandle,
  linkHandle,
  mergeHandles,
  previewHandleMerge,
  removeAllowlistEntry,
  unlinkHandle,
  updateAccountSettings,
} from "@/lib/registry/accounts";
import {
  accountSettingsSchema,
  addAllowlistEntrySchema,
  createHandleSchema,
  handleRefSchema,
  mergeHandlesSchema,
  mergePreviewSchema,
  removeAllowlistEntrySchema,
} from "@/lib/schemas/admin";
import { defineAction } from "./define";

// Administration 2 (issue 20): linked handles (R-ACC-5), account defaults (R-ACC-6), the IP
// allowlist (R-ACC-7). Each is Administrator-only; the core checks the verb and the portfolio.

const handlePages = (handles: string[] = []) => ["/admin/handles", ...handles.map((h) => `/admin/handles/${h}`)];

export const createAccountHandleAction = defineAction({
  verb: "account.handles",
  schema: createHandleSchema,
  run: (ctx) => createHandle(ctx),
  revalidate: () => handlePages(),
  forge: () => ({}),
  forgeScope: "own",
});

export const linkHandleAction = defineAction({
  verb: "account.handles",
  schema: handleRefSchema,
  run: (ctx, input) => linkHandle(ctx, input),
  revalidate: (input) => handlePages([input.handle]),
  // a handle linked to Demo: Other's administrator must get NOT_FOUND
  forge: (f) => ({ handle: f.handle }),
});

export const unlinkHandleAction = defineAction({
  verb: "account.handles",
  schema: handleRefSchema,
  run: (ctx, input) => unlinkHandle(ctx, input),
  revalidate: (input) => handlePages([input.handle]),
  // the registrar handle: Demo's administrator is refused (HANDLE_NOT_UNLINKABLE), so the
  // generated test leaves Demo's handles as they were; Other's gets NOT_FOUND
  forge: () => ({ handle: "REG-DEMO" }),
});

/** What a merge would move (nothing changes): the dialog shows it before the confirmation. */
export const previewHandleMergeAction = defineAction({
  verb: "account.handles",
  schema: mergePreviewSchema,
  run: (ctx, input) => previewHandleMerge(ctx, input),
  forge: (f) => ({ survivor: f.handle, merged: ["MN2-DK"] }),
});

export const mergeHandlesAction = defineAction({
  verb: "account.handles",
  schema: mergeHandlesSchema,
  run: (ctx, input) => mergeHandles(ctx, { survivor: input.survivor, merged: input.merged }),
  revalidate: (input) => handlePages([input.survivor, ...input.merged]),
  forge: (f) => ({ survivor: f.handle, merged: ["MN2-DK"], confirmed: true }),
});

export const updateAccountDefaultsAction = defineAction({
  verb: "account.settings",
  schema: accountSettingsSchema,
  run: (ctx, input) => updateAccountSettings(ctx, input),
  revalidate: () => ["/admin/settings"],
  forge: () => ({ defaultManagementModel: "REGISTRAR", defaultRenewalPolicy: "AUTO_RENEW" }),
  forgeScope: "own",
});

export const addAllowlistEntryAction = defineAction({
  verb: "account.ipAllowlist",
  schema: addAllowlistEntrySchema,
  run: (ctx, input) => addAllowlistEntry(ctx, input),
  revalidate: () => ["/admin/ip-allowlist"],
  forge: () => ({ cidr: "192.0.2.0/24", description: "Forged" }),
  forgeScope: "own",
});

export const removeAllowlistEntryAction = defineAction({
  verb: "account.ipAllowlist",
  schema: removeAllowlistEntrySchema,
  run: (ctx, input) => removeAllowlistEntry(ctx, input),
  revalidate: () => ["/admin/ip-allowlist"],
  // Demo's 127.0.0.1/32 without confirmation: Demo's administrator is asked to confirm
  // (CONFIRMATION_REQUIRED) and nothing changes; Other's gets NOT_FOUND
  forge: (f) => ({ id: f.allowlistEntryId }),
});
