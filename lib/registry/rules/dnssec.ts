import { RegistryError } from "@/lib/registry/errors";

// R-DS-1 DS records as the NSA enters them. Digest type and digest length must agree (SHA-1 40,
// SHA-256 64, SHA-384 96 hex digits): a mismatch is always a copy-paste mistake that would
// break validation for the whole domain once published.

export const DS_ALGORITHMS = [3, 5, 6, 7, 8, 10, 13, 14, 15, 16] as const;
export const DS_DIGEST_LENGTHS: Readonly<Record<number, number>> = { 1: 40, 2: 64, 4: 96 };
export const MAX_DS_RECORDS = 8;

export type DsRecord = { keyTag: number; algorithm: number; digestType: number; digest: string };

function invalid(domainName: string, reason: string, field: keyof DsRecord): RegistryError {
  return new RegistryError(
    "DS_RECORD_INVALID",
    `DS record for ${domainName} is invalid: ${reason}`,
    { field },
  );
}

/**
 * Validates one record and returns it normalised. Decision: the digest is accepted in any case
 * and with whitespace (zone-file tools print it in groups) and stored as uppercase hex without
 * spaces, the usual presentation format, so duplicate detection compares like with like.
 */
export function validateDsRecord(domainName: string, record: DsRecord): DsRecord {
  const { keyTag, algorithm, digestType } = record;
  if (!Number.isInteger(keyTag) || keyTag < 0 || keyTag > 65535) {
    throw invalid(domainName, `key tag ${keyTag} is not between 0 and 65535`, "keyTag");
  }
  if (!(DS_ALGORITHMS as readonly number[]).includes(algorithm)) {
    throw invalid(
      domainName,
      `algorithm ${algorithm} is not one of ${DS_ALGORITHMS.join(", ")}`,
      "algorithm",
    );
  }
  const length = DS_DIGEST_LENGTHS[digestType];
  if (length === undefined || !Number.isInteger(digestType)) {
    throw invalid(domainName, `digest type ${digestType} is not 1, 2 or 4`, "digestType");
  }
  const digest = record.digest.replace(/\s+/g, "").toUpperCase();
  if (!/^[0-9A-F]*$/.test(digest))
    throw invalid(domainName, "the digest is not hexadecimal", "digest");
  if (digest.length !== length) {
    throw invalid(
      domainName,
      `digest type ${digestType} needs ${length} hex digits, got ${digest.length}`,
      "digest",
    );
  }
  return { keyTag, algorithm, digestType, digest };
}

function sameRecord(a: DsRecord, b: DsRecord): boolean {
  return (
    a.keyTag === b.keyTag &&
    a.algorithm === b.algorithm &&
    a.digestType === b.digestType &&
    a.digest.toUpperCase() === b.digest.toUpperCase()
  );
}

/**
 * Validates records to add against the domain's existing ones (and each other): no duplicates,
 * at most MAX_DS_RECORDS in total. Returns the normalised records to insert.
 */
export function checkDsRecordsToAdd(
  domainName: string,
  existing: readonly DsRecord[],
  additions: readonly DsRecord[],
): DsRecord[] {
  const accepted: DsRecord[] = [];
  for (const addition of additions) {
    const record = validateDsRecord(domainName, addition);
    if ([...existing, ...accepted].some((other) => sameRecord(other, record))) {
      throw new RegistryError(
        "DS_RECORD_DUPLICATE",
        `Domain ${domainName} already has the DS record with key tag ${record.keyTag}, algorithm ${record.algorithm}, digest type ${record.digestType}`,
        { keyTag: record.keyTag },
      );
    }
    accepted.push(record);
  }
  checkDsRecordRoom(domainName, existing.length, accepted.length);
  return accepted;
}

/** At most MAX_DS_RECORDS per domain: whether `adding` more fit beside `existing` ones. */
export function checkDsRecordRoom(domainName: string, existing: number, adding: number): void {
  if (existing + adding > MAX_DS_RECORDS) {
    throw new RegistryError(
      "DS_RECORD_LIMIT_REACHED",
      `Domain ${domainName} cannot have more than ${MAX_DS_RECORDS} DS records`,
      { existing, adding, max: MAX_DS_RECORDS },
    );
  }
}
