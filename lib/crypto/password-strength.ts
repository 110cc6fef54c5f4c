import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// Password strength (DESIGN.md §5 passwords): zxcvbn's estimate against its common-password,
// name and keyboard-pattern lists. Pure and browser-safe, so the form's meter and the core's check
// give the same verdict. Score 0–4; a new password needs at least 3 ("safely unguessable"),
// besides the 12–128 characters rule (lib/crypto/password.ts).

export const MIN_PASSWORD_SCORE = 3;

/** zxcvbn's warning keys (a stable vocabulary the UI translates). */
export type StrengthWarning =
  | "straightRow"
  | "keyPattern"
  | "simpleRepeat"
  | "extendedRepeat"
  | "sequences"
  | "recentYears"
  | "dates"
  | "topTen"
  | "topHundred"
  | "common"
  | "similarToCommon"
  | "wordByItself"
  | "namesByThemselves"
  | "commonNames"
  | "userInputs"
  | "pwned";

export type PasswordStrength = { score: 0 | 1 | 2 | 3 | 4; ok: boolean; warning: StrengthWarning | null };

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  return factory;
}

/**
 * `userInputs` are words an attacker would try first for this user: the email, its local part and
 * name. Only the first 128 characters are looked at (the longest password allowed), so a huge
 * input cannot make the estimate slow.
 */
export function passwordStrength(password: string, userInputs: readonly string[] = []): PasswordStrength {
  const inputs = userInputs
    .flatMap((s) => [s, ...s.split(/[@.\s_-]+/)])
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length >= 3);
  const result = zxcvbn().check(password.slice(0, 128), [...new Set(inputs)]);
  const score = result.score as PasswordStrength["score"];
  return {
    score,
    ok: score >= MIN_PASSWORD_SCORE,
    warning: (result.feedback.warning as StrengthWarning | null) ?? null,
  };
}
