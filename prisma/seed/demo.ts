import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/crypto/password";
import type { PrismaClient, Tx } from "@/lib/db/client";
import type {
  DomainState,
  LedgerOperation,
  ManagementModel,
  MetaRole,
  RenewalPolicy,
} from "@/lib/db/generated/enums";
import { defaultPolicy } from "@/lib/registry/policy";
import type { CoreContext } from "@/lib/registry/context";
import { registerDomain } from "@/lib/registry/domains";
import { requestRegistrantChange } from "@/lib/registry/registrants";
import {
  addDays,
  addLocalDays,
  addYears,
  expiryInstant,
  holdEndsAt,
  localDateOf,
  parseDomainName,
  type RegistryDate,
  registryDateToDb,
} from "@/lib/registry/rules";

/**
 * The sandbox registry that `npm start` and `npm run db:seed` create on an empty database: two
 * registrars, an operator, handles, name servers, ~60 Demo domains across states, balances whose
 * ledgers sum to them, and unread notifications. It runs in one transaction and only when the
 * Demo registrar is absent, so it is all-or-nothing and never seeds twice.
 */

export const DEMO_PASSWORD = "Demo-Portal-2026!";
/** RFC 6238 secret of totp@demo.test (base32), published in the README for the sandbox. */
export const DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
export const DEMO_ACCOUNT_HANDLE = "REG-DEMO";
export const OTHER_ACCOUNT_HANDLE = "REG-OTHER";

const ALL_ROLES: MetaRole[] = ["ADMINISTRATOR", "REGISTRAR", "PROXY", "PAYER", "NSA"];
const SEED_ACTOR = "seed";

type AccountData = {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  email: string;
  vatNumber: string;
};

const demoData: AccountData = {
  name: "Demo Registrar A/S",
  street: "Havnegade 12",
  postalCode: "1058",
  city: "København K",
  email: "hostmaster@demo.test",
  vatNumber: "DK12345678",
};

const otherData: AccountData = {
  name: "Other Registrar ApS",
  street: "Banegårdspladsen 3",
  postalCode: "8000",
  city: "Aarhus C",
  email: "hostmaster@other.test",
  vatNumber: "DK87654321",
};

/** Customer contacts (R-CON-1) that are the registrants of a demo domain each. */
const CUSTOMER_REGISTRANTS = new Map([
  ["BKA101-DK", "bageriet-kornet.dk"],
  ["TBA102-DK", "tømrerfirmaet-bjælke.dk"],
  ["NRA103-DK", "nordlys-rådgivning.dk"],
  ["AM113-DK", "anne-mortensen.dk"],
  ["JH114-DK", "jakob-holm.dk"],
  ["EK125-DK", "egeskov-kommune.dk"],
  ["RV126-DK", "region-vestdanmark.dk"],
  ["RB137-DK", "roklubben-bølgen.dk"],
  ["HS138-DK", "haveforeningen-solsikken.dk"],
]);
export type SeedOptions = {
  /**
   * Issue 21: two changes of registrant awaiting the operator's ID control — one of Demo's
   * (loppemarked-demo.dk → IDC7-DK), one of Other's (other-sport.dk → OIC3-DK) — so the operator
   * console's ID control has work in the demo. `npm start` asks for them; the core tests' registry
   * does not (their request counts stay as they were).
   */
  pendingIdControls?: boolean;
  /**
   * Issue 16: mail for the registrants' pages, made through the core after the seed so the outbox
   * has it — two held registrations (method 2: vilkaar-accept.dk, vilkaar-afvis.dk) and a change
   * of registrant of antik-demo.dk to LR900-DK pending through terms — and a suspended name whose
   * redemption ends at 00:00 in two days (slettes-snart.dk), for the waiting list. `npm start` only.
   */
  registrantLinks?: boolean;
};

/** How many demo logins (users and operators) the seed makes: one password hash each. */
const DEMO_LOGINS = 10;

export async function seedDemoRegistry(
  prisma: PrismaClient,
  now: Date = new Date(),
  options: SeedOptions = {},
): Promise<{ seeded: boolean }> {
  if (await prisma.handle.findUnique({ where: { handle: DEMO_ACCOUNT_HANDLE } })) {
    return { seeded: false }; // the common case on every start after the first: no hashing
  }
  // one hash per login, each with its own salt: demo users must not share one (issue 11)
  const passwordHashes = await demoPasswordHashes();
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.handle.findUnique({ where: { handle: DEMO_ACCOUNT_HANDLE } });
      if (existing) return { seeded: false };
      await seedDemoInto(tx, now, passwordHashes, options);
      return { seeded: true };
    },
    { timeout: 120_000, maxWait: 30_000 },
  ).then(async (result) => {
    if (result.seeded && options.registrantLinks) await registrantLinkRequests(prisma, now);
    return result;
  });
}

/** One Argon2id hash per demo login, each with its own salt (slow: hash before a transaction). */
export function demoPasswordHashes(): Promise<string[]> {
  return Promise.all(Array.from({ length: DEMO_LOGINS }, () => hashPassword(DEMO_PASSWORD)));
}

/**
 * Issue 21, the sandbox's reset: the demo registry written into the caller's transaction, which
 * has emptied the tables first (lib/registry/operator/sandbox-reset.ts).
 */
export async function seedDemoInto(
  tx: Tx,
  now: Date,
  passwordHashes: string[],
  options: SeedOptions = {},
): Promise<void> {
  await new Seeder(tx, now, passwordHashes).run();
  if (options.pendingIdControls) await new Seeder(tx, now, passwordHashes).pendingIdControls();
  if (options.registrantLinks) await new Seeder(tx, now, passwordHashes).registrantLinkData();
}

/**
 * Issue 16 (SeedOptions.registrantLinks): the held registrations and the pending change of
 * registrant, asked of the core as Demo's all@demo.test would, so their terms mails reach the
 * outbox with working /r/ links. Runs after the seed's transaction (each operation has its own).
 */
export async function registrantLinkRequests(prisma: PrismaClient, now: Date): Promise<void> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "all@demo.test" } });
  const ctx: CoreContext = {
    db: prisma,
    clock: { now: () => now },
    actor: {
      kind: "portal",
      userId: user.id,
      accountId: user.accountId,
      metaRoles: user.metaRoles,
      ip: "127.0.0.1",
      label: SEED_ACTOR,
    },
  };
  for (const name of ["vilkaar-accept.dk", "vilkaar-afvis.dk"]) {
    await registerDomain(ctx, {
      name,
      registrant: REGISTRANT_LINK_HANDLE,
      nameServers: ["ns1.dns-provider.net", "ns2.dns-provider.net"],
      periodYears: 1,
    });
  }
  await requestRegistrantChange(ctx, { name: "antik-demo.dk", newRegistrant: REGISTRANT_LINK_HANDLE });
}

