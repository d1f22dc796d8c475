/**
 * The plugin's settings pages and their admin API (/disclosure/calendar, /disclosure/conversion-terms,
 * /disclosure/deadline-rules): the responses both sides agree on.
 */

export type CalendarDayKind = 'holiday' | 'working';

/** One of the office's own calendar entries; it wins over the State Council schedule. */
export interface OfficeDay {
  id: number;
  date: string;
  kind: CalendarDayKind;
  name: string | null;
}

export interface CalendarYear {
  year: number;
  /** Whether the year's holiday schedule is known (built in, or at least one office holiday entered) */
  scheduleLoaded: boolean;
  /** The year after, whose schedule is announced late in this one and must be entered in time */
  nextYear: { year: number; scheduleLoaded: boolean };
  /** That year's State Council schedule as built in: holidays, and weekend days declared working days */
  builtIn: { holidays: string[]; workdays: string[] };
  officeDays: OfficeDay[];
}

export declare namespace GetCalendar {
  export interface Request {
    query: { year?: string };
  }
  export interface Response {
    data: CalendarYear;
  }
}

export declare namespace CreateOfficeDay {
  export interface Request {
    body: { data: { date: string; kind: CalendarDayKind; name?: string | null } };
  }
  export interface Response {
    data: OfficeDay;
  }
}

/** 404 when there is no such entry. */
export declare namespace RemoveOfficeDay {
  export interface Request {
    params: { id: number };
  }
  /** The entry removed */
  export interface Response {
    data: OfficeDay;
  }
}

export type ConversionTermKind = 'phrase' | 'protected';

/** The office's conversion dictionary: a phrase pair, or a term kept as written in both scripts. */
export interface ConversionTerm {
  id: number;
  kind: ConversionTermKind;
  simplified: string;
  traditional: string | null;
  note: string | null;
}

export interface ConversionTermInput {
  kind?: ConversionTermKind;
  simplified?: string;
  traditional?: string | null;
  note?: string | null;
}

export declare namespace GetConversionTerms {
  export interface Response {
    data: ConversionTerm[];
  }
}

export declare namespace SaveConversionTerm {
  export interface Request {
    body: { data: ConversionTermInput };
  }
  export interface Response {
    data: ConversionTerm;
  }
}

/** 404 when there is no such term. */
export declare namespace RemoveConversionTerm {
  export interface Request {
    params: { id: number };
  }
  /** The term removed */
  export interface Response {
    data: ConversionTerm;
  }
}

export type DeadlineLengthUnit = 'same-day' | 'working-days' | 'calendar-days' | 'months' | 'hours';

export interface DeadlineLengthSetting {
  unit: DeadlineLengthUnit;
  amount?: number;
}

/** A deadline rule as configured (config `deadlineRules`, else the built-in rules). */
export interface DeadlineRuleSetting {
  id: string;
  label: string;
  contentType: string;
  length: DeadlineLengthSetting;
  urgentLength: DeadlineLengthSetting | null;
  /** Offices' own time limits, by organization code */
  byOrganization: Record<string, DeadlineLengthSetting> | null;
  source: string;
  startField: string;
  metBy: string;
  filter: Record<string, unknown> | null;
}

export declare namespace GetDeadlineRules {
  export interface Response {
    data: DeadlineRuleSetting[];
  }
}
