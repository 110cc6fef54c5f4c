-- CreateEnum
CREATE TYPE "BulkJobKind" AS ENUM ('RENEW', 'SET_RENEWAL_POLICY');

-- CreateEnum
CREATE TYPE "BulkJobState" AS ENUM ('RUNNING', 'DONE');

-- CreateEnum
CREATE TYPE "BulkItemState" AS ENUM ('PENDING', 'RUNNING', 'SUCCEEDED', 'REFUSED', 'SKIPPED');

-- CreateTable
CREATE TABLE "BulkJob" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "kind" "BulkJobKind" NOT NULL,
    "state" "BulkJobState" NOT NULL DEFAULT 'RUNNING',
    "periodUnit" TEXT,
    "periodValue" INTEGER,
    "renewalPolicy" "RenewalPolicy",
    "total" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BulkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkJobItem" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "jobId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "domainId" UUID NOT NULL,
    "aLabel" TEXT NOT NULL,
    "uLabel" TEXT NOT NULL,
    "curExpDate" DATE,
    "state" "BulkItemState" NOT NULL,
    "price" INTEGER,
    "charged" INTEGER,
    "newExDate" DATE,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "errorDetails" JSONB,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "BulkJobItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkJob_accountId_createdAt_idx" ON "BulkJob"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJob_accountId_idempotencyKey_key" ON "BulkJob"("accountId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "BulkJobItem_jobId_state_position_idx" ON "BulkJobItem"("jobId", "state", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_jobId_position_key" ON "BulkJobItem"("jobId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BulkJobItem_jobId_domainId_key" ON "BulkJobItem"("jobId", "domainId");

-- AddForeignKey
ALTER TABLE "BulkJob" ADD CONSTRAINT "BulkJob_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BulkJobItem" ADD CONSTRAINT "BulkJobItem_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BulkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
