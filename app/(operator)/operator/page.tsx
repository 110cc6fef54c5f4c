import { LogoutButton } from "@/components/portal/logout-button";
import { requireOperatorActor } from "@/lib/auth/actor";

export const dynamic = "force-dynamic";

export default async function OperatorHome() {
  const operator = await requireOperatorActor();
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4 px-4 py-8">
      <header className="flex items-center justify-between">
        <div>
          <p className="text-sm text-muted">Registry operator console</p>
          <h1 className="text-2xl font-semibold">Operator console</h1>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span aria-label="Signed in as">{operator.label}</span>
          <LogoutButton callbackUrl="/operator/login" />
        </div>
      </header>
      <p className="text-muted">
        Registrar accounts, payments, ID control, policy and sandbox controls arrive in a coming release.
      </p>
    </div>
  );
}
