-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "totpEnrolmentPending" BOOLEAN NOT NULL DEFAULT false;
