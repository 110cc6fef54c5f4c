import { z } from "zod";

// Forms and actions of /admin/users and /admin/service-users (issue 19). Messages a user sees are
// catalogue keys of messages/<locale>/users.json.

export const META_ROLE_VALUES = ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"] as const;
export const SERVICE_VALUES = ["EPP", "DAS", "DSU"] as const;

const userId = z.string().uuid("users.validation.userId");
const email = z.string().trim().min(1, "users.validation.emailRequired").max(254).email("users.validation.email");
const name = z.string().trim().max(200, "users.validation.nameLength");
const metaRoles = z.array(z.enum(META_ROLE_VALUES)).min(1, "users.validation.metaRoles");

/** The step-up code of a TOTP-enrolled Administrator; empty when the acting user has no TOTP. */
export const totpCode = z
  .string()
  .trim()
  .regex(/^(\d{6})?$/, "users.validation.totpCode")
  .optional()
  .transform((v) => (v ? v : undefined));

/** Empty: a generated password (shown once); else the 12–128 rule (the core also checks strength). */
const initialPassword = z
  .string()
  .max(128, "users.validation.passwordLength")
  .optional()
  .refine((v) => !v || v.length >= 12, "users.validation.passwordLength")
  .transform((v) => (v ? v : undefined));

export const createUserSchema = z.object({
  email,
  name,
  metaRoles,
  password: initialPassword,
  totpCode,
});

export const updateUserRolesSchema = z.object({ userId, metaRoles, totpCode });

/** Disable, enable, delete. */
export const userActionSchema = z.object({ userId, totpCode });

export const resetPasswordSchema = z.object({ userId, password: initialPassword, totpCode });

export const setTotpRequiredSchema = z.object({ required: z.boolean(), totpCode });

/** The Administrator ends one session or every session of a user. */
export const revokeSessionsSchema = z
  .object({ sessionId: z.string().uuid().optional(), userId: userId.optional(), totpCode })
  .refine((v) => Boolean(v.sessionId) !== Boolean(v.userId), "users.validation.sessionOrUser");

export const createServiceUserSchema = z.object({
  email,
  name,
  service: z.enum(SERVICE_VALUES, "users.validation.service"),
  metaRoles: z
    .array(z.enum(META_ROLE_VALUES))
    .min(1, "users.validation.metaRoles")
    .refine((roles) => !roles.includes("ADMINISTRATOR"), "users.validation.serviceAdministrator"),
  totpCode,
});

export const rotateCredentialSchema = z.object({ userId, totpCode });

export type CreateUserInput = z.input<typeof createUserSchema>;
export type CreateServiceUserInput = z.input<typeof createServiceUserSchema>;
