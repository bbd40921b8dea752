// Evidence files are accepted by what their bytes are, not by their name or the browser's claim.

export interface SniffedType {
  mediaType: string;
  extension: string;
}

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

const OOXML: Record<string, SniffedType> = {
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" },
  xlsx: { mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  pptx: { mediaType: "application/vnd.openxmlformats-officedocument.presentationml.presentation", extension: "pptx" },
};

/**
 * PDF, PNG, JPEG, WebP, Office Open XML (docx/xlsx/pptx) and legacy Office (doc/xls/ppt) files.
 * A ZIP counts as an Office document only when the file name says which one and the archive holds
 * `[Content_Types].xml`, which every OOXML package starts with in practice; any other ZIP is refused.
 */
export function sniffEvidenceType(bytes: Uint8Array, fileName: string): SniffedType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: "application/pdf", extension: "pdf" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: "image/png", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mediaType: "image/jpeg", extension: "jpg" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return { mediaType: "image/webp", extension: "webp" };
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = ascii(bytes, 0, Math.min(bytes.length, 4096));
    return extension in OOXML && head.includes("[Content_Types].xml") ? OOXML[extension] : undefined;
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    const legacy: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel", ppt: "application/vnd.ms-powerpoint" };
    return legacy[extension] ? { mediaType: legacy[extension], extension } : undefined;
  }
  return undefined;
}

/**
 * A file name safe to show and to send in Content-Disposition: no path, no control characters, no
 * invisible bidi or zero-width characters ("报告\u202Efdp.exe" would display as "报告exe.pdf"), at most
 * 200 characters counted whole (a cut through an emoji would leave half a surrogate pair).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f-\u009f"\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, "").trim();
  return Array.from(cleaned).slice(0, 200).join("").trim() || "evidence";
}

/**
 * The name a file is kept under: its own, with the extension its bytes call for added when the name
 * says another ("报告.pdf" holding a PNG is kept as "报告.pdf.png"), so a download opens as what it is.
 */
export function nameForType(name: string, type: SniffedType): string {
  const extension = name.includes(".") ? name.toLowerCase().split(".").pop() : undefined;
  const same = extension === type.extension || (type.extension === "jpg" && extension === "jpeg");
  return same ? name : `${name}.${type.extension}`;
}
