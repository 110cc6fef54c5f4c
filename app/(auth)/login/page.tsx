import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";

export const metadata: Metadata = { title: "Log in" };

// Placeholder: renders without the database; sign-in arrives with next-auth in the next release.
export default function LoginPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-xl">Log in to the Registrar Portal</h1>
          <CardDescription>
            Sign-in arrives with the next release; logging in is not available yet.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form className="flex flex-col gap-4">
            <Input label="Email" name="email" type="email" autoComplete="username" required />
            <Input
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
            <Button type="submit" disabled className="w-full">
              Log in
            </Button>
          </form>
        </CardContent>
      </Card>
    </main>
  );
}
