/** An honest placeholder for a permitted section whose pages arrive in a later release. */
export function SectionPlaceholder({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby="section-title" className="flex flex-col gap-3">
      <h1 id="section-title" className="text-2xl font-semibold">
        {title}
      </h1>
      <p className="max-w-prose text-muted">{children}</p>
      <p className="max-w-prose text-sm text-muted">
        This section is being built: its pages arrive in a coming release.
      </p>
    </section>
  );
}