/** A Demo customer who has not accepted the registry's terms yet (issue 16's demo mail). */
const REGISTRANT_LINK_HANDLE = "LR900-DK";

type DomainSpec = {
  name: string;
  state: DomainState;
  crDate?: RegistryDate; // local date of creation
  exDate?: RegistryDate;
  renewalPolicy?: RenewalPolicy;
  registrant: string; // handle
  managementModel?: ManagementModel;
  payer?: string;
  proxy?: string;
  nameServers: string[];
  suspendedOn?: RegistryDate;
  suspension?: "CANCELLED" | "EXPIRED";
  periodYears?: number;
};

class Seeder {
  private readonly today: RegistryDate;
  private handleIds = new Map<string, string>();
  private nameServerIds = new Map<string, string>();
  private ledger = new Map<string, { at: Date; amount: number; operation: LedgerOperation; domain?: string; description: string; paymentId?: string }[]>();

  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
    private readonly passwordHashes: string[],
  ) {
    this.today = localDateOf(now);
  }

  /** A hash of its own for each login (made ahead, in parallel; more if logins were added). */
  private async nextPasswordHash(): Promise<string> {
    return this.passwordHashes.pop() ?? hashPassword(DEMO_PASSWORD);
  }

  async run() {
    const tx = this.tx;
    await tx.policy.create({
      data: { id: "current", settings: defaultPolicy, updatedAt: this.now, updatedBy: SEED_ACTOR },
    });
    await tx.operator.create({
      data: {
        email: "operator@registry.test",
        name: "Registry Operator",
        passwordHash: await this.nextPasswordHash(),
        passwordChangedAt: this.now,
        createdAt: this.now,
      },
    });
    await tx.blockedName.createMany({
      data: ["punktum.dk", "registry.dk"].map((name) => ({
        name,
        reason: "Reserved by the registry",
        createdAt: this.now,
      })),
    });

    const demo = await this.account(DEMO_ACCOUNT_HANDLE, demoData, "12345678", "4000123456");
    const other = await this.account(OTHER_ACCOUNT_HANDLE, otherData, "87654321", "4000654321");
    await this.demoUsers(demo);
    await this.user(other, "admin@other.test", "Olivia Other", ALL_ROLES);
    await this.demoHandles(demo);
    await this.customerContacts(demo);
    await this.otherHandles(other);

    await this.nameServer("ns1.demo-hosting.dk", DEMO_ACCOUNT_HANDLE, ["192.0.2.10"], ["2001:db8::10"]);
    await this.nameServer("ns2.demo-hosting.dk", DEMO_ACCOUNT_HANDLE, ["192.0.2.11"], ["2001:db8::11"]);
    for (const host of ["ns1.dns-provider.net", "ns2.dns-provider.net", "ns.example-cloud.com"]) {
      await this.nameServer(host, DEMO_ACCOUNT_HANDLE);
    }
    await this.nameServer("ns1.other-hosting.dk", OTHER_ACCOUNT_HANDLE, ["198.51.100.20"]);
    await this.nameServer("ns2.other-hosting.dk", OTHER_ACCOUNT_HANDLE, ["198.51.100.21"]);
    // registrant-managed (R-NS-2/3): its NSA hands it over or deletes it, not the Registrar
    await this.tx.nameServer.create({
      data: {
        host: "ns1.selvhostet.net",
        nsaHandleId: this.handleIds.get(DEMO_ACCOUNT_HANDLE)!,
        managementModel: "REGISTRANT",
        createdAt: this.now,
      },
    });

    this.credit(demo, "PAYMENT_BANK", 1_000_000, 800, "Bank transfer", "DEMO-BANK-0001");
    this.credit(other, "PAYMENT_BANK", 200_000, 800, "Bank transfer", "OTHER-BANK-0001");
    const demoIds = await this.domains(demo, this.demoDomains());
    await this.domains(other, this.otherDomains());
    this.credit(demo, "TOP_UP_CARD", 250_000, 2, "Card top-up", "sandbox-card-demo-0001");
    await this.bookLedgers();

    // in-zone hosts sit under their registered superordinate domains (R-NS-1)
    for (const [host, domain] of [
      ["ns1.demo-hosting.dk", "demo-hosting.dk"],
      ["ns2.demo-hosting.dk", "demo-hosting.dk"],
      ["ns1.other-hosting.dk", "other-hosting.dk"],
      ["ns2.other-hosting.dk", "other-hosting.dk"],
    ] as const) {
      const d = await tx.domain.findFirstOrThrow({ where: { liveName: domain } });
      await tx.nameServer.update({ where: { host }, data: { superordinateDomainId: d.id } });
    }
    await tx.dsRecord.create({
      data: {
        domainId: demoIds.get("demo-hosting.dk")!,
        keyTag: 24680,
        algorithm: 13,
        digestType: 2,
        digest: createHash("sha256").update("demo-hosting.dk").digest("hex").toUpperCase(),
        createdAt: this.now,
      },
    });
    await this.notifications(demo, other);
  }

  private async account(handle: string, data: AccountData, fik: string, accountNumber: string) {
    const h = await this.tx.handle.create({
      data: {
        handle,
        type: "COMPANY",
        ...data,
        countryCode: "DK",
        phone: "+45.33000000",
        managementModel: "REGISTRAR",
        termsAcceptedAt: this.now,
        createdAt: this.now,
      },
    });
    this.handleIds.set(handle, h.id);
    const account = await this.tx.registrarAccount.create({
      data: {
        handleId: h.id,
        ...data,
        countryCode: "DK",
        phone: "+45.33000000",
        fikCode: fik,
        accountNumber,
        lowBalanceThreshold: defaultPolicy.billing.defaultLowBalanceThresholdOre,
        createdAt: this.now,
      },
    });
    await this.tx.handle.update({ where: { id: h.id }, data: { accountId: account.id } });
    await this.tx.ipAllowlistEntry.createMany({
      data: [
        { accountId: account.id, cidr: "127.0.0.1/32", description: "Loopback (IPv4)" },
        { accountId: account.id, cidr: "::1/128", description: "Loopback (IPv6)" },
      ].map((e) => ({ ...e, createdAt: this.now, createdBy: SEED_ACTOR })),
    });
    return account.id;
  }

  private async user(
    accountId: string,
    email: string,
    name: string,
    metaRoles: MetaRole[],
    extra: { totpSecret?: string; service?: "EPP" } = {},
  ) {
    await this.tx.user.create({
      data: {
        accountId,
        email,
        name,
        metaRoles,
        kind: extra.service ? "SERVICE" : "PORTAL",
        service: extra.service ?? null,
        passwordHash: await this.nextPasswordHash(),
        passwordChangedAt: this.now,
        totpSecret: extra.totpSecret ?? null,
        totpEnabledAt: extra.totpSecret ? this.now : null,
        createdAt: this.now,
      },
    });
  }

  private async demoUsers(demo: string) {
    await this.user(demo, "admin@demo.test", "Anna Administrator", ["ADMINISTRATOR"]);
    await this.user(demo, "registrar@demo.test", "Rasmus Registrar", ["REGISTRAR"]);
    await this.user(demo, "payer@demo.test", "Pernille Payer", ["PAYER"]);
    await this.user(demo, "nsa@demo.test", "Niels Nameserver", ["NSA"]);
    await this.user(demo, "proxy@demo.test", "Pia Proxy", ["PROXY"]);
    await this.user(demo, "all@demo.test", "Alex Allround", ALL_ROLES);
    await this.user(demo, "totp@demo.test", "Tina Totp", ALL_ROLES, { totpSecret: DEMO_TOTP_SECRET });
    await this.user(demo, "epp@demo.test", "EPP service", ["REGISTRAR", "PAYER", "NSA", "PROXY"], {
      service: "EPP",
    });
  }

  private async handle(
    handle: string,
    data: {
      type: "PERSON" | "COMPANY" | "PUBLIC_ORGANIZATION" | "ASSOCIATION";
      name: string;
      email: string;
      managementModel: ManagementModel;
      accountId: string | null;
      termsAccepted?: boolean;
      idControl?: "NONE" | "REQUIRED" | "PASSED";
      address?: Partial<AccountData>;
      vatNumber?: string;
    },
  ) {
    const h = await this.tx.handle.create({
      data: {
        handle,
        type: data.type,
        name: data.name,
        street: data.address?.street ?? "Vestergade 1",
        postalCode: data.address?.postalCode ?? "5000",
        city: data.address?.city ?? "Odense C",
        countryCode: "DK",
        email: data.email,
        phone: "+45.70000000",
        vatNumber: data.vatNumber ?? null,
        managementModel: data.managementModel,
        accountId: data.accountId,
        termsAcceptedAt: data.termsAccepted ? daysBefore(this.now, 400) : null,
        idControl: data.idControl ?? "NONE",
        createdAt: this.now,
      },
    });
    this.handleIds.set(handle, h.id);
  }

  private async demoHandles(demo: string) {
    await this.handle("JCA1-DK", {
      type: "COMPANY",
      name: "Jensen Consulting ApS",
      email: "kontakt@jensen-consulting.test",
      managementModel: "REGISTRAR",
      accountId: demo,
      termsAccepted: true,
      idControl: "PASSED",
      vatNumber: "DK11223344",
    });
    await this.handle("MN2-DK", {
      type: "PERSON",
      name: "Mette Nielsen",
      email: "mette@nielsen.test",
      managementModel: "REGISTRAR",
      accountId: demo,
      termsAccepted: true,
    });
    await this.handle("HH3-DK", {
      type: "PERSON",
      name: "Henrik Hansen",
      email: "henrik@hansen.test",
      managementModel: "REGISTRAR",
      accountId: demo,
      idControl: "REQUIRED",
    });
    await this.handle("SS4-DK", {
      type: "PERSON",
      name: "Søren Sørensen",
      email: "soren@sorensen.test",
      managementModel: "REGISTRANT",
      accountId: demo,
      termsAccepted: true,
    });
    await this.handle("BF5-DK", {
      type: "ASSOCIATION",
      name: "Boldklubben Fremad",
      email: "kasserer@bk-fremad.test",
      managementModel: "REGISTRANT",
      accountId: demo,
      termsAccepted: true,
    });
    await this.handle("KK6-DK", {
      type: "PUBLIC_ORGANIZATION",
      name: "Kommune Kulturhus",
      email: "it@kulturhus.test",
      managementModel: "REGISTRAR",
      accountId: demo,
    });
    // Two handles whose data equal Demo's account data: candidates to link (R-ACC-5).
    for (const h of ["DRA7-DK", "DRA8-DK"]) {
      await this.handle(h, {
        type: "COMPANY",
        name: demoData.name,
        email: demoData.email,
        managementModel: "REGISTRAR",
        accountId: null,
        address: demoData,
        vatNumber: demoData.vatNumber,
      });
    }
    // One that does not match: Demo's name and CVR at an old address and email (R-ACC-5: "Link
    // handle" lists it with the fields that differ, and linking it is refused).
    await this.handle("DRA9-DK", {
      type: "COMPANY",
      name: demoData.name,
      email: "info@demo-registrar.test",
      managementModel: "REGISTRAR",
      accountId: null,
      address: { street: "Gammel Kongevej 2", postalCode: "1610", city: "København V" },
      vatNumber: demoData.vatNumber,
    });
  }

  /**
   * R-CON-1: a dozen customer contacts of each type, as a Proxy user would create them (registry
   * ids, registrar-managed, linked to Demo, phones in E.164, valid CVR and EAN numbers). The first
   * few of each type are registrants of demo domains (`customerDomains`).
   */
  private async customerContacts(demo: string) {
    const contacts: {
      handle: string;
      type: "PERSON" | "COMPANY" | "PUBLIC_ORGANIZATION" | "ASSOCIATION";
      name: string;
      organisation?: string | null;
      street: string;
      street2?: string | null;
      postalCode: string;
      city: string;
      countryCode: string;
      email: string;
      phone: string;
      vatNumber?: string | null;
      ean?: string;
    }[] = [
      { handle: "BKA101-DK", type: "COMPANY", name: "Bageriet Kornet ApS", organisation: null, street: "Algade 12", street2: null, postalCode: "4000", city: "Roskilde", countryCode: "DK", email: "kontakt@bageriet-kornet.test", phone: "+4546351100", vatNumber: "29310009" },
      { handle: "TBA102-DK", type: "COMPANY", name: "Tømrerfirmaet Bjælke A/S", organisation: null, street: "Industrivej 4", street2: null, postalCode: "7100", city: "Vejle", countryCode: "DK", email: "kontakt@toemrerfirmaet-bjaelke.test", phone: "+4575821200", vatNumber: "29361711" },
      { handle: "NRA103-DK", type: "COMPANY", name: "Nordlys Rådgivning ApS", organisation: "Kundeservice", street: "Strandvejen 100", street2: "3. sal", postalCode: "2900", city: "Hellerup", countryCode: "DK", email: "kontakt@nordlys-raadgivning.test", phone: "+4539401500", vatNumber: "29413428" },
      { handle: "FVA104-DK", type: "COMPANY", name: "Fyns Vinhandel ApS", organisation: null, street: "Vestergade 45", street2: null, postalCode: "5000", city: "Odense C", countryCode: "DK", email: "kontakt@fyns-vinhandel.test", phone: "+4566131800", vatNumber: "29465134" },
      { handle: "HFI105-DK", type: "COMPANY", name: "Havnens Fisk I/S", organisation: null, street: "Havnepladsen 2", street2: null, postalCode: "9900", city: "Frederikshavn", countryCode: "DK", email: "kontakt@havnens-fisk.test", phone: "+4598421900", vatNumber: "29516847" },
      { handle: "GED106-DK", type: "COMPANY", name: "Grøn Energi Danmark A/S", organisation: "Driftsafdelingen", street: "Energivej 8", street2: "Bygning B", postalCode: "8200", city: "Aarhus N", countryCode: "DK", email: "kontakt@groen-energi-danmark.test", phone: "+4587301100", vatNumber: "29568553" },
      { handle: "SCA107-DK", type: "COMPANY", name: "Skovly Camping ApS", organisation: null, street: "Skovvejen 21", street2: null, postalCode: "8600", city: "Silkeborg", countryCode: "DK", email: "kontakt@skovly-camping.test", phone: "+4586821300", vatNumber: "29620261" },
      { handle: "BSA108-DK", type: "COMPANY", name: "Bogtrykkeriet Sats A/S", organisation: null, street: "Trykkerivej 3", street2: null, postalCode: "6000", city: "Kolding", countryCode: "DK", email: "kontakt@bogtrykkeriet-sats.test", phone: "+4575501400", vatNumber: "29671974" },
      { handle: "KA109-DK", type: "COMPANY", name: "Kaffekompagniet ApS", organisation: null, street: "Jernbanegade 9", street2: null, postalCode: "4700", city: "Næstved", countryCode: "DK", email: "kontakt@kaffekompagniet.test", phone: "+4555721500", vatNumber: "29723680" },
      { handle: "VBA110-DK", type: "COMPANY", name: "Vestkystens Byg ApS", organisation: null, street: "Kirkegade 30", street2: null, postalCode: "6700", city: "Esbjerg", countryCode: "DK", email: "kontakt@vestkystens-byg.test", phone: "+4575121600", vatNumber: "29775397" },
      { handle: "LTA111-DK", type: "COMPANY", name: "Lærkens Tandklinik ApS", organisation: null, street: "Lærkevej 1", street2: null, postalCode: "9000", city: "Aalborg", countryCode: "DK", email: "kontakt@laerkens-tandklinik.test", phone: "+4598111700", vatNumber: "29827109" },
      { handle: "DDA112-DK", type: "COMPANY", name: "Digital Dansk ApS", organisation: "Udvikling", street: "Nørrebrogade 52", street2: "Baghuset", postalCode: "2200", city: "København N", countryCode: "DK", email: "kontakt@digital-dansk.test", phone: "+4532451800", vatNumber: "29878811" },
      { handle: "AM113-DK", type: "PERSON", name: "Anne Mortensen", street: "Møllevej 3", postalCode: "8800", city: "Viborg", countryCode: "DK", email: "anne.mortensen@post.test", phone: "+4586601122" },
      { handle: "JH114-DK", type: "PERSON", name: "Jakob Holm", street: "Solvænget 14", postalCode: "2800", city: "Kongens Lyngby", countryCode: "DK", email: "jakob.holm@post.test", phone: "+4545871234" },
      { handle: "SK115-DK", type: "PERSON", name: "Sofie Kristensen", street: "Rosenvænget 7", postalCode: "5700", city: "Svendborg", countryCode: "DK", email: "sofie.kristensen@post.test", phone: "+4562211234" },
      { handle: "MP116-DK", type: "PERSON", name: "Mads Poulsen", street: "Bakkedraget 22", postalCode: "8300", city: "Odder", countryCode: "DK", email: "mads.poulsen@post.test", phone: "+4586541234" },
      { handle: "IL117-DK", type: "PERSON", name: "Ida Larsen", street: "Åboulevarden 80", postalCode: "8000", city: "Aarhus C", countryCode: "DK", email: "ida.larsen@post.test", phone: "+4520123456" },
      { handle: "PR118-DK", type: "PERSON", name: "Peter Rasmussen", street: "Grønnegade 5", postalCode: "6400", city: "Sønderborg", countryCode: "DK", email: "peter.rasmussen@post.test", phone: "+4574421234" },
      { handle: "EJ119-DK", type: "PERSON", name: "Emma Johansson", street: "Storgatan 12", postalCode: "21142", city: "Malmö", countryCode: "SE", email: "emma.johansson@post.test", phone: "+46401234567" },
      { handle: "LS120-DK", type: "PERSON", name: "Lukas Schmidt", street: "Hafenstraße 8", postalCode: "24937", city: "Flensburg", countryCode: "DE", email: "lukas.schmidt@post.test", phone: "+494611234567" },
      { handle: "FA121-DK", type: "PERSON", name: "Freja Andersen", street: "Fjordvej 9", postalCode: "7800", city: "Skive", countryCode: "DK", email: "freja.andersen@post.test", phone: "+4597521234" },
      { handle: "WJ122-DK", type: "PERSON", name: "William Jørgensen", street: "Parkallé 2", postalCode: "4200", city: "Slagelse", countryCode: "DK", email: "william.joergensen@post.test", phone: "+4558521234" },
      { handle: "CM123-DK", type: "PERSON", name: "Clara Madsen", street: "Engvej 17", postalCode: "3400", city: "Hillerød", countryCode: "DK", email: "clara.madsen@post.test", phone: "+4548261234" },
      { handle: "NT124-DK", type: "PERSON", name: "Noah Thomsen", street: "Kastanievej 11", postalCode: "9700", city: "Brønderslev", countryCode: "DK", email: "noah.thomsen@post.test", phone: "+4598821234" },
      { handle: "EK125-DK", type: "PUBLIC_ORGANIZATION", name: "Egeskov Kommune", organisation: "IT-afdelingen", street: "Rådhustorvet 1", street2: null, postalCode: "5750", city: "Ringe", countryCode: "DK", email: "it@egeskov-kommune.test", phone: "+4562621000", vatNumber: "29982236", ean: "5798070000000" },
      { handle: "RV126-DK", type: "PUBLIC_ORGANIZATION", name: "Region Vestdanmark", organisation: "Digitalisering", street: "Regionsgården 1", street2: "Indgang A", postalCode: "7500", city: "Holstebro", countryCode: "DK", email: "it@region-vestdanmark.test", phone: "+4596111000", vatNumber: null, ean: "5798070013796" },
      { handle: "BS127-DK", type: "PUBLIC_ORGANIZATION", name: "Bakkely Skole", organisation: null, street: "Skolevej 10", street2: null, postalCode: "8381", city: "Tilst", countryCode: "DK", email: "it@bakkely-skole.test", phone: "+4587451000", vatNumber: null, ean: "5798070027588" },
      { handle: "FB128-DK", type: "PUBLIC_ORGANIZATION", name: "Fjordbyens Bibliotek", organisation: null, street: "Biblioteksgade 2", street2: null, postalCode: "7620", city: "Lemvig", countryCode: "DK", email: "it@fjordbyens-bibliotek.test", phone: "+4597811000", vatNumber: null, ean: "5798070041379" },
      { handle: "SN129-DK", type: "PUBLIC_ORGANIZATION", name: "Sundhedshuset Nord", organisation: null, street: "Sygehusvej 4", street2: null, postalCode: "9800", city: "Hjørring", countryCode: "DK", email: "it@sundhedshuset-nord.test", phone: "+4598921000", vatNumber: null, ean: "5798070055161" },
      { handle: "KA130-DK", type: "PUBLIC_ORGANIZATION", name: "Kulturcenter Åhuset", organisation: "Administrationen", street: "Åvej 6", street2: null, postalCode: "6900", city: "Skjern", countryCode: "DK", email: "it@kulturcenter-aahuset.test", phone: "+4597351000", vatNumber: null, ean: "5798070068956" },
      { handle: "BS131-DK", type: "PUBLIC_ORGANIZATION", name: "Beredskab Sydøst", organisation: null, street: "Brandstationsvej 1", street2: null, postalCode: "4800", city: "Nykøbing F", countryCode: "DK", email: "it@beredskab-sydoest.test", phone: "+4554821000", vatNumber: null, ean: "5798070082747" },
      { handle: "HG132-DK", type: "PUBLIC_ORGANIZATION", name: "Havnefronten Gymnasium", organisation: null, street: "Gymnasievej 20", street2: null, postalCode: "5900", city: "Rudkøbing", countryCode: "DK", email: "it@havnefronten-gymnasium.test", phone: "+4562511000", vatNumber: null, ean: "5798070096539" },
      { handle: "NOM133-DK", type: "PUBLIC_ORGANIZATION", name: "Natur og Miljø Midt", organisation: null, street: "Miljøvej 3", street2: null, postalCode: "8800", city: "Viborg", countryCode: "DK", email: "it@natur-og-miljoe.test", phone: "+4587871000", vatNumber: null, ean: "5798070110327" },
      { handle: "BS134-DK", type: "PUBLIC_ORGANIZATION", name: "Borgerservice Øst", organisation: "Borgerservice", street: "Torvegade 15", street2: "Stuen", postalCode: "3700", city: "Rønne", countryCode: "DK", email: "it@borgerservice-oest.test", phone: "+4556921000", vatNumber: null, ean: "5798070124119" },
      { handle: "MK135-DK", type: "PUBLIC_ORGANIZATION", name: "Musikskolen Klang", organisation: null, street: "Musikvej 8", street2: null, postalCode: "4300", city: "Holbæk", countryCode: "DK", email: "it@musikskolen-klang.test", phone: "+4559481000", vatNumber: null, ean: "5798070137904" },
      { handle: "VS136-DK", type: "PUBLIC_ORGANIZATION", name: "Vejdirektoratet Syd", organisation: null, street: "Vejvej 1", street2: null, postalCode: "6200", city: "Aabenraa", countryCode: "DK", email: "it@vejdirektoratet-syd.test", phone: "+4574341000", vatNumber: null, ean: "5798070151696" },
      { handle: "RB137-DK", type: "ASSOCIATION", name: "Roklubben Bølgen", street: "Strandpromenaden 4", postalCode: "8700", city: "Horsens", countryCode: "DK", email: "formand@roklubben-boelgen.test", phone: "+4520304050" },
      { handle: "HS138-DK", type: "ASSOCIATION", name: "Haveforeningen Solsikken", street: "Kolonivej 1", postalCode: "2450", city: "København SV", countryCode: "DK", email: "formand@haveforeningen-solsikken.test", phone: "+4521314151" },
      { handle: "SS139-DK", type: "ASSOCIATION", name: "Skakklubben Springer", street: "Klubvej 7", postalCode: "5000", city: "Odense C", countryCode: "DK", email: "formand@skakklubben-springer.test", phone: "+4522324252" },
      { handle: "GE140-DK", type: "ASSOCIATION", name: "Grundejerforeningen Engen", street: "Engvej 1", postalCode: "4600", city: "Køge", countryCode: "DK", email: "formand@grundejerforeningen-engen.test", phone: "+4523334353" },
      { handle: "LT141-DK", type: "ASSOCIATION", name: "Løbeklubben Trav", street: "Stadionvej 3", postalCode: "9000", city: "Aalborg", countryCode: "DK", email: "formand@loebeklubben-trav.test", phone: "+4524344454" },
      { handle: "SU142-DK", type: "ASSOCIATION", name: "Spejdergruppen Ulven", street: "Spejdervej 2", postalCode: "7400", city: "Herning", countryCode: "DK", email: "formand@spejdergruppen-ulven.test", phone: "+4525354555" },
      { handle: "KH143-DK", type: "ASSOCIATION", name: "Kor Harmonien", street: "Kirkepladsen 1", postalCode: "6100", city: "Haderslev", countryCode: "DK", email: "formand@kor-harmonien.test", phone: "+4526364656" },
      { handle: "BH144-DK", type: "ASSOCIATION", name: "Biavlerforeningen Honning", street: "Markvej 12", postalCode: "4400", city: "Kalundborg", countryCode: "DK", email: "formand@biavlerforeningen-honning.test", phone: "+4527374757" },
      { handle: "FB145-DK", type: "ASSOCIATION", name: "Fotoklubben Blænde", street: "Kunstnervej 5", postalCode: "8900", city: "Randers C", countryCode: "DK", email: "formand@fotoklubben-blaende.test", phone: "+4528384858" },
      { handle: "TN146-DK", type: "ASSOCIATION", name: "Tennisklubben Net", street: "Tennisvej 9", postalCode: "2920", city: "Charlottenlund", countryCode: "DK", email: "formand@tennisklubben-net.test", phone: "+4529394959" },
      { handle: "SM147-DK", type: "ASSOCIATION", name: "Strikkeforeningen Maske", street: "Garnvej 4", postalCode: "5600", city: "Faaborg", countryCode: "DK", email: "formand@strikkeforeningen-maske.test", phone: "+4530405060" },
      { handle: "CP148-DK", type: "ASSOCIATION", name: "Cykelklubben Pedal", street: "Cykelstien 1", postalCode: "7000", city: "Fredericia", countryCode: "DK", email: "formand@cykelklubben-pedal.test", phone: "+4531415161" },
    ];
    for (const c of contacts) {
      const h = await this.tx.handle.create({
        data: {
          ...c,
          managementModel: "REGISTRAR",
          accountId: demo,
          termsAcceptedAt: CUSTOMER_REGISTRANTS.has(c.handle) ? daysBefore(this.now, 120) : null,
          createdAt: daysBefore(this.now, 130),
        },
      });
      this.handleIds.set(c.handle, h.id);
    }
  }

  /** Issue 16: see SeedOptions.registrantLinks — the handle and the suspended name. */
  async registrantLinkData() {
    const tx = this.tx;
    const demo = await tx.registrarAccount.findFirstOrThrow({ where: { handle: { handle: DEMO_ACCOUNT_HANDLE } } });
    await tx.handle.create({
      data: {
        handle: REGISTRANT_LINK_HANDLE,
        type: "PERSON",
        name: "Lise Rasmussen",
        street: "Skolegade 7",
        postalCode: "8000",
        city: "Aarhus C",
        countryCode: "DK",
        email: "lise@rasmussen.test",
        phone: "+45.70000000",
        managementModel: "REGISTRAR",
        accountId: demo.id,
        createdAt: this.now,
      },
    });
    // redemption ends at 00:00 local in two days: a waiting list's offer needs the clock moved
    // only that far (issue 16's acceptance)
    const suspendedOn = addDays(this.today, 2 - defaultPolicy.redemptionDays);
    const registrant = await tx.handle.findUniqueOrThrow({ where: { handle: "MN2-DK" } });
    const { aLabel, uLabel } = parseDomainName("slettes-snart.dk");
    await tx.domain.create({
      data: {
        aLabel,
        uLabel,
        liveName: aLabel,
        state: "SUSPENDED",
        managementModel: "REGISTRAR",
        renewalPolicy: "AUTO_RENEW",
        registrarId: demo.id,
        registrantId: registrant.id,
        crDate: new Date(expiryInstant(addYears(suspendedOn, -1)).getTime() + 10 * 3_600_000),
        exDate: registryDateToDb(addYears(suspendedOn, 0)),
        suspendedAt: new Date(expiryInstant(suspendedOn).getTime() + 9 * 3_600_000),
        suspensionReason: "CANCELLED",
        deleteAt: expiryInstant(addDays(suspendedOn, defaultPolicy.redemptionDays)),
        createdAt: new Date(expiryInstant(addYears(suspendedOn, -1)).getTime() + 10 * 3_600_000),
      },
    });
  }

  /** Issue 21: see SeedOptions.pendingIdControls. */
  async pendingIdControls() {
    const tx = this.tx;
    const requests = [
      { domain: "loppemarked-demo.dk", handle: "IDC7-DK", name: "Ida Christensen", email: "ida@christensen.test", account: DEMO_ACCOUNT_HANDLE },
      { domain: "other-sport.dk", handle: "OIC3-DK", name: "Otto Iversen", email: "otto@iversen.test", account: OTHER_ACCOUNT_HANDLE },
    ];
    for (const r of requests) {
      const account = await tx.registrarAccount.findFirstOrThrow({ where: { handle: { handle: r.account } } });
      const domain = await tx.domain.findFirstOrThrow({ where: { liveName: r.domain } });
      const to = await tx.handle.create({
        data: {
          handle: r.handle,
          type: "PERSON",
          name: r.name,
          street: "Torvet 2",
          postalCode: "4000",
          city: "Roskilde",
          countryCode: "DK",
          email: r.email,
          managementModel: "REGISTRAR",
          accountId: account.id,
          termsAcceptedAt: this.now,
          idControl: "REQUIRED",
          createdAt: this.now,
        },
      });
      await tx.registrantChangeRequest.create({
        data: {
          domainId: domain.id,
          accountId: account.id,
          fromHandleId: domain.registrantId,
          toHandleId: to.id,
          state: "ID_CONTROL_REQUESTED",
          idControlRequestedAt: this.now,
          idControlExpiresAt: addLocalDays(this.now, defaultPolicy.registrantChange.idControlRequestDays),
          createdAt: this.now,
          updatedAt: this.now,
        },
      });
    }
  }

  private async otherHandles(other: string) {
    await this.handle("OC1-DK", {
      type: "COMPANY",
      name: "Odder Cykler A/S",
      email: "info@odder-cykler.test",
      managementModel: "REGISTRAR",
      accountId: other,
      termsAccepted: true,
    });
    await this.handle("OP2-DK", {
      type: "PERSON",
      name: "Ole Pedersen",
      email: "ole@pedersen.test",
      managementModel: "REGISTRAR",
      accountId: other,
      termsAccepted: true,
    });
  }

  private async nameServer(host: string, nsa: string, glueV4: string[] = [], glueV6: string[] = []) {
    const ns = await this.tx.nameServer.create({
      data: {
        host,
        nsaHandleId: this.handleIds.get(nsa)!,
        managementModel: "REGISTRAR",
        glueV4,
        glueV6,
        createdAt: this.now,
      },
    });
    this.nameServerIds.set(host, ns.id);
  }

  private demoDomains(): DomainSpec[] {
    const outOfZone = ["ns1.dns-provider.net", "ns2.dns-provider.net"];
    const inZone = ["ns1.demo-hosting.dk", "ns2.demo-hosting.dk"];
    const specs: DomainSpec[] = [
      { name: "demo-hosting.dk", state: "ACTIVE", registrant: "JCA1-DK", nameServers: inZone, crDate: addDays(this.today, -700), periodYears: 5 },
      { name: "søbakke.dk", state: "ACTIVE", registrant: "MN2-DK", nameServers: outOfZone, crDate: addDays(this.today, -200), periodYears: 2 },
      { name: "blåbærhaven.dk", state: "ACTIVE", registrant: "MN2-DK", nameServers: inZone, crDate: addDays(this.today, -90), periodYears: 1 },
      { name: "ærø-cykler.dk", state: "ACTIVE", registrant: "JCA1-DK", nameServers: [...outOfZone, "ns.example-cloud.com"], crDate: addDays(this.today, -30), periodYears: 3 },
      // registrant-managed: one paid by the registrar, one by the registrant (invoiced, R-REN-2)
      { name: "sorensen-familie.dk", state: "ACTIVE", registrant: "SS4-DK", managementModel: "REGISTRANT", payer: DEMO_ACCOUNT_HANDLE, nameServers: outOfZone, crDate: addDays(this.today, -150), periodYears: 1 },
      { name: "bk-fremad.dk", state: "ACTIVE", registrant: "BF5-DK", managementModel: "REGISTRANT", payer: "BF5-DK", proxy: "BF5-DK", nameServers: outOfZone, crDate: addDays(this.today, -250), periodYears: 1 },
    ];
    const words = [
      "bageriet", "tandlaegen", "vvs-service", "malerfirma", "frisoer", "cafe-hygge", "boghandel",
      "cykelsmed", "blomster", "advokat", "revision", "tomrer", "elektriker", "murer", "kloak",
      "gartner", "dyrlaege", "optiker", "fysioterapi", "yogastudie", "kaffebar", "pizzeria",
      "sushi", "vinhandel", "slagter", "fiskehandel", "isbutik", "loppemarked", "antik",
      "galleri", "musikskole", "koereskole", "rengoering", "flytte", "vikar", "it-support",
    ];
    words.forEach((w, i) => {
      const registrant = i % 3 === 0 ? "JCA1-DK" : i % 3 === 1 ? "MN2-DK" : "KK6-DK";
      specs.push({
        name: `${w}-demo.dk`,
        state: "ACTIVE",
        registrant,
        renewalPolicy: i % 7 === 3 ? "AUTO_EXPIRE" : "AUTO_RENEW",
        nameServers: i % 2 ? outOfZone : inZone,
        crDate: addDays(this.today, -(20 + ((i * 37) % 600))),
        periodYears: 1 + (i % 4),
      });
    });
    // expiring within 30 days
    for (let i = 0; i < 8; i++) {
      const exDate = addDays(this.today, 2 + i * 3);
      specs.push({
        name: `udloeber-${i + 1}.dk`,
        state: "ACTIVE",
        registrant: i % 2 ? "MN2-DK" : "JCA1-DK",
        renewalPolicy: i % 2 ? "AUTO_EXPIRE" : "AUTO_RENEW",
        nameServers: outOfZone,
        crDate: addYears(exDate, -1),
        exDate,
        periodYears: 1,
      });
    }
    // suspended in redemption: expired under auto-expire, and cancelled
    for (let i = 0; i < 3; i++) {
      const exDate = addDays(this.today, -(3 + i * 6));
      specs.push({
        name: `udloebet-${i + 1}.dk`,
        state: "SUSPENDED",
        registrant: "MN2-DK",
        renewalPolicy: "AUTO_EXPIRE",
        nameServers: outOfZone,
        crDate: addYears(exDate, -1),
        exDate,
        suspendedOn: exDate,
        suspension: "EXPIRED",
        periodYears: 1,
      });
    }
    specs.push({
      name: "opsagt-demo.dk",
      state: "SUSPENDED",
      registrant: "JCA1-DK",
      nameServers: outOfZone,
      crDate: addDays(this.today, -300),
      suspendedOn: addDays(this.today, -5),
      suspension: "CANCELLED",
      periodYears: 1,
    });
    // held, awaiting the registrant's acceptance of terms (R-REG-2, method 2)
    for (const name of ["ny-kunde.dk", "afventer-accept.dk"]) {
      specs.push({ name, state: "HELD", registrant: "HH3-DK", nameServers: outOfZone, periodYears: 1 });
    }
    // the customer contacts' own domains (R-CON-1: contacts that are registrants)
    [...CUSTOMER_REGISTRANTS].forEach(([handle, name], i) => {
      specs.push({
        name,
        state: "ACTIVE",
        registrant: handle,
        nameServers: i % 2 ? inZone : outOfZone,
        crDate: addDays(this.today, -(100 + i * 11)),
        periodYears: 1 + (i % 2),
      });
    });
    return specs;
  }

  private otherDomains(): DomainSpec[] {
    const ns = ["ns1.other-hosting.dk", "ns2.other-hosting.dk"];
    return ["hosting", "cykler", "shop", "blog", "foto", "kontor", "byg", "mad", "rejser", "sport"].map(
      (w, i) => ({
        name: `other-${w}.dk`,
        state: "ACTIVE" as const,
        registrant: i % 2 ? "OP2-DK" : "OC1-DK",
        nameServers: ns,
        crDate: addDays(this.today, -(40 + i * 50)),
        periodYears: 1 + (i % 2),
      }),
    );
  }

  private async domains(accountId: string, specs: DomainSpec[]): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const spec of specs) {
      const { aLabel, uLabel } = parseDomainName(spec.name);
      const held = spec.state === "HELD";
      const crDate = spec.crDate ?? this.today;
      const crInstant = held ? null : new Date(expiryInstant(crDate).getTime() + 10 * 3_600_000);
      const years = spec.periodYears ?? 1;
      let exDate = spec.exDate ?? addYears(crDate, years);
      // active domains are seeded unexpired: roll forward as auto-renew would have
      while (spec.state === "ACTIVE" && exDate <= this.today) exDate = addYears(exDate, 1);
      const suspendedAt = spec.suspendedOn
        ? spec.suspension === "EXPIRED"
          ? expiryInstant(spec.suspendedOn)
          : new Date(expiryInstant(spec.suspendedOn).getTime() + 9 * 3_600_000)
        : null;
      const domain = await this.tx.domain.create({
        data: {
          aLabel,
          uLabel,
          liveName: aLabel,
          state: spec.state,
          managementModel: spec.managementModel ?? "REGISTRAR",
          renewalPolicy: spec.renewalPolicy ?? "AUTO_RENEW",
          registrarId: accountId,
          registrantId: this.handleIds.get(spec.registrant)!,
          proxyId: spec.proxy ? this.handleIds.get(spec.proxy)! : null,
          payerId: spec.payer ? this.handleIds.get(spec.payer)! : null,
          crDate: crInstant,
          exDate: held ? null : registryDateToDb(exDate),
          suspendedAt,
          suspensionReason: spec.suspension ?? null,
          deleteAt: spec.suspendedOn
            ? expiryInstant(addDays(spec.suspendedOn, defaultPolicy.redemptionDays))
            : null,
          createdAt: crInstant ?? daysBefore(this.now, 1),
          delegations: {
            create: spec.nameServers.map((host, position) => ({
              nameServerId: this.nameServerIds.get(host)!,
              position,
            })),
          },
        },
      });
      ids.set(aLabel, domain.id);
      if (held) {
        const appliedAt = daysBefore(this.now, 1);
        await this.tx.registrationHold.create({
          data: {
            domainId: domain.id,
            accountId,
            registrantId: domain.registrantId,
            tokenHash: createHash("sha256").update(randomBytes(16)).digest("hex"),
            periodYears: years,
            appliedAt,
            expiresAt: holdEndsAt(appliedAt, defaultPolicy.registration.holdDays),
          },
        });
      } else if (!spec.payer || spec.payer === DEMO_ACCOUNT_HANDLE || spec.payer === OTHER_ACCOUNT_HANDLE) {
        this.entries(accountId).push({
          at: crInstant!,
          amount: -years * defaultPolicy.prices.perYearOre,
          operation: "REGISTRATION",
          domain: aLabel,
          description: `Registration of ${uLabel}, ${years} year${years > 1 ? "s" : ""}`,
        });
      }
    }
    return ids;
  }

  private entries(accountId: string) {
    let list = this.ledger.get(accountId);
    if (!list) this.ledger.set(accountId, (list = []));
    return list;
  }

  private credit(
    accountId: string,
    operation: LedgerOperation,
    amount: number,
    daysAgo: number,
    description: string,
    reference: string,
  ) {
    this.entries(accountId).push({
      at: daysBefore(this.now, daysAgo),
      amount,
      operation,
      description,
      paymentId: reference,
    });
  }

  /** Insert each account's ledger in time order and set the balance to its sum. */
  private async bookLedgers() {
    for (const [accountId, list] of this.ledger) {
      list.sort((a, b) => a.at.getTime() - b.at.getTime());
      let balance = 0;
      for (const e of list) {
        balance += e.amount;
        let paymentId: string | null = null;
        if (e.paymentId) {
          const card = e.operation === "TOP_UP_CARD";
          const payment = await this.tx.payment.create({
            data: {
              accountId,
              method: card ? "CARD" : "BANK",
              provider: card ? "sandbox-card" : "bank",
              providerReference: e.paymentId,
              amount: e.amount,
              state: "SUCCEEDED",
              createdAt: e.at,
              confirmedAt: e.at,
              createdBy: card ? "payer@demo.test" : "operator@registry.test",
            },
          });
          paymentId = payment.id;
        }
        await this.tx.ledgerEntry.create({
          data: {
            accountId,
            operation: e.operation,
            amount: e.amount,
            balanceAfter: balance,
            domainName: e.domain ?? null,
            paymentId,
            actorKind: e.operation === "PAYMENT_BANK" ? "OPERATOR" : "PORTAL",
            actorLabel: e.operation === "PAYMENT_BANK" ? "operator@registry.test" : SEED_ACTOR,
            description: e.description,
            createdAt: e.at,
          },
        });
      }
      await this.tx.registrarAccount.update({ where: { id: accountId }, data: { balance } });
    }
  }

  private async notifications(demo: string, other: string) {
    const suspended = await this.tx.domain.findMany({
      where: { registrarId: demo, state: "SUSPENDED" },
      orderBy: { suspendedAt: "asc" },
    });
    const rows = suspended.map((d) => ({
      accountId: demo,
      type: d.suspensionReason === "EXPIRED" ? "DOMAIN_EXPIRED_SUSPENDED" : "DOMAIN_CANCELLED",
      domainName: d.aLabel,
      message:
        d.suspensionReason === "EXPIRED"
          ? `Domain ${d.uLabel} expired and is suspended; it can be restored until ${localDateOf(d.deleteAt!)}`
          : `Domain ${d.uLabel} was cancelled and is suspended; it can be restored until ${localDateOf(d.deleteAt!)}`,
      // the data the Messages page renders the text from, as the lifecycle and cancel write it
      data: (d.suspensionReason === "EXPIRED"
        ? { deleteOn: localDateOf(d.deleteAt!) }
        : { deleteAt: d.deleteAt!.toISOString() }) as Record<string, string>,
      createdAt: d.suspendedAt!,
    }));
    const hold = await this.tx.registrationHold.findFirst({
      where: { domain: { aLabel: "ny-kunde.dk" } },
      select: { expiresAt: true },
    });
    rows.push({
      accountId: demo,
      type: "REGISTRATION_TERMS_REQUESTED",
      domainName: "ny-kunde.dk",
      message: "Registration of ny-kunde.dk awaits the registrant's acceptance of the terms",
      data: hold ? { holdExpiresAt: hold.expiresAt.toISOString() } : {},
      createdAt: daysBefore(this.now, 1),
    });
    rows.push({
      accountId: other,
      type: "WELCOME",
      domainName: null as unknown as string,
      message: "Welcome to the sandbox of the Registrar Portal",
      data: {},
      createdAt: this.now,
    });
    await this.tx.notification.createMany({ data: rows });
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
