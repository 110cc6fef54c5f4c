import "server-only";
import { domainToASCII } from "node:url";
import { RegistryError, isRegistryError } from "@/lib/registry/errors";
import { parseHostName } from "@/lib/registry/rules";

// Issue 17: a core refusal about one glue address or one host of a list lands at that row of the
// form (`glueV4.1.address`, `nameServers.2.host`), not only in the form's alert. The core names
// the address or host in its details; which row holds it is the form's business, so it is mapped
// here. Not a server-action module: helpers of lib/actions/nameservers.ts and dnssec.ts.

type Details = Record<string, unknown>;

function withField(error: RegistryError, field: string): RegistryError {
  return new RegistryError(error.code, error.message, { ...((error.details as Details | undefined) ?? {}), field });
}

/** The glue refusals of create and edit at their row; an invalid host at the host field. */
export async function atGlueRow<T>(
  input: { glueV4: readonly { address: string }[]; glueV6: readonly { address: string }[] },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    const details = (error.details as Details | undefined) ?? {};
    if (error.code === "INVALID_IP_ADDRESS" && typeof details.address === "string") {
      const v4 = input.glueV4.findIndex((r) => r.address === details.address);
      const v6 = input.glueV6.findIndex((r) => r.address === details.address);
      if (v4 >= 0) throw withField(error, `glueV4.${v4}.address`);
      if (v6 >= 0) throw withField(error, `glueV6.${v6}.address`);
    }
    if (error.code === "GLUE_NOT_ALLOWED") {
      throw withField(error, input.glueV4.length > 0 ? "glueV4.0.address" : "glueV6.0.address");
    }
    if (error.code === "INVALID_HOST_NAME" && details.field === undefined) throw withField(error, "host");
    throw error;
  }
}

function comparable(host: string): string {
  const text = host.trim().toLowerCase().replace(/\.$/, "");
  return /^[\x00-\x7f]*$/.test(text) ? text : domainToASCII(text) || text;
}

/** A refusal naming one host of a domain's list at its row (the last one for a duplicate). */
export async function atHostRow<T>(rows: readonly { host: string }[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isRegistryError(error)) throw error;
    const details = (error.details as Details | undefined) ?? {};
    if (typeof details.host === "string") {
      const hosts = rows.map((r) => comparable(r.host));
      const index = error.code === "NAMESERVER_DUPLICATE" ? hosts.lastIndexOf(details.host) : hosts.indexOf(details.host);
      if (index >= 0) throw withField(error, `nameServers.${index}.host`);
    }
    if (error.code === "INVALID_HOST_NAME") {
      const index = rows.findIndex((r) => {
        try {
          parseHostName(r.host);
          return false;
        } catch {
          return true;
        }
      });
      if (index >= 0) throw withField(error, `nameServers.${index}.host`);
    }
    if (error.code === "CONFIRMATION_REQUIRED" && details.field === undefined) {
      throw withField(error, "confirmDsRemoval");
    }
    throw error;
  }
}
