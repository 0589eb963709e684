// The product mark and name.
import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link className="brand" href={href}>
      <span className="brand-mark" aria-hidden="true" />
      Persona Atlas
    </Link>
  );
}
