"use client";

import { useEffect, useRef, useState } from "react";

/**
 * What a panel showing a secret this once needs (a new API token, new recovery codes): its heading
 * takes focus when it appears, so a screen reader reads the warning with the secret, and a copy button
 * reports whether the clipboard took the text. Without clipboard permission (or a secure context) the
 * secret stays selectable by hand.
 */
export function useOneTimeSecret() {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState<"copied" | "copyFailed" | null>(null);
  useEffect(() => heading.current?.focus(), []);

  async function copy(text: string) {
    try {
      await navigator.clipboard.writeText(text);
      setCopyStatus("copied");
    } catch {
      setCopyStatus("copyFailed");
    }
  }

  return { heading, copyStatus, copy };
}
