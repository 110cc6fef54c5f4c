-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "valueDate" DATE;

-- AlterTable
ALTER TABLE "Policy" ADD COLUMN     "diff" JSONB,
ADD COLUMN     "effectiveFrom" TIMESTAMPTZ(3),
ADD COLUMN     "operatorId" UUID,
ADD COLUMN     "version" SERIAL NOT NULL;

-- AlterTable
ALTER TABLE "RegistrantChangeRequest" ADD COLUMN     "decisionReason" TEXT;

-- AlterTable
ALTER TABLE "RegistrarAccount" ADD COLUMN     "suspendedAt" TIMESTAMPTZ(3),
ADD COLUMN     "suspendedReason" TEXT;

-- CreateTable
CREATE TABLE "SandboxSetting" (
    "id" TEXT NOT NULL,
    "clockOffsetSeconds" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "SandboxSetting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Policy_version_key" ON "Policy"("version");

-- CreateIndex
CREATE INDEX "Policy_effectiveFrom_version_idx" ON "Policy"("effectiveFrom", "version");
