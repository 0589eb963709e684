// Section navigation; marks the current section for assistive technology.
"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ workspaceId, isOwner }: { workspaceId: string; isOwner: boolean }) {
  const pathname = usePathname();
  const base = `/w/${workspaceId}`;
  const items = [
    { href: `${base}/surveys`, label: "Surveys" },
    { href: `${base}/journeys`, label: "Journeys" },
    { href: `${base}/personas`, label: "Personas" },
    ...(isOwner
      ? [
          { href: `${base}/settings/members`, label: "Settings · Members" },
          { href: `${base}/settings/api-keys`, label: "Settings · API keys" },
        ]
      : []),
  ];
  return (
    <ul>
      {items.map((item) => (
        <li key={item.href}>
          <Link href={item.href} aria-current={pathname.startsWith(item.href) ? "page" : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
