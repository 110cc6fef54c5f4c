CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "MetaRole" AS ENUM ('ADMINISTRATOR', 'REGISTRAR', 'PROXY', 'PAYER', 'NSA');

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('PORTAL', 'SERVICE');

-- CreateEnum
CREATE TYPE "ServiceKind" AS ENUM ('EPP', 'DAS', 'DSU');

-- CreateEnum
CREATE TYPE "ManagementModel" AS ENUM ('REGISTRAR', 'REGISTRANT');

-- CreateEnum
CREATE TYPE "RenewalPolicy" AS ENUM ('AUTO_RENEW', 'AUTO_EXPIRE');

-- CreateEnum
CREATE TYPE "HandleType" AS ENUM ('PERSON', 'COMPANY', 'PUBLIC_ORGANIZATION', 'ASSOCIATION');

-- CreateEnum
CREATE TYPE "IdControl" AS ENUM ('NONE', 'REQUIRED', 'PASSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "DomainState" AS ENUM ('HELD', 'ACTIVE', 'SUSPENDED', 'DELETED');

-- CreateEnum
CREATE TYPE "SuspensionReason" AS ENUM ('CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TokenKind" AS ENUM ('TRANSFER', 'REDEL');

-- CreateEnum
CREATE TYPE "TokenIssuerRole" AS ENUM ('REG', 'OWN', 'NSA', 'PXY');

-- CreateEnum
CREATE TYPE "HoldState" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED', 'EXPIRED', 'DECLINED_FUNDS');

-- CreateEnum
CREATE TYPE "WaitingListEntryState" AS ENUM ('WAITING', 'OFFERED', 'REGISTERED', 'PASSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "OfferState" AS ENUM ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'USED');

-- CreateEnum
CREATE TYPE "RegistrantChangeState" AS ENUM ('TERMS_REQUESTED', 'ID_CONTROL_REQUESTED', 'COMPLETED', 'TERMS_EXPIRED', 'ID_CONTROL_EXPIRED', 'ID_CONTROL_REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "InvoiceState" AS ENUM ('OPEN', 'PAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LedgerOperation" AS ENUM ('REGISTRATION', 'RENEWAL', 'AUTO_RENEWAL', 'RESTORE', 'TRANSFER', 'REGISTRANT_CHANGE', 'TOP_UP_CARD', 'PAYMENT_FIK', 'PAYMENT_BANK', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('CARD', 'FIK', 'BANK');

-- CreateEnum
CREATE TYPE "PaymentState" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PORTAL', 'SERVICE', 'REGISTRANT', 'OPERATOR', 'SYSTEM');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('SUCCESS', 'REFUSED');

-- CreateTable
CREATE TABLE "RegistrarAccount" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "handleId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "vatNumber" TEXT,
    "fikCode" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "defaultManagementModel" "ManagementModel" NOT NULL DEFAULT 'REGISTRAR',
    "defaultRenewalPolicy" "RenewalPolicy" NOT NULL DEFAULT 'AUTO_RENEW',
    "lowBalanceThreshold" INTEGER NOT NULL DEFAULT 0,
    "lowBalanceNotifiedAt" TIMESTAMPTZ(3),
    "totpRequired" BOOLEAN NOT NULL DEFAULT false,
    "balance" INTEGER NOT NULL DEFAULT 0,
    "isSandbox" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrarAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "kind" "UserKind" NOT NULL,
    "service" "ServiceKind",
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metaRoles" "MetaRole"[],
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL,
    "previousPasswordHash" TEXT,
    "previousPasswordValidUntil" TIMESTAMPTZ(3),
    "totpSecret" TEXT,
    "totpEnabledAt" TIMESTAMPTZ(3),
    "totpLastUsedStep" INTEGER,
    "disabledAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID,
    "operatorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT NOT NULL,
    "userAgent" TEXT,
    "revokedAt" TIMESTAMPTZ(3),
    "revokeReason" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Operator" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL,
    "totpSecret" TEXT,
    "totpLastUsedStep" INTEGER,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Operator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IpAllowlistEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "cidr" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "IpAllowlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Handle" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "handle" TEXT NOT NULL,
    "type" "HandleType" NOT NULL,
    "name" TEXT NOT NULL,
    "attention" TEXT,
    "street" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "countryCode" CHAR(2) NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "vatNumber" TEXT,
    "managementModel" "ManagementModel" NOT NULL,
    "accountId" UUID,
    "termsAcceptedAt" TIMESTAMPTZ(3),
    "idControl" "IdControl" NOT NULL DEFAULT 'NONE',
    "mergedIntoId" UUID,
    "mergedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Handle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "aLabel" TEXT NOT NULL,
    "uLabel" TEXT NOT NULL,
    "liveName" TEXT,
    "state" "DomainState" NOT NULL,
    "managementModel" "ManagementModel" NOT NULL,
    "renewalPolicy" "RenewalPolicy" NOT NULL,
    "registrarId" UUID NOT NULL,
    "registrantId" UUID NOT NULL,
    "proxyId" UUID,
    "payerId" UUID,
    "crDate" TIMESTAMPTZ(3),
    "exDate" DATE,
    "suspendedAt" TIMESTAMPTZ(3),
    "suspensionReason" "SuspensionReason",
    "deleteAt" TIMESTAMPTZ(3),
    "deletedAt" TIMESTAMPTZ(3),
    "reference" TEXT,
    "poNumber" TEXT,
    "accountCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NameServer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "host" TEXT NOT NULL,
    "superordinateDomainId" UUID,
    "nsaHandleId" UUID NOT NULL,
    "managementModel" "ManagementModel" NOT NULL,
    "glueV4" TEXT[],
    "glueV6" TEXT[],
    "markedForDeletionAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NameServer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Delegation" (
    "domainId" UUID NOT NULL,
    "nameServerId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("domainId","nameServerId")
);

-- CreateTable
CREATE TABLE "DsRecord" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "domainId" UUID NOT NULL,
    "keyTag" INTEGER NOT NULL,
    "algorithm" INTEGER NOT NULL,
    "digestType" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DsRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthToken" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "TokenKind" NOT NULL,
    "issuerRole" "TokenIssuerRole" NOT NULL,
    "domainId" UUID NOT NULL,
    "issuedByAccountId" UUID,
    "issuedByUserId" UUID,
    "secretHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "usedByAccountId" UUID,
    "retractedAt" TIMESTAMPTZ(3),
    "retractReason" TEXT,

    CONSTRAINT "AuthToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrationHold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "domainId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "registrantId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "periodYears" INTEGER NOT NULL,
    "requestedByUserId" UUID,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "state" "HoldState" NOT NULL DEFAULT 'PENDING',
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RegistrationHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BlockedName" (
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BlockedName_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "WaitingListEntry" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "holderName" TEXT NOT NULL,
    "holderEmail" TEXT NOT NULL,
    "handleId" UUID,
    "state" "WaitingListEntryState" NOT NULL DEFAULT 'WAITING',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WaitingListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingListOffer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entryId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "linkHash" TEXT NOT NULL,
    "state" "OfferState" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedAt" TIMESTAMPTZ(3),

    CONSTRAINT "WaitingListOffer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RegistrantChangeRequest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "domainId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "fromHandleId" UUID NOT NULL,
    "toHandleId" UUID NOT NULL,
    "requestedByUserId" UUID,
    "state" "RegistrantChangeState" NOT NULL,
    "termsLinkHash" TEXT,
    "termsRequestedAt" TIMESTAMPTZ(3),
    "termsExpiresAt" TIMESTAMPTZ(3),
    "idControlRequestedAt" TIMESTAMPTZ(3),
    "idControlExpiresAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "decidedByOperatorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrantChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "number" SERIAL NOT NULL,
    "domainId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "payerId" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "periodYears" INTEGER NOT NULL,
    "state" "InvoiceState" NOT NULL DEFAULT 'OPEN',
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "paidAt" TIMESTAMPTZ(3),

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" TEXT NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" SERIAL NOT NULL,
    "accountId" UUID NOT NULL,
    "operation" "LedgerOperation" NOT NULL,
    "amount" INTEGER NOT NULL,
    "balanceAfter" INTEGER NOT NULL,
    "domainName" TEXT,
    "domainId" UUID,
    "periodMonths" INTEGER,
    "paymentId" UUID,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "provider" TEXT NOT NULL,
    "providerReference" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "state" "PaymentState" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "failureReason" TEXT,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" SERIAL NOT NULL,
    "accountId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "domainName" TEXT,
    "message" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "ackedAt" TIMESTAMPTZ(3),
    "ackedBy" TEXT,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "accountId" UUID,
    "kind" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "sentAt" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorKind" "ActorKind" NOT NULL,
    "actorId" UUID,
    "actorLabel" TEXT NOT NULL,
    "accountId" UUID,
    "ip" TEXT,
    "operation" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "objectId" TEXT,
    "objectLabel" TEXT,
    "before" JSONB,
    "after" JSONB,
    "outcome" "AuditOutcome" NOT NULL,
    "errorCode" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "userId" UUID,
    "operatorId" UUID,
    "succeeded" BOOLEAN NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "bucket" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimitEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrarAccount_handleId_key" ON "RegistrarAccount"("handleId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrarAccount_fikCode_key" ON "RegistrarAccount"("fikCode");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrarAccount_accountNumber_key" ON "RegistrarAccount"("accountNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_accountId_idx" ON "User"("accountId");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE INDEX "Session_userId_revokedAt_idx" ON "Session"("userId", "revokedAt");

-- CreateIndex
CREATE INDEX "Session_operatorId_revokedAt_idx" ON "Session"("operatorId", "revokedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Operator_email_key" ON "Operator"("email");

-- CreateIndex
CREATE UNIQUE INDEX "IpAllowlistEntry_accountId_cidr_key" ON "IpAllowlistEntry"("accountId", "cidr");

-- CreateIndex
CREATE UNIQUE INDEX "Handle_handle_key" ON "Handle"("handle");

-- CreateIndex
CREATE INDEX "Handle_accountId_idx" ON "Handle"("accountId");

-- CreateIndex
CREATE INDEX "Handle_email_idx" ON "Handle"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_liveName_key" ON "Domain"("liveName");

-- CreateIndex
CREATE INDEX "Domain_registrarId_aLabel_idx" ON "Domain"("registrarId", "aLabel");

-- CreateIndex
CREATE INDEX "Domain_registrarId_uLabel_idx" ON "Domain"("registrarId", "uLabel");

-- CreateIndex
CREATE INDEX "Domain_registrarId_exDate_idx" ON "Domain"("registrarId", "exDate");

-- CreateIndex
CREATE INDEX "Domain_registrarId_state_idx" ON "Domain"("registrarId", "state");

-- CreateIndex
CREATE INDEX "Domain_state_exDate_idx" ON "Domain"("state", "exDate");

-- CreateIndex
CREATE INDEX "Domain_state_deleteAt_idx" ON "Domain"("state", "deleteAt");

-- CreateIndex
CREATE INDEX "Domain_registrantId_idx" ON "Domain"("registrantId");

-- CreateIndex
CREATE INDEX "Domain_proxyId_idx" ON "Domain"("proxyId");

-- CreateIndex
CREATE INDEX "Domain_payerId_idx" ON "Domain"("payerId");

-- CreateIndex
CREATE INDEX "Domain_aLabel_idx" ON "Domain"("aLabel");

-- CreateIndex
CREATE INDEX "Domain_aLabel_trgm_idx" ON "Domain" USING GIN ("aLabel" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Domain_uLabel_trgm_idx" ON "Domain" USING GIN ("uLabel" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "NameServer_host_key" ON "NameServer"("host");

-- CreateIndex
CREATE INDEX "NameServer_nsaHandleId_idx" ON "NameServer"("nsaHandleId");

-- CreateIndex
CREATE INDEX "NameServer_superordinateDomainId_idx" ON "NameServer"("superordinateDomainId");

-- CreateIndex
CREATE INDEX "NameServer_markedForDeletionAt_idx" ON "NameServer"("markedForDeletionAt");

-- CreateIndex
CREATE INDEX "Delegation_nameServerId_idx" ON "Delegation"("nameServerId");

-- CreateIndex
CREATE UNIQUE INDEX "DsRecord_domainId_keyTag_algorithm_digestType_digest_key" ON "DsRecord"("domainId", "keyTag", "algorithm", "digestType", "digest");

-- CreateIndex
CREATE UNIQUE INDEX "AuthToken_secretHash_key" ON "AuthToken"("secretHash");

-- CreateIndex
CREATE INDEX "AuthToken_domainId_kind_idx" ON "AuthToken"("domainId", "kind");

-- CreateIndex
CREATE INDEX "AuthToken_issuedByAccountId_expiresAt_idx" ON "AuthToken"("issuedByAccountId", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationHold_domainId_key" ON "RegistrationHold"("domainId");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationHold_tokenHash_key" ON "RegistrationHold"("tokenHash");

-- CreateIndex
CREATE INDEX "RegistrationHold_state_expiresAt_idx" ON "RegistrationHold"("state", "expiresAt");

-- CreateIndex
CREATE INDEX "WaitingListEntry_name_state_createdAt_idx" ON "WaitingListEntry"("name", "state", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "WaitingListOffer_linkHash_key" ON "WaitingListOffer"("linkHash");

-- CreateIndex
CREATE INDEX "WaitingListOffer_name_state_idx" ON "WaitingListOffer"("name", "state");

-- CreateIndex
CREATE INDEX "WaitingListOffer_state_expiresAt_idx" ON "WaitingListOffer"("state", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrantChangeRequest_termsLinkHash_key" ON "RegistrantChangeRequest"("termsLinkHash");

-- CreateIndex
CREATE INDEX "RegistrantChangeRequest_accountId_state_idx" ON "RegistrantChangeRequest"("accountId", "state");

-- CreateIndex
CREATE INDEX "RegistrantChangeRequest_domainId_state_idx" ON "RegistrantChangeRequest"("domainId", "state");

-- CreateIndex
CREATE INDEX "RegistrantChangeRequest_state_termsExpiresAt_idx" ON "RegistrantChangeRequest"("state", "termsExpiresAt");

-- CreateIndex
CREATE INDEX "RegistrantChangeRequest_state_idControlExpiresAt_idx" ON "RegistrantChangeRequest"("state", "idControlExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_number_key" ON "Invoice"("number");

-- CreateIndex
CREATE INDEX "Invoice_domainId_state_idx" ON "Invoice"("domainId", "state");

-- CreateIndex
CREATE INDEX "Invoice_accountId_state_idx" ON "Invoice"("accountId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_paymentId_key" ON "LedgerEntry"("paymentId");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_id_idx" ON "LedgerEntry"("accountId", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_operation_id_idx" ON "LedgerEntry"("accountId", "operation", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_domainName_idx" ON "LedgerEntry"("accountId", "domainName");

-- CreateIndex
CREATE INDEX "Payment_accountId_createdAt_idx" ON "Payment"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_provider_providerReference_key" ON "Payment"("provider", "providerReference");

-- CreateIndex
CREATE INDEX "Notification_accountId_ackedAt_id_idx" ON "Notification"("accountId", "ackedAt", "id");

-- CreateIndex
CREATE INDEX "OutboxMail_sentAt_createdAt_idx" ON "OutboxMail"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_accountId_id_idx" ON "AuditEvent"("accountId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_objectType_objectId_idx" ON "AuditEvent"("objectType", "objectId");

-- CreateIndex
CREATE INDEX "AuditEvent_operation_at_idx" ON "AuditEvent"("operation", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_email_at_idx" ON "LoginAttempt"("email", "at");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_at_idx" ON "LoginAttempt"("ip", "at");

-- CreateIndex
CREATE INDEX "RateLimitEvent_bucket_at_idx" ON "RateLimitEvent"("bucket", "at");

-- AddForeignKey
ALTER TABLE "RegistrarAccount" ADD CONSTRAINT "RegistrarAccount_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_operatorId_fkey" FOREIGN KEY ("operatorId") REFERENCES "Operator"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IpAllowlistEntry" ADD CONSTRAINT "IpAllowlistEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handle" ADD CONSTRAINT "Handle_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_registrarId_fkey" FOREIGN KEY ("registrarId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_proxyId_fkey" FOREIGN KEY ("proxyId") REFERENCES "Handle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Handle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameServer" ADD CONSTRAINT "NameServer_superordinateDomainId_fkey" FOREIGN KEY ("superordinateDomainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NameServer" ADD CONSTRAINT "NameServer_nsaHandleId_fkey" FOREIGN KEY ("nsaHandleId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_nameServerId_fkey" FOREIGN KEY ("nameServerId") REFERENCES "NameServer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DsRecord" ADD CONSTRAINT "DsRecord_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_issuedByAccountId_fkey" FOREIGN KEY ("issuedByAccountId") REFERENCES "RegistrarAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthToken" ADD CONSTRAINT "AuthToken_usedByAccountId_fkey" FOREIGN KEY ("usedByAccountId") REFERENCES "RegistrarAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationHold" ADD CONSTRAINT "RegistrationHold_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationHold" ADD CONSTRAINT "RegistrationHold_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrationHold" ADD CONSTRAINT "RegistrationHold_registrantId_fkey" FOREIGN KEY ("registrantId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_handleId_fkey" FOREIGN KEY ("handleId") REFERENCES "Handle"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WaitingListOffer" ADD CONSTRAINT "WaitingListOffer_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WaitingListEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrantChangeRequest" ADD CONSTRAINT "RegistrantChangeRequest_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrantChangeRequest" ADD CONSTRAINT "RegistrantChangeRequest_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrantChangeRequest" ADD CONSTRAINT "RegistrantChangeRequest_fromHandleId_fkey" FOREIGN KEY ("fromHandleId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RegistrantChangeRequest" ADD CONSTRAINT "RegistrantChangeRequest_toHandleId_fkey" FOREIGN KEY ("toHandleId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_payerId_fkey" FOREIGN KEY ("payerId") REFERENCES "Handle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMail" ADD CONSTRAINT "OutboxMail_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "RegistrarAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;
