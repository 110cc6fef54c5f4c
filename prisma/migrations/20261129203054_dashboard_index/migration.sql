-- CreateIndex
CREATE INDEX "Domain_dashboard_idx" ON "Domain"("registrarId", "state", "exDate", "renewalPolicy", "managementModel", "payerId", "registrantId");
