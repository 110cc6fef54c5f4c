"use server";

import { bookBankPayment, cancelInvoice, markInvoicePaid } from "@/lib/registry/billing";
import {
  blockName,
  createRegistrar,
  importBankStatement,
  reactivateRegistrar,
  resetSandboxDemoData,
  runLifecycleNow,
  setSandboxClockOffset,
  suspendRegistrar,
  unblockName,
} from "@/lib/registry/operator";
import { createPolicyVersion, policyPresets } from "@/lib/registry/policy-admin";
import { decideIdControl, joinWaitingList } from "@/lib/registry/registrants";
import {
  allowlistLines,
  blockNameSchema,
  bookPaymentSchema,
  cancelInvoiceSchema,
  clockOffsetSchema,
  createRegistrarSchema,
  decideIdControlSchema,
  emptySchema,
  importStatementSchema,
  invoiceNumberSchema,
  registrarIdSchema,
  setPolicySchema,
  suspendRegistrarSchema,
  toPolicyForm,
  waitingListEntrySchema,
} from "@/lib/schemas/operator";
import { defineOperatorAction } from "./define-operator";

// The operator console's actions (issue 21). Each runs as the signed-in operator; the core
// audits every one with the operator as actor.

const FORGED_ID = "00000000-0000-4000-8000-000000000000";

export const createRegistrarAction = defineOperatorAction({
  schema: createRegistrarSchema,
  run: (ctx, input) =>
    createRegistrar(ctx, {
      name: input.name,
      cvr: input.cvr,
      street: input.street,
      postalCode: input.postalCode,
      city: input.city,
      countryCode: input.countryCode,
      email: input.email,
      phone: input.phone || null,
      fikCode: input.fikCode,
      accountNumber: input.accountNumber || null,
      admin: { name: input.adminName, email: input.adminEmail },
      allowlist: allowlistLines(input.allowlist),
    }),
  revalidate: () => ["/operator/registrars"],
  forge: () => ({
    name: "Forged Registrar ApS",
    cvr: "11223344",
    street: "Vej 1",
    postalCode: "1000",
    city: "København",
    countryCode: "DK",
    email: "hostmaster@forged.test",
    fikCode: "99887766",
    adminName: "Forged Admin",
    adminEmail: "admin@forged.test",
    allowlist: "127.0.0.1",
  }),
});

export const suspendRegistrarAction = defineOperatorAction({
  schema: suspendRegistrarSchema,
  run: (ctx, input) => suspendRegistrar(ctx, input),
  revalidate: (input) => ["/operator/registrars", `/operator/registrars/${input.accountId}`],
  forge: () => ({ accountId: FORGED_ID, reason: "forged" }),
});

export const reactivateRegistrarAction = defineOperatorAction({
  schema: registrarIdSchema,
  run: (ctx, input) => reactivateRegistrar(ctx, input),
  revalidate: (input) => ["/operator/registrars", `/operator/registrars/${input.accountId}`],
  forge: () => ({ accountId: FORGED_ID }),
});

export const bookPaymentAction = defineOperatorAction({
  schema: bookPaymentSchema,
  run: (ctx, input) =>
    bookBankPayment(
      ctx,
      input.method === "FIK"
        ? { method: "FIK", fikCode: input.payee, reference: input.reference, amount: input.amount, valueDate: input.valueDate }
        : { method: "BANK", accountNumber: input.payee, reference: input.reference, amount: input.amount, valueDate: input.valueDate },
    ),
  revalidate: () => ["/operator/payments", "/operator/registrars"],
  forge: () => ({ method: "FIK", payee: "12345678", amount: "100.00", valueDate: "2026-01-02", reference: "FORGED-1" }),
});

export const importBankStatementAction = defineOperatorAction({
  schema: importStatementSchema,
  run: (ctx, input) => importBankStatement(ctx, input),
  revalidate: () => ["/operator/payments", "/operator/registrars"],
  forge: () => ({
    fileName: "forged.csv",
    content: "date,reference,amount,fik_code,account_number\n2026-01-02,FORGED-2,100.00,12345678,\n",
  }),
});

export const decideIdControlAction = defineOperatorAction({
  schema: decideIdControlSchema,
  run: (ctx, input) => decideIdControl(ctx, input.requestId, input.decision, { reason: input.reason }),
  revalidate: () => ["/operator/id-control"],
  forge: () => ({ requestId: FORGED_ID, decision: "rejected", reason: "forged" }),
});

export const markInvoicePaidAction = defineOperatorAction({
  schema: invoiceNumberSchema,
  run: (ctx, input) => markInvoicePaid(ctx, input),
  revalidate: () => ["/operator/invoices"],
  forge: () => ({ number: 2_000_000_000 }),
});

export const cancelInvoiceAction = defineOperatorAction({
  schema: cancelInvoiceSchema,
  run: (ctx, input) => cancelInvoice(ctx, input),
  revalidate: () => ["/operator/invoices"],
  forge: () => ({ number: 2_000_000_000, reason: "forged" }),
});

export const setPolicyAction = defineOperatorAction({
  schema: setPolicySchema,
  run: (ctx, input) => createPolicyVersion(ctx, input),
  revalidate: () => ["/operator/policy"],
  // the defaults again: a version that changes nothing
  forge: () => ({ ...toPolicyForm(policyPresets.spec2021), effectiveFrom: "" }),
});

export const blockNameAction = defineOperatorAction({
  schema: blockNameSchema,
  run: (ctx, input) => blockName(ctx, input),
  revalidate: () => ["/operator/names"],
  forge: (f) => ({ name: f.domain, reason: "forged" }),
});

export const unblockNameAction = defineOperatorAction({
  schema: blockNameSchema,
  run: (ctx, input) => unblockName(ctx, input),
  revalidate: () => ["/operator/names"],
  forge: () => ({ name: "punktum.dk", reason: "forged" }),
});

export const addWaitingListEntryAction = defineOperatorAction({
  schema: waitingListEntrySchema,
  run: (ctx, input) => joinWaitingList(ctx, { ...input, handle: input.handle || null }),
  revalidate: () => ["/operator/names"],
  forge: (f) => ({ name: f.domain, holderName: "Forged Holder", holderEmail: "holder@forged.test" }),
});

export const setClockOffsetAction = defineOperatorAction({
  schema: clockOffsetSchema,
  run: (ctx, input) => setSandboxClockOffset(ctx, { seconds: input.days * 86_400 }),
  revalidate: () => ["/operator/sandbox"],
  forge: () => ({ days: 0 }),
});

export const runLifecycleNowAction = defineOperatorAction({
  schema: emptySchema,
  run: (ctx) => runLifecycleNow(ctx),
  revalidate: () => ["/operator/sandbox"],
  forge: () => ({}),
});

/** Issue 21: the sandbox back to its first start (everyone, the operator too, logs in again). */
export const resetDemoDataAction = defineOperatorAction({
  schema: emptySchema,
  run: async (ctx) => {
    const summary = await resetSandboxDemoData(ctx);
    return { domains: summary.domains, users: summary.users };
  },
  // nothing to re-render: the operator's own session went with the data (the page sends it to login)
  revalidate: () => [],
  forge: () => ({}),
});
