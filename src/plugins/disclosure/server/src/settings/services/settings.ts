import type { Core } from '@strapi/strapi';
import { CALENDAR_DAY_UID, CONVERSION_TERM_UID } from '../../../../shared/constants';
import type { DeadlineRule } from '../../deadlines/rules/deadlines';
import type { WorkingCalendar } from '../../calendar/rules/working-calendar';
import type {
  CalendarDayKind,
  CalendarYear,
  ConversionTerm,
  ConversionTermInput,
  DeadlineRuleSetting,
  OfficeDay,
} from '../../../../shared/contracts/settings';
import { assertPhraseComplete } from '../validation/settings';
import { refuse } from '../../utils/validation';
import { getService } from '../../utils/get-service';
import { documentsOf } from '../../utils/documents';

/** A holiday-calendar entry as stored (plugin::disclosure.calendar-day). */
interface CalendarDayRow {
  id: number;
  documentId: string;
  date: string;
  kind: CalendarDayKind;
  name?: string | null;
}

/** A conversion-dictionary term as stored (plugin::disclosure.conversion-term). */
interface ConversionTermRow {
  id: number;
  documentId: string;
  kind: ConversionTerm['kind'];
  simplified: string;
  traditional?: string | null;
  note?: string | null;
}

const officeDayOf = (row: CalendarDayRow): OfficeDay => ({
  id: row.id,
  date: row.date,
  kind: row.kind,
  name: row.name ?? null,
});
const termOf = (row: ConversionTermRow): ConversionTerm => ({
  id: row.id,
  kind: row.kind,
  simplified: row.simplified,
  traditional: row.traditional ?? null,
  note: row.note ?? null,
});

/**
 * The plugin's settings pages: the holiday calendar, the conversion dictionary and the deadline rules
 * as configured. Writes go through the document service, so the calendar memo, the converter and the
 * public response cache drop what they held (document-service middleware, database lifecycles).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const days = () => documentsOf<CalendarDayRow>(strapi, CALENDAR_DAY_UID);
  const terms = () => documentsOf<ConversionTermRow>(strapi, CONVERSION_TERM_UID);

  const rowById = async <Row>(uid: string, id: number): Promise<Row | null> =>
    strapi.db.query(uid).findOne({ where: { id } });

  /** Two entries for one simplified text would race each other in the converter. */
  const assertSimplifiedFree = async (simplified: string | undefined, exceptId?: number) => {
    if (!simplified) return;
    const where: Record<string, unknown> = {
      simplified,
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    };
    if (await strapi.db.query(CONVERSION_TERM_UID).count({ where })) {
      refuse(
        'simplified',
        `“${simplified}”已在简繁转换词典中 (“${simplified}” is already in the conversion dictionary)`
      );
    }
  };

  return {
    /** One year of the calendar: whether it and the next have a schedule, the built-in days, the office's. */
    async calendarYear(year: number): Promise<CalendarYear> {
      const calendarService = getService(strapi, 'calendar');
      const calendar: WorkingCalendar = await calendarService.get();
      const officeDays = await days().findMany({
        filters: { date: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
        sort: 'date:asc',
        limit: 400,
      });
      return {
        year,
        scheduleLoaded: calendar.hasSchedule(year),
        nextYear: { year: year + 1, scheduleLoaded: calendar.hasSchedule(year + 1) },
        builtIn: calendarService.builtInYear(year),
        officeDays: officeDays.map(officeDayOf),
      };
    },

    async addOfficeDay(input: {
      date: string;
      kind: CalendarDayKind;
      name: string | null;
    }): Promise<OfficeDay> {
      return officeDayOf(await days().create({ data: input }));
    },

    /** The removed entry, or null when there is none. */
    async removeOfficeDay(id: number): Promise<OfficeDay | null> {
      const row = await rowById<CalendarDayRow>(CALENDAR_DAY_UID, id);
      if (!row) return null;
      await days().delete({ documentId: row.documentId });
      return officeDayOf(row);
    },

    async listTerms(): Promise<ConversionTerm[]> {
      const rows: ConversionTermRow[] = await strapi.db
        .query(CONVERSION_TERM_UID)
        .findMany({ orderBy: [{ kind: 'asc' }, { simplified: 'asc' }] });
      return rows.map(termOf);
    },

    async createTerm(input: ConversionTermInput): Promise<ConversionTerm> {
      await assertSimplifiedFree(input.simplified);
      // A protected term is kept as written in both scripts: it has no traditional form.
      const data = input.kind === 'protected' ? { ...input, traditional: null } : input;
      return termOf(await terms().create({ data }));
    },

    /** The updated term, or null when there is none. */
    async updateTerm(id: number, input: ConversionTermInput): Promise<ConversionTerm | null> {
      const row = await rowById<ConversionTermRow>(CONVERSION_TERM_UID, id);
      if (!row) return null;
      const merged = {
        kind: row.kind,
        simplified: row.simplified,
        traditional: row.traditional,
        note: row.note,
        ...input,
      };
      if (merged.kind === 'protected') merged.traditional = null;
      assertPhraseComplete(merged);
      await assertSimplifiedFree(input.simplified, id);
      // The term was just read: the update finds it.
      return termOf((await terms().update({ documentId: row.documentId, data: merged }))!);
    },

    async removeTerm(id: number): Promise<ConversionTerm | null> {
      const row = await rowById<ConversionTermRow>(CONVERSION_TERM_UID, id);
      if (!row) return null;
      await terms().delete({ documentId: row.documentId });
      return termOf(row);
    },

    deadlineRules(): DeadlineRuleSetting[] {
      const rules: DeadlineRule[] = getService(strapi, 'deadlines').rules();
      return rules.map((rule) => ({
        id: rule.id,
        label: rule.label,
        contentType: rule.contentType,
        length: rule.length,
        urgentLength: rule.urgentLength ?? null,
        byOrganization: rule.byOrganization ?? null,
        source: rule.source,
        startField: rule.startField,
        metBy: rule.metBy,
        filter: rule.filter ?? null,
      }));
    },
  };
};
