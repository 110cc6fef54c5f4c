import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { describeSessionEnd, type SessionEndReason } from "@/lib/auth/sessions";

export const metadata: Metadata = { title: "Log in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  const { ended } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl">Log in to the Registrar Portal</h1>
          <CardDescription>
            {ended ? describeSessionEnd(ended as SessionEndReason) : "Use the email and password of your portal user."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm provider="portal" home="/" />
        </CardContent>
      </Card>
    </main>
  );
}
