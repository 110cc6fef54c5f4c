-- AlterTable
ALTER TABLE "Handle" ADD COLUMN     "ean" TEXT,
ADD COLUMN     "organisation" TEXT,
ADD COLUMN     "street2" TEXT,
ADD COLUMN     "street3" TEXT;

-- CreateIndex
CREATE INDEX "Handle_accountId_name_handle_idx" ON "Handle"("accountId", "name", "handle");

-- Registry-issued handle ids (R-CON-1): the number of every new handle id comes from this
-- sequence, so concurrent creations never pick the same id (the old count-based scheme could).
CREATE SEQUENCE "handle_number_seq" AS BIGINT START WITH 1000;
