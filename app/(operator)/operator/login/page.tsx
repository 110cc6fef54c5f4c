import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("operatorPageTitle") };
}

export default async function OperatorLoginPage() {
  const t = await getTranslations("login");
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl">{t("operatorTitle")}</h1>
          <CardDescription>{t("operatorDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm provider="operator" home="/operator" />
        </CardContent>
      </Card>
    </main>
  );
}
