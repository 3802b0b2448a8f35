/**
 * Text from a policy or a data file as it may reach a terminal or a page: control characters
 * (NUL, escape sequences that would move the cursor or recolour the screen, C1 controls, DEL)
 * become U+FFFD, so a hostile cell can neither hide output nor rewrite the screen. Tabs and line
 * breaks stay: they are layout, not commands.
 */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export const printable = (text: string): string => text.replace(CONTROLS, "\uFFFD");
