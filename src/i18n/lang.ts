/**
 * The languages chitieu speaks: Vietnamese, which the people who use it read first, and English,
 * for tools and everyone else. A leaf: every layer words its messages through here.
 */
export type Lang = "en" | "vi";

export const LANGS: readonly Lang[] = ["en", "vi"];
