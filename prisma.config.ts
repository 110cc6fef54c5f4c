import { defineConfig } from "prisma/config";

// Only `prisma generate` reads this; migrations run through lib/db/migrator.ts (DESIGN.md §7).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
