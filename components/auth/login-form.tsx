"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { loginSchema, type LoginInput } from "@/lib/schemas/login";

type ServerError = { code: string; message: string };

function parseError(error: string): ServerError {
  try {
    const parsed = JSON.parse(error) as ServerError;
    if (parsed.code && parsed.message) return parsed;
  } catch {
    // fall through
  }
  return { code: "UNKNOWN", message: "Login failed. Please try again." };
}

export function LoginForm({ provider, home }: { provider: "portal" | "operator"; home: string }) {
  const router = useRouter();
  const [needsCode, setNeedsCode] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn(provider, { ...values, redirect: false });
    if (result?.ok && !result.error) {
      router.replace(home);
      router.refresh();
      return;
    }
    const error = parseError(result?.error ?? "");
    if (error.code === "TOTP_REQUIRED") {
      setNeedsCode(true);
      setTimeout(() => setFocus("code"), 0);
      return;
    }
    if (error.code === "TOTP_INVALID") {
      setError("code", { message: error.message });
      return;
    }
    setFormError(error.message);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
      {formError ? (
        <p role="alert" className="rounded-md border border-danger bg-red-50 p-3 text-sm text-danger">
          {formError}
        </p>
      ) : null}
      <Input label="Email" type="email" autoComplete="username" required error={errors.email?.message} {...register("email")} />
      <Input
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...register("password")}
      />
      {needsCode ? (
        <Input
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          hint="The 6-digit code from your authenticator app, or one of your recovery codes."
          required
          error={errors.code?.message}
          {...register("code")}
        />
      ) : null}
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Logging in…" : "Log in"}
      </Button>
    </form>
  );
}
