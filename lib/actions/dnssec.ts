"use server";

import { addDsRecord, computeDsFromDnskey, removeDsRecord } from "@/lib/registry/nameservers";
import { addDsRecordSchema, dnskeyToDsSchema, removeDsRecordSchema } from "@/lib/schemas/nameservers";
import { defineAction } from "./define";

// Issue 17, R-DS-1: DS records of a domain linked to the account's name servers.

const dnssecPages = (input: { name: string }) => [`/domains/${input.name}/dnssec`, `/domains/${input.name}`];
const record = (input: { keyTag: number; algorithm: number; digestType: number; digest: string }) => ({
  keyTag: input.keyTag,
  algorithm: input.algorithm,
  digestType: input.digestType,
  digest: input.digest,
});

export const addDsRecordAction = defineAction({
  verb: "dnssec.add",
  schema: addDsRecordSchema,
  run: (ctx, input) => addDsRecord(ctx, { name: input.name, records: [record(input)] }),
  revalidate: dnssecPages,
  forge: (f) => ({ name: f.domain, keyTag: 4242, algorithm: 13, digestType: 2, digest: "AB".repeat(32) }),
});

export const removeDsRecordAction = defineAction({
  verb: "dnssec.remove",
  schema: removeDsRecordSchema,
  run: (ctx, input) => removeDsRecord(ctx, { name: input.name, record: record(input) }),
  revalidate: dnssecPages,
  forge: (f) => ({ name: f.domain, keyTag: 24680, algorithm: 13, digestType: 2, digest: "AB".repeat(32) }),
});

/** "Paste a DNSKEY": the DS record's fields computed from it (RFC 4034); nothing is stored. */
export const dnskeyToDsAction = defineAction({
  verb: "dnssec.add",
  schema: dnskeyToDsSchema,
  run: (ctx, input) => computeDsFromDnskey(ctx, input),
  forge: (f) => ({
    name: f.domain,
    dnskey: "257 3 13 GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==",
    digestType: 2,
  }),
});
