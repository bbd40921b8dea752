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

/** A description from the document, its `backticked` names set as code. */
export function Prose({ text }: { text: string }) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}
