import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32

/**
 * A stable pseudonym for a record id: a keyed hash, so that the same person gets the same pseudonym in
 * every run with the same key, and nobody without the key can test a guess.
 *
 * @example pseudonym("k", "R00000001") // "P-…" (10 base32 characters)
 */
export function pseudonym(key: string, id: string): string {
  const digest = createHmac("sha256", key).update(id).digest();
  let out = "";
  for (let i = 0; i < 10; i++) out += ALPHABET[digest[i]! & 31];
  return `P-${out}`;
}

/**
 * The pseudonym key: `TIEGRAPH_PSEUDONYM_KEY` if set, else a random key kept in the user's config
 * directory (created on first use, readable by the user only).
 */
export function pseudonymKey(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TIEGRAPH_PSEUDONYM_KEY) return env.TIEGRAPH_PSEUDONYM_KEY;
  const base = env.XDG_CONFIG_HOME || join(homedir(), ".config");
  const file = join(base, "tiegraph", "pseudonym.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
