import { authenticator } from "otplib";

// RFC 6238: SHA-1, 6 digits, 30-second steps; one step of clock drift either way.
const totp = authenticator.clone({ step: 30, window: 1, digits: 6 });

/**
 * The time step a code belongs to, or null when it is wrong. Callers store the step of the last
 * accepted code and refuse any code whose step is not later, so each code works once.
 */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  const clean = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(clean)) return null;
  const epoch = now.getTime();
  const at = totp.clone({ epoch });
  const delta = at.checkDelta(clean, secret);
  if (delta === null) return null;
  return Math.floor(epoch / 30_000) + delta;
}

/** The code for a secret at an instant (tests, and the sandbox's enrolment check). */
export function totpCodeAt(secret: string, at: Date): string {
  return totp.clone({ epoch: at.getTime() }).generate(secret);
}
