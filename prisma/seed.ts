// npm run db:seed: migrate, then create the demo registry once (a second run changes nothing).
import { prepareDatabase } from "../lib/db/prepare";

try {
  await prepareDatabase();
  process.exit(0);
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exit(1);
}
