import { getPrisma } from "./client";
process.env.DATA_DIR = "/tmp/pgl1";
const p = getPrisma();
console.log(await p.registrarAccount.count());
const r = await p.$transaction(async (tx) => tx.domain.count());
console.log(r);
