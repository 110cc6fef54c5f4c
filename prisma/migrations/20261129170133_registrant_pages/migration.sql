-- AlterEnum
ALTER TYPE "RegistrantChangeState" ADD VALUE 'TERMS_DECLINED';

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "claimedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3);
