/**
 * API tokens. A token is shown once when made and kept only as its SHA-256; its first characters
 * (`ct_unit_4F7Q2K`) are its id, which lists, logs and the audit log use. The role is in the prefix,
 * so a leaked token is recognisable in a scan of logs or code.
 */
import { randomBytes } from "node:crypto";
import { sha256 } from "./audit.js";

export type Role = "unit" | "office" | "admin";

export const ROLES: readonly Role[] = ["unit", "office", "admin"];

/** Who is asking: a token's id and role, and for a unit token, its unit. */
export interface Caller {
  readonly id: string;
  readonly role: Role;
  readonly unit: string | null;
}

const ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

function secret(bytes: number): string {
  return [...randomBytes(bytes)].map((b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** A new token, its id and the hash to store. 32 characters of 32 symbols: 160 bits. */
export function makeToken(role: Role): { token: string; id: string; hash: string } {
  const token = `ct_${role}_${secret(32)}`;
  return { token, id: idOf(token), hash: sha256(token) };
}

const idOf = (token: string): string => token.slice(0, token.lastIndexOf("_") + 7);

const SHAPE = /^ct_(unit|office|admin)_[A-Z0-9]{32}$/;

/** The hash to look a presented token up by, or undefined when it cannot be one of ours. */
export function tokenHash(presented: string): string | undefined {
  return SHAPE.test(presented) ? sha256(presented) : undefined;
}
