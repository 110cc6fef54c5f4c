-- CreateIndex
CREATE INDEX "Domain_registrarId_uLabel_id_idx" ON "Domain"("registrarId", "uLabel", "id");

-- CreateIndex
CREATE INDEX "Domain_registrarId_exDate_uLabel_id_idx" ON "Domain"("registrarId", "exDate", "uLabel", "id");

-- CreateIndex
CREATE INDEX "Domain_registrarId_crDate_uLabel_id_idx" ON "Domain"("registrarId", "crDate", "uLabel", "id");

-- CreateIndex
CREATE INDEX "Domain_registrarId_registrantId_state_idx" ON "Domain"("registrarId", "registrantId", "state");

-- CreateIndex
CREATE INDEX "Domain_registrarId_managementModel_state_idx" ON "Domain"("registrarId", "managementModel", "state");

-- CreateIndex
CREATE INDEX "Domain_registrarId_renewalPolicy_state_idx" ON "Domain"("registrarId", "renewalPolicy", "state");
