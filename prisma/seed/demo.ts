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
import {
  addDays,
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

/** How many demo logins (users and operators) the seed makes: one password hash each. */
const DEMO_LOGINS = 10;

export async function seedDemoRegistry(
  prisma: PrismaClient,
  now: Date = new Date(),
): Promise<{ seeded: boolean }> {
  if (await prisma.handle.findUnique({ where: { handle: DEMO_ACCOUNT_HANDLE } })) {
    return { seeded: false }; // the common case on every start after the first: no hashing
  }
  // one hash per login, each with its own salt: demo users must not share one (issue 11)
  const passwordHashes = await Promise.all(
    Array.from({ length: DEMO_LOGINS }, () => hashPassword(DEMO_PASSWORD)),
  );
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.handle.findUnique({ where: { handle: DEMO_ACCOUNT_HANDLE } });
      if (existing) return { seeded: false };
      await new Seeder(tx, now, passwordHashes).run();
      return { seeded: true };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

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
      createdAt: d.suspendedAt!,
    }));
    rows.push({
      accountId: demo,
      type: "REGISTRATION_TERMS_REQUESTED",
      domainName: "ny-kunde.dk",
      message: "Registration of ny-kunde.dk awaits the registrant's acceptance of the terms",
      createdAt: daysBefore(this.now, 1),
    });
    rows.push({
      accountId: other,
      type: "WELCOME",
      domainName: null as unknown as string,
      message: "Welcome to the sandbox of the Registrar Portal",
      createdAt: this.now,
    });
    await this.tx.notification.createMany({ data: rows });
  }
}

function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}
