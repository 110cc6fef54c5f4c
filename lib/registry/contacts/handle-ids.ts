import type { Tx } from "@/lib/db/client";

// Registry-issued handle ids (R-CON-1): up to three initials of the name, a number, "-DK" (e.g.
// JCA112-DK). The number comes from the database sequence `handle_number_seq`, which never hands
// out a number twice, also to concurrent transactions; so two creations cannot pick the same id
// (the earlier count-based number could). An id that exists already — a seeded or imported handle
// with a number of its own — is skipped, so the unique index never refuses an issued id.

function initialsOf(name: string): string {
  return (
    name
      .normalize("NFD")
      .replace(/[^A-Za-z ]/g, "")
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase())
      .join("")
      .slice(0, 3) || "H"
  );
}

export async function issueHandleId(tx: Tx, name: string): Promise<string> {
  const initials = initialsOf(name);
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const [row] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('handle_number_seq') AS n`;
    const handle = `${initials}${String(row!.n)}-DK`;
    const taken = await tx.handle.findUnique({ where: { handle }, select: { id: true } });
    if (!taken) return handle;
  }
  throw new Error("No free handle id after 1000 numbers: is handle_number_seq behind the handles?");
}
