import type { SchedulingSettings } from "../settings/defaults";
import type { LocalDate } from "../../kernel/time/wall-clock";

export type TermLength = SchedulingSettings["termLength"];

export interface Term {
  /** "2026-11" (month), "2026-Q4" (quarter), "2026-H2" (half year), "2026" (year). */
  name: string;
  /** The term's first local date. */
  startDate: LocalDate;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The calendar term a local date falls in (terms are counted on the studio's wall clock). */
export function termOf(date: LocalDate, length: TermLength): Term {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  switch (length) {
    case "month":
      return { name: `${year}-${pad(month)}`, startDate: `${year}-${pad(month)}-01` };
    case "quarter": {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return { name: `${year}-Q${quarter}`, startDate: `${year}-${pad((quarter - 1) * 3 + 1)}-01` };
    }
    case "half_year": {
      const half = month <= 6 ? 1 : 2;
      return { name: `${year}-H${half}`, startDate: `${year}-${half === 1 ? "01" : "07"}-01` };
    }
    case "year":
      return { name: `${year}`, startDate: `${year}-01-01` };
  }
}
