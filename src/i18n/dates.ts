/** Dates and months as each language writes them: `30/11/2022` and `11/2022` in Vietnamese, ISO in English. */
import { formatDate, type IsoDate } from "../time/calendar.js";
import type { Lang } from "./lang.js";

export const dateText = (date: IsoDate | string, lang: Lang): string => (lang === "vi" ? formatDate(date as IsoDate, "vi") : date);

/** A month written `2022-11`: `11/2022` or `2022-11`. */
export const monthText = (month: string, lang: Lang): string => (lang === "vi" ? `${month.slice(5)}/${month.slice(0, 4)}` : month);
