import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";

const ENDED = ["idle", "expired", "password-changed", "credentials-changed", "user-disabled", "user-deleted", "revoked"];

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("pageTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ ended?: string }> }) {
  const { ended } = await searchParams;
  const t = await getTranslations("login");
  // why the last session ended, in the reader's language (a reason we do not know reads as a plain "log in")
  const description = ended ? t(`ended.${ENDED.includes(ended) ? ended : "other"}`) : t("description");
  return (
    <main className="flex min-h-[80vh] items-center justify-center px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl">{t("title")}</h1>
          <CardDescription>{description}</CardDescription>
        </CardHeader>
        <CardContent>
          <LoginForm provider="portal" home="/" />
        </CardContent>
      </Card>
    </main>
  );
}
