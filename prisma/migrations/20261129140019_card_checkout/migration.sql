-- CreateEnum
CREATE TYPE "CheckoutState" AS ENUM ('OPEN', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "CardCheckout" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "state" "CheckoutState" NOT NULL DEFAULT 'OPEN',
    "paymentId" UUID,
    "failureCode" TEXT,
    "failureReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "settledAt" TIMESTAMPTZ(3),

    CONSTRAINT "CardCheckout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CardCheckout_idempotencyKey_key" ON "CardCheckout"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "CardCheckout_paymentId_key" ON "CardCheckout"("paymentId");

-- CreateIndex
CREATE INDEX "CardCheckout_accountId_createdAt_idx" ON "CardCheckout"("accountId", "createdAt");

-- AddForeignKey
ALTER TABLE "CardCheckout" ADD CONSTRAINT "CardCheckout_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardCheckout" ADD CONSTRAINT "CardCheckout_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
