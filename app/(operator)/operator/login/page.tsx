import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Operator login" };

export default function OperatorLoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl">Registry operator console</h1>
          <CardDescription>For registry staff. Registrars log in at the Registrar Portal.</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm provider="operator" home="/operator" />
        </CardContent>
      </Card>
    </main>
  );
}
