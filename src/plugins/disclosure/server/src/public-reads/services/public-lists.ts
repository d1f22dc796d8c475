import type { Core, UID } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Knex } from 'knex';
import { contentTypes, pagination as paginationRules } from '@strapi/utils';
import { LOCALE_CODES } from '../../../../shared/constants';
import {
  planPublicDocument,
  planPublicList,
  type PublicListModel,
  type PublicListPlan,
} from '../rules/public-list-query';
import {
  bindingsOf,
  numberStandIn,
  templateOf,
  textStandIn,
  type QueryTemplate,
} from '../rules/query-template';
import { RawJson, storedJsonValue } from '../rules/raw-json';
import { RecentlyUsed } from '../rules/recently-used';
import { rendersOwnShape } from '../rules/response-cache';
import { jsonKey } from '../rules/state-memo';
import { fromStored } from '../rules/stored-values';
import { getService } from '../../utils/get-service';
import { publicReadController } from '../public-read-controller';
import type { AttributeView, ModelView } from '../../utils/models';

/** A row as the database driver gives it. */
type Row = Record<string, unknown>;
/** An attribute as its column is named (Strapi's metadata types columnName on scalar attributes only). */
type ColumnAttribute = { type: string; columnName?: string };
const columnAttributes = (metadata: { attributes: object }) =>
  metadata.attributes as Record<string, ColumnAttribute>;
/** A column of the information schema (MySQL names it in capitals). */
type ColumnName = { name?: string; NAME?: string };

/** Attributes a list answer never shows without `populate` (or ever, for passwords). */
const NOT_LISTED_TYPES = new Set(['relation', 'media', 'component', 'dynamiczone', 'password']);
/** Attribute types the database keeps as JSON text (Strapi parses them on every read). */
const JSON_TYPES = new Set(['json', 'blocks']);
/** Query shapes whose SQL is kept (the least recently used is forgotten first), and the longest shape kept. */
const MAX_TEMPLATES = 500;
const MAX_TEMPLATE_KEY = 2000;

/** A list's shape as SQL written once, and how its columns become the answer's fields. */
interface CompiledList {
  template: QueryTemplate;
  columns: Array<[column: string, field: string, convert: (value: unknown) => unknown]>;
}

/** A list's conditions, with each value the request gave made into what `value` returns. */
type WhereOf = (value: (given: string) => unknown) => object;

interface ListedType extends PublicListModel {
  draftAndPublish: boolean;
  /** Every public field in the table's column order, once read. */
  storedOrder: Promise<string[]> | null;
}

export interface PublicListAnswer {
  /** JSON fields' values may be RawJson: serialize the answer with rules/raw-json's serializeWithRawJson. */
  results: unknown[];
  pagination: Record<string, number>;
}

