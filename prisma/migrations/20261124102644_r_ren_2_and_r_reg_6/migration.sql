-- AlterEnum
ALTER TYPE "SuspensionReason" ADD VALUE 'NON_PAYMENT';

-- AlterTable
-- existing invoices fall due 30 days after they were issued (the policy default)
ALTER TABLE "Invoice" ADD COLUMN     "dueAt" TIMESTAMPTZ(3);
UPDATE "Invoice" SET "dueAt" = "issuedAt" + interval '30 days';
ALTER TABLE "Invoice" ALTER COLUMN "dueAt" SET NOT NULL;

-- AlterTable
ALTER TABLE "RegistrationHold" ADD COLUMN     "offerId" UUID;

-- CreateIndex
CREATE INDEX "Invoice_state_dueAt_idx" ON "Invoice"("state", "dueAt");

-- AddForeignKey
ALTER TABLE "RegistrationHold" ADD CONSTRAINT "RegistrationHold_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "WaitingListOffer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
