import { z } from "zod";

// Messages are catalogue keys (messages/<locale>/login.json); the form fields translate them.
export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "login.validation.emailRequired")
    .email("login.validation.emailInvalid"),
  password: z
    .string()
    .min(1, "login.validation.passwordRequired")
    .max(128, "login.validation.passwordTooLong"),
  code: z
    .string()
    .trim()
    .regex(/^(\d{6}|[0-9a-fA-F][0-9a-fA-F\s-]{18,30})?$/, "login.validation.code")
    .optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;
