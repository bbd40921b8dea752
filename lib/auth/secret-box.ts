import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets the server must read back (TOTP seeds) are kept with AES-256-GCM. The key is derived from
// NEXTAUTH_SECRET with HKDF, under its own label so it is never the key that protects the session cookie.
const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function deriveKey(masterSecret: string, purpose: string): Buffer {
  if (masterSecret.length < 32) throw new Error("deriveKey: the master secret must be at least 32 characters");
  return Buffer.from(hkdfSync("sha256", masterSecret, "ai-centre-tracker", purpose, 32));
}

/**
 * `context` (the owner's id) is authenticated with the text, so a ciphertext copied into another
 * user's row does not decrypt there.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The plaintext, or an Error when the text was altered, belongs to another context, or the key changed. */
export function open(key: Buffer, sealed: string, context: string): string {
  const [version, payload] = sealed.split(":");
  if (version !== VERSION || !payload) throw new Error("open: unknown format");
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("open: too short");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}
