import { z } from "zod";

export const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email").email("Enter a valid email address"),
  password: z
    .string()
    .min(1, "Enter your password")
    .max(128, "Passwords have at most 128 characters"),
  code: z
    .string()
    .trim()
    .regex(
      /^(\d{6}|[0-9a-fA-F][0-9a-fA-F\s-]{18,30})?$/,
      "Enter the 6-digit code, or one of your recovery codes",
    )
    .optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;
