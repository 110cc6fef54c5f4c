import { z } from "zod";

// Forms and actions of the user's own pages (/account/two-factor, /account/sessions,
// /account/password). Each carries the id of the user the form was opened for (the core refuses
// another one). Messages are catalogue keys of messages/<locale>/security.json.

const userId = z.string().uuid("security.validation.userId");
const totpCode = z.string().trim().regex(/^\d{6}$/, "security.validation.totpCode");
/** A TOTP code or a recovery code (xxxxx-xxxxx-xxxxx-xxxxx, any case, dashes optional). */
const codeOrRecovery = z
  .string()
  .trim()
  .regex(/^(\d{6}|[0-9a-fA-F][0-9a-fA-F\s-]{18,30})$/, "security.validation.codeOrRecovery");

export const changePasswordSchema = z
  .object({
    userId,
    currentPassword: z.string().min(1, "security.validation.currentPassword").max(1024),
    newPassword: z
      .string()
      .min(12, "security.validation.passwordLength")
      .max(128, "security.validation.passwordLength"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    message: "security.validation.passwordsDiffer",
    path: ["confirmPassword"],
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    message: "security.validation.passwordUnchanged",
    path: ["newPassword"],
  });

export const confirmTotpSchema = z.object({
  userId,
  secret: z.string().regex(/^[A-Z2-7]{16,64}$/, "security.validation.secret"),
  code: totpCode,
});

export const regenerateRecoveryCodesSchema = z.object({ userId, code: totpCode });

export const disableTotpSchema = z.object({ userId, code: codeOrRecovery });

export const endSessionSchema = z.object({ userId, sessionId: z.string().uuid("security.validation.sessionId") });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
