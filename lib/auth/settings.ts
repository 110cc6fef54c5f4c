/** Session and login limits (DESIGN.md §5), configurable so tests can run them quickly. */
export type AuthSettings = {
  idleMinutes: number;
  maxSessionHours: number;
  accountMaxFailures: number;
  accountWindowMinutes: number;
  ipMaxFailures: number;
  ipWindowMinutes: number;
};

type Env = Record<string, string | undefined>;

function num(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${key} must be a positive number`);
  return value;
}

export function authSettings(env: Env = process.env): AuthSettings {
  return {
    idleMinutes: num(env, "SESSION_IDLE_MINUTES", 30),
    maxSessionHours: num(env, "SESSION_MAX_HOURS", 12),
    accountMaxFailures: num(env, "LOGIN_ACCOUNT_MAX_FAILURES", 5),
    accountWindowMinutes: num(env, "LOGIN_ACCOUNT_WINDOW_MINUTES", 15),
    ipMaxFailures: num(env, "LOGIN_IP_MAX_FAILURES", 50),
    ipWindowMinutes: num(env, "LOGIN_IP_WINDOW_MINUTES", 15),
  };
}
