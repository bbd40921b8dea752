import type { TypePart } from "@/lib/api/schema-text";

/** A schema type in words, component names linked to their section below. */
export function TypeText({ parts }: { parts: readonly TypePart[] }) {
  return (
    <code>
      {parts.map((part, i) =>
        typeof part === "string" ? (
          <span key={i}>{part}</span>
        ) : (
          <a key={i} href={`#schema-${part.ref}`}>
            {part.ref}
          </a>
        ),
      )}
    </code>
  );
}
