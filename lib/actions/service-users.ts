"use server";

import { createServiceUser, rotateServiceCredential } from "@/lib/registry/accounts";
import { createServiceUserSchema, rotateCredentialSchema } from "@/lib/schemas/users";
import { defineAction } from "./define";

// /admin/service-users (issue 19, R-ACC-3/4). The credential is in the result of these two
// actions only — shown once by the page, never logged, audited or stored in clear. Disabling and
// deleting a service user are the users' actions (lib/actions/users.ts).

export const createServiceUserAction = defineAction({
  verb: "account.serviceUsers",
  schema: createServiceUserSchema,
  run: (ctx, input) => createServiceUser(ctx, input),
  revalidate: () => ["/admin/service-users"],
  forge: () => ({ email: "forged-epp@demo.test", name: "Forged", service: "EPP", metaRoles: ["REGISTRAR"] }),
  forgeScope: "own",
});

export const rotateServiceCredentialAction = defineAction({
  verb: "account.serviceUsers",
  schema: rotateCredentialSchema,
  run: (ctx, input) => rotateServiceCredential(ctx, input),
  revalidate: () => ["/admin/service-users"],
  forge: (f) => ({ userId: f.demoServiceUserId }),
});