/**
 * Public lists, and single documents, read straight from the table (planned by
 * rules/public-list-query; controllers opt in with public-reads/public-read-controller): the generic
 * pipeline's answer at a fraction of its cost on a page of whole documents. The rules of a public read are those `restrictPublicReads` applies:
 * published rows only, in one locale, and only those the public may see
 * (`public-access.visibleRows`). The total is counted once per content state, as the pipeline's is.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const models = new Map<string, ListedType>();
  let enabled = true;
  let answered = 0;
  /** Pages read with a shape's SQL written once (the others by `findMany`). */
  let readByTemplate = 0;
  /** The REST API's pagination settings (config/api.ts), read at the first list: config is fixed once started. */
  const restSettings = () => ({
    defaultLimit: Number(strapi.config.get('api.rest.defaultLimit', 25)),
    maxLimit: Number(strapi.config.get('api.rest.maxLimit')) || -1,
    withCount: Boolean(strapi.config.get('api.rest.withCount', true)),
  });
  let rest: ReturnType<typeof restSettings> | undefined;

  /** The public scalar fields of a type, as its sanitized answers show them. */
  const modelOf = (uid: string): ListedType => {
    let model = models.get(uid);
    if (!model) {
      const schema = strapi.getModel(uid as UID.ContentType);
      const fields: Record<string, string> = {};
      for (const [name, attribute] of Object.entries(
        schema.attributes as Record<string, AttributeView>
      )) {
        if (!NOT_LISTED_TYPES.has(attribute.type) && !contentTypes.isPrivateAttribute(schema, name))
          fields[name] = attribute.type;
      }
      model = {
        fields,
        locales: (schema.pluginOptions as ModelView['pluginOptions'])?.i18n?.localized
          ? LOCALE_CODES
          : [],
        draftAndPublish: contentTypes.hasDraftAndPublish(schema),
        storedOrder: null,
      };
      models.set(uid, model);
    }
    return model;
  };

  /**
   * A JSON field selected as its stored bytes, under its own column name: Strapi's JSON field leaves
   * a value that is not a string as it is, so the text reaches the answer without being parsed and
   * serialized again. On SQLite, text that is not valid JSON comes as text, and Strapi reads it as
   * it always does. Null on other databases: the field is selected as usual.
   */
  const jsonBytesOf = (column: string) => {
    const knex = strapi.db.connection;
    // bytea, which pg decodes to a Buffer as each row arrives: off the JavaScript heap, so bodies
    // held until the answer is written cost the young-generation collector nothing (text did).
    if (strapi.db.dialect.client === 'postgres')
      return knex.raw(`convert_to(??::text, 'UTF8') AS ??`, [column, column]);
    if (strapi.db.dialect.client === 'sqlite')
      return knex.raw('CASE WHEN json_valid(??) THEN CAST(?? AS BLOB) ELSE ?? END AS ??', [
        column,
        column,
        column,
        column,
      ]);
    return null;
  };

  /** What to select for the fields: JSON fields as their bytes where the database can give them. */
  const selection = (uid: string, model: ListedType, fields: string[]) => {
    const metadata = strapi.db.metadata.get(uid);
    const asBytes: string[] = [];
    const select = fields.map((name) => {
      if (!JSON_TYPES.has(model.fields[name])) return name;
      const bytes = jsonBytesOf(columnAttributes(metadata)[name]?.columnName ?? name);
      if (!bytes) return name;
      asBytes.push(name);
      return bytes;
    });
    return { select, asBytes };
  };

  /** The table's column names in their stored order (new columns are added at the end). */
  const columnOrder = async (table: string): Promise<string[]> => {
    const knex = strapi.db.connection;
    if (strapi.db.dialect.client === 'sqlite') {
      return (
        (await knex.raw(`PRAGMA table_info(${JSON.stringify(table)})`)) as Array<{ name: string }>
      ).map((column) => column.name);
    }
    const schema = strapi.db.getSchemaName();
    // PostgreSQL answers { rows }, MySQL [rows, fields].
    const result = (await knex.raw(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? AND table_schema = ${schema ? '?' : strapi.db.dialect.client === 'postgres' ? 'current_schema()' : 'database()'} ORDER BY ordinal_position`,
      schema ? [table, schema] : [table]
    )) as { rows: ColumnName[] } | [ColumnName[], unknown];
    return (Array.isArray(result) ? result[0] : result.rows).map(
      (column) => (column.name ?? column.NAME) as string
    );
  };

  /**
   * Every public field in the order of the table's columns: Strapi reads a list without `fields` with
   * `SELECT *`, so its answer has that order, which on a database older than the schema differs from
   * the schema's. Read once per type (the schema changes only with a restart).
   */
  const everyPublicField = (uid: string, model: ListedType): Promise<string[]> => {
    model.storedOrder ??= (async () => {
      const metadata = strapi.db.metadata.get(uid);
      const attributeOfColumn = new Map<string, string>();
      for (const [name, attribute] of Object.entries(columnAttributes(metadata)))
        attributeOfColumn.set(attribute.columnName ?? name, name);
      const shown = new Set(['id', 'documentId', ...Object.keys(model.fields)]);
      const ordered = (await columnOrder(metadata.tableName))
        .map((column) => attributeOfColumn.get(column))
        .filter((name): name is string => !!name && shown.has(name));
      return [...new Set([...ordered, ...shown])];
    })().catch((error) => {
      model.storedOrder = null;
      throw error;
    });
    return model.storedOrder;
  };

  const templates = new RecentlyUsed<CompiledList | null>(MAX_TEMPLATES);
  /** The rows of a raw query, as each driver answers: PostgreSQL { rows }, SQLite the rows, MySQL [rows, fields]. */
  const rowsOf = (result: unknown): Row[] =>
    strapi.db.dialect.client === 'postgres'
      ? (result as { rows: Row[] }).rows
      : strapi.db.dialect.client === 'sqlite'
        ? (result as Row[])
        : (result as [Row[]])[0];

  /** The SQL Strapi's query builder writes for a shape (its stand-ins in place of values), or null without a template. */
  const compile = (
    uid: string,
    fields: string[],
    query: object,
    standIns: unknown[]
  ): CompiledList | null => {
    const metadata = strapi.db.metadata.get(uid);
    const columns: CompiledList['columns'] = [];
    for (const field of fields) {
      const attribute = columnAttributes(metadata)[field];
      const convert = attribute && fromStored(attribute.type);
      if (!convert) return null;
      columns.push([attribute.columnName ?? field, field, convert]);
    }
    const template = templateOf(
      strapi.db
        .queryBuilder(uid as UID.Schema)
        .init(query)
        .getKnexQuery()
        .toSQL(),
      standIns
    );
    return template && { template, columns };
  };

  /**
   * A page of rows, as Strapi's query engine (`findMany`) reads and answers it: the same SQL, written
   * once for the list's shape and bound with this request's values, and the same values. A shape
   * without a template is read by `findMany`.
   */
  const readPage = async (
    uid: string,
    fields: string[],
    select: unknown[],
    whereOf: WhereOf,
    orderBy: PublicListPlan['orderBy'],
    start: number,
    limit: number
  ) => {
    const values: unknown[] = [];
    const standIns: unknown[] = [];
    const valueOf = (given: unknown, standIn: unknown) => {
      values.push(given);
      standIns.push(standIn);
      return standIn;
    };
    const where = whereOf((given) => valueOf(given, textStandIn(values.length)));
    // No limit (-1) and no offset (0) are shapes of their own: the query builder writes them differently.
    const shape = {
      select,
      where,
      orderBy,
      limit: limit > 0 ? valueOf(limit, numberStandIn(0)) : limit,
      offset: start > 0 ? valueOf(start, numberStandIn(1)) : 0,
    };
    const key = jsonKey([uid, fields, where, orderBy, limit > 0 || limit, start > 0]);
    // Within a transaction (none on a public GET), the query engine, which reads inside it.
    let compiled = key === null || strapi.db.inTransaction() ? null : templates.get(key);
    if (compiled === undefined) {
      compiled = compile(uid, fields, shape, standIns);
      // A shape longer than any a portal asks (a sort of many repeated terms) is not kept.
      if (key!.length <= MAX_TEMPLATE_KEY) templates.set(key!, compiled);
    }
    if (!compiled)
      return strapi.db.query(uid as UID.ContentType).findMany({
        select,
        where: whereOf((given) => given),
        orderBy,
        offset: start,
        limit,
      }) as Promise<Record<string, unknown>[]>;
    const { template, columns } = compiled;
    readByTemplate += 1;
    const rows = rowsOf(
      await strapi.db.connection.raw(
        template.sql,
        bindingsOf(template, values) as Knex.RawBinding[]
      )
    );
    return rows.map((row) => {
      const entry: Record<string, unknown> = {};
      for (const [column, field, convert] of columns) {
        const value = row[column];
        entry[field] = value === null || value === undefined ? null : convert(value);
      }
      return entry;
    });
  };

  /**
   * What a planned public read of `uid` asks the table (lists and single documents alike), or null
   * when the generic pipeline is to answer it: the plan, the conditions of a public read (those
   * `restrictPublicReads` applies: published rows only, in one locale, only those the public may see),
   * and the fields to select.
   */
  const publicRead = async (
    uid: string,
    ctx: Context,
    planOf: (query: unknown, model: PublicListModel) => PublicListPlan | null
  ) => {
    // An answer in another shape (Strapi's v4 format, content source maps) is the pipeline's to render.
    if (
      !enabled ||
      ctx.get('Authorization') ||
      rendersOwnShape(ctx.headers) ||
      !getService(strapi, 'public-access').readsAsPublic(ctx)
    )
      return null;
    const model = modelOf(uid);
    const plan = planOf(ctx.query, model);
    if (!plan) return null;
    const locale = model.locales.length
      ? (plan.locale ?? (await strapi.plugin('i18n').service('locales').getDefaultLocale()))
      : undefined;
    // No default locale to read in (the i18n store without one): the pipeline's to answer.
    if (model.locales.length && typeof locale !== 'string') return null;
    const visible = getService(strapi, 'public-access').visibleRows(uid);
    const whereOf: WhereOf = (value) => {
      const conditions: object[] = [
        Object.fromEntries(
          Object.entries(plan.where).map(([field, given]) => [field, value(given)])
        ),
      ];
      if (model.draftAndPublish) conditions.push({ publishedAt: { $notNull: true } });
      if (locale !== undefined) conditions.push({ locale: value(locale) });
      if (visible) conditions.push(visible);
      return { $and: conditions };
    };
    const fields = plan.select ?? (await everyPublicField(uid, model));
    return { plan, whereOf, fields, ...selection(uid, model, fields) };
  };

  /** Rows whose JSON fields were read as bytes, with those fields as Strapi's JSON field would give them (RawJson where spliced as stored). */
  const withStoredBodies = (rows: Record<string, unknown>[], asBytes: string[]) => {
    for (const row of rows) {
      for (const name of asBytes) {
        const bytes = row[name];
        if (!Buffer.isBuffer(bytes)) continue;
        const stored = storedJsonValue(bytes);
        row[name] = stored ? stored.value : new RawJson(bytes);
      }
    }
    return rows;
  };

  return {
    /**
     * The controller of a public type under src/api, for
     * `factories.createCoreController(uid, ({ strapi }) => strapi.plugin('disclosure').service('public-lists').controllerFor(uid))`:
     * a fresh object each call, since Strapi makes the core controller its prototype (see utils/public-read-controller).
     */
    controllerFor: (uid: string) => publicReadController(strapi, uid),
    enabled: () => enabled,
    /** For tests and the benchmark: compare with, or measure, the generic pipeline. */
    setEnabled(value: boolean) {
      enabled = value;
    },
    stats: () => ({ answered, readByTemplate, templates: templates.size }),

    /** The answer to a public list request, or null when the generic pipeline is to answer it. */
    async find(uid: string, ctx: Context): Promise<PublicListAnswer | null> {
      const read = await publicRead(uid, ctx, planPublicList);
      if (!read) return null;
      const { plan, whereOf, fields, select, asBytes } = read;
      const where = whereOf((given) => given);

      // Strapi's own pagination rules: its default page size, its maximum, its meta.
      const { defaultLimit, maxLimit, withCount } = (rest ??= restSettings());
      const { start, limit } = paginationRules.withDefaultPagination(plan.pagination, {
        defaults: { offset: { limit: defaultLimit }, page: { pageSize: defaultLimit } },
        maxLimit,
      });
      const rows = strapi.db.query(uid as UID.ContentType);
      const countKey = jsonKey([uid, where]);
      const count = () => rows.count({ where });
      const [results, total] = await Promise.all([
        readPage(uid, fields, select, whereOf, plan.orderBy, start, limit),
        withCount
          ? countKey
            ? getService(strapi, 'response-cache').forContentState(
                `public-list-count:${countKey}`,
                count
              )
            : count()
          : undefined,
      ]);
      withStoredBodies(results, asBytes);
      answered += 1;
      // Strapi's type asks for a total; without a count its own core service passes none either, and drops total and pageCount.
      const paged = paginationRules.transformPagedPaginationInfo({ start, limit }, total as number);
      const pagination = withCount
        ? paged
        : Object.fromEntries(
            Object.entries(paged).filter(([name]) => name !== 'total' && name !== 'pageCount')
          );
      return { results, pagination: pagination as Record<string, number> };
    },

    /**
     * The answer to a public read of one document (`GET /api/x/:documentId`), or null when the generic
     * pipeline is to answer it, also when the public may see no such document (its 404 is the pipeline's).
     */
    async findOne(uid: string, ctx: Context): Promise<{ entry: Record<string, unknown> } | null> {
      const read = await publicRead(uid, ctx, (query, model) =>
        planPublicDocument(ctx.params?.id, query, model)
      );
      if (!read) return null;
      const [entry] = await readPage(uid, read.fields, read.select, read.whereOf, [], 0, 1);
      if (!entry) return null;
      answered += 1;
      return { entry: withStoredBodies([entry], read.asBytes)[0] };
    },
  };
};
