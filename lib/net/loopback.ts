/**
 * "This machine" for the sandbox's own pages (issue 16): exactly 127.0.0.1 and ::1 (also in
 * their IPv4-mapped form), not the rest of 127.0.0.0/8 — the security suite speaks from
 * 127.0.0.2 as an outsider.
 */
export function isLoopback(ip: string): boolean {
  const v = ip.trim().toLowerCase();
  return v === "127.0.0.1" || v === "::1" || v === "::ffff:127.0.0.1";
}
