import { PUBLIC_CONTENT_TYPES } from '../../src/plugins/disclosure/shared/constants';
import { approvedReview } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';
import { usingPostgres } from '../harness/database';
import type { QueryAttribute as Attribute } from '../../src/plugins/disclosure/server/src/public-reads/rules/public-query-scope';

/**
 * The attack suite for public reads, generated from the schemas. For every public type it walks
 * every relation, component, dynamic zone, media field and morph relation (`related`,
 * `localizations` and the admin's `createdBy` included) to the populate depth limit, and through
 * each path tries populate, filters (a marker present and absent), sort and fields, on the list and
 * the item route, anonymously and with a read-only API token, against planted hidden rows: an
 * unpublished edit, a draft, an on-request and a not-disclosed document sharing one file with the
 * published ones, private fields filled with markers. Each probe fails where it leaks:
 * - a marker (or a private key) in an answer;
 * - an oracle: a different answer to a filter for present and for absent hidden text;
 * - an order through a relation (decided by rows the public cannot see): such sorts are refused;
 * - a 500.
 * Paths stop where the public is refused (a 400 or 403), and each attribute is followed once per
 * depth per type, which covers every edge of the schema graph at every depth.
 */
const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const CONSULTATION = 'api::consultation.consultation';
const PRESS = 'api::press-release.press-release';
const ORG = 'api::organization.organization';
const CONCERN = 'api::public-concern.public-concern';
const REPORT = 'api::annual-report.annual-report';
const ANSWER = 'api::public-answer.public-answer';
const FILE = 'plugin::upload.file';

const MARKER = 'LEAKMARK';
const ABSENT = 'NOWHEREQZX';
const SUBMITTER_CONTACT = '13800138000';
/** As deep as a public populate may go (MAX_PUBLIC_POPULATE_DEPTH). */
const MAX_DEPTH = 3;

const ROUTES: Record<string, string> = {
  [ORG]: 'organizations',
  [DOC]: 'policy-documents',
  [INTERPRETATION]: 'interpretations',
  [CONSULTATION]: 'consultations',
  [PRESS]: 'press-releases',
  [CONCERN]: 'public-concerns',
  [REPORT]: 'annual-reports',
  [ANSWER]: 'public-answers',
};

/** Query tricks on a route's own parameters (status, locale, publication filters, pages, search). */
const PARAMETER_ATTACKS: string[] = [
  '',
  'status=draft',
  'status=draft&locale=zh-Hant',
  'status=draft&hasPublishedVersion=false',
  'hasPublishedVersion=true',
  'publicationFilter=modified',
  'publicationFilter=never-published',
  'publicationFilter=has-published-version',
  'locale=all',
  'locale=*',
  'locale[$ne]=x',
  'locale=zh-Hant',
  'filters[publishedAt][$null]=true',
  `filters[$or][0][title][$contains]=${MARKER}&filters[$or][1][title][$null]=false`,
  'lookup[title]=x',
  'unknown=1',
  'pagination[limit]=100000',
  'pagination[pageSize]=100000',
  'pagination[start]=-1&pagination[limit]=-1',
  'publicationState=preview',
  `_q=${MARKER}`,
  `_q=${SUBMITTER_CONTACT}`,
  'populate=*',
  'populate=**',
  'populate[0]=*',
  'populate[0]=createdBy',
  'populate[updatedBy][populate]=*',
  'populate[interpretations][filters][publishedAt][$null]=true',
  'populate[localizations][filters][publishedAt][$null]=true',
  `populate[localizations][filters][title][$contains]=${MARKER}`,
  'populate[replacedBy][populate][replacedBy][populate][replacedBy][populate]=*',
  'populate[issuingOrganization][populate][children][populate][parent][populate][children][populate]=*',
  'fields[0]=nonDisclosureReason&fields[1]=nonDisclosureExplanation',
  'fields[0]=title&fields[1]=createdBy',
  'fields[0]=internalNotes',
  'filters[disclosureAttribute][$ne]=proactive',
  'filters[nonDisclosureReason][$notNull]=true',
  'sort=nonDisclosureReason',
  'sort=createdBy.email',
];

/** Asking about publication state: the answer must be the plain one (no yes/no about unpublished edits). */
const STATUS_ATTACKS = PARAMETER_ATTACKS.filter(
  (attack) =>
    /status|hasPublishedVersion|publicationFilter|publicationState/.test(attack) &&
    !attack.includes('locale')
);

interface Step {
  uid: string;
  name: string;
  kind: 'relation' | 'component' | 'media' | 'morph' | 'dynamiczone';
  next?: string;
}

let app: TestApp;
let readOnlyToken: string;
const hidden: Array<{ uid: string; documentId: string }> = [];
const published: Record<string, string> = {};
const privateKeys = new Set<string>();
const tally = {
  routes: new Set<string>(),
  probes: new Set<string>(),
  requests: 0,
  leaks: 0,
  oracles: 0,
  serverErrors: 0,
};

const schema = (uid: string): { attributes: Record<string, Attribute> } =>
  app.strapi.getModel(uid as any) as any;
const TEXT_TYPES = new Set(['string', 'text', 'richtext', 'email', 'uid']);
/** Stored as jsonb on PostgreSQL. */
const STRUCTURED_TYPES = new Set(['blocks', 'json']);
/** Written by Strapi as a plain `"column" LIKE ?`, which PostgreSQL refuses on jsonb. */
const UNCAST_TEXT_OPERATORS = ['$contains', '$notContains', '$startsWith', '$endsWith'];

/** Where following `name` leads, by the attribute's kind. */
function stepOf(uid: string, name: string, attribute: Attribute): Step | null {
  if (attribute.type === 'relation') {
    if (attribute.relation?.startsWith('morph') || !attribute.target)
      return { uid, name, kind: 'morph' };
    return { uid, name, kind: 'relation', next: attribute.target };
  }
  if (attribute.type === 'media') return { uid, name, kind: 'media', next: FILE };
  if (attribute.type === 'component')
    return { uid, name, kind: 'component', next: attribute.component };
  if (attribute.type === 'dynamiczone')
    return { uid, name, kind: 'dynamiczone', next: attribute.components?.[0] };
  return null;
}

/** Every non-scalar attribute of a type (private and Strapi's own included). */
const stepsFrom = (uid: string): Step[] =>
  Object.entries(schema(uid)?.attributes ?? {})
    .map(([name, attribute]) => stepOf(uid, name, attribute))
    .filter((step): step is Step => step !== null);

/** Text fields of `uid` in which a planted row (of any status) carries the marker. */
const markedFields = new Map<string, string[]>();
async function markedFieldsOf(uid: string): Promise<string[]> {
  if (markedFields.has(uid)) return markedFields.get(uid)!;
  const attributes = schema(uid)?.attributes ?? {};
  const rows: any[] = await app.strapi.db.query(uid as any).findMany({});
  const fields = Object.entries(attributes)
    .filter(
      ([name, attribute]) =>
        (TEXT_TYPES.has(attribute.type) || attribute.type === 'blocks') &&
        rows.some((row) => JSON.stringify(row[name] ?? '').includes(MARKER))
    )
    .map(([name]) => name);
  markedFields.set(uid, fields);
  return fields;
}

// ------------------------------------------------------------------ probes

interface Answer {
  status: number;
  body: any;
  text: string;
}

async function get(path: string, token?: string): Promise<Answer> {
  const request = app.http().get(path);
  const response = await (token ? request.set('Authorization', `Bearer ${token}`) : request);
  tally.requests += 1;
  return {
    status: response.status,
    body: response.body,
    text: JSON.stringify(response.body ?? ''),
  };
}

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      into.add(key);
      keysOf(inner, into);
    }
  }
  return into;
}

/** Where in an answer hidden text stands: `data[0].implements[1].title="LEAKMARK …"`, first few. */
function markedValues(value: unknown, at = '', into: string[] = []): string[] {
  if (into.length >= 3) return into;
  if (typeof value === 'string') {
    if (value.includes(MARKER) || value.includes(SUBMITTER_CONTACT))
      into.push(`${at || '(body)'}=${JSON.stringify(value.slice(0, 60))}`);
  } else if (Array.isArray(value))
    value.forEach((item, index) => markedValues(item, `${at}[${index}]`, into));
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value))
      markedValues(inner, at ? `${at}.${key}` : key, into);
  return into;
}

/** Where a private key stands in an answer's data: `data[0].createdBy`, first few. */
function privatePlaces(value: unknown, at = 'data', into: string[] = []): string[] {
  if (into.length >= 3) return into;
  if (Array.isArray(value))
    value.forEach((item, index) => privatePlaces(item, `${at}[${index}]`, into));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (privateKeys.has(key)) into.push(`${at}.${key}`);
      privatePlaces(inner, `${at}.${key}`, into);
    }
  }
  return into;
}

/** What is wrong with an answer (a 500, a marker, a private key), each naming the probe and what it gave away. */
function problemsOf(answer: Answer, path: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) {
    tally.serverErrors += 1;
    problems.push(`GET ${path}: ${answer.status} ${answer.text.slice(0, 120)}`);
  }
  if (answer.text.includes(MARKER) || answer.text.includes(SUBMITTER_CONTACT)) {
    tally.leaks += 1;
    const places = markedValues(answer.body);
    problems.push(
      `GET ${path}: hidden text leaked (${answer.status}) at ${places.length ? places.join(', ') : answer.text.slice(0, 120)}`
    );
  }
  const leakedKeys =
    answer.status < 400 ? [...keysOf(answer.body?.data)].filter((key) => privateKeys.has(key)) : [];
  if (leakedKeys.length) {
    tally.leaks += 1;
    problems.push(
      `GET ${path}: private attribute ${leakedKeys.join(',')} leaked at ${privatePlaces(answer.body?.data).join(', ')}`
    );
  }
  return problems;
}

/** Fails the test it is called in with every problem found, one a line, naming the caller and the route. */
function expectNone(problems: string[], where: string): void {
  if (problems.length)
    throw new Error(`${problems.length} problem(s) ${where}:\n  ${problems.join('\n  ')}`);
}

/** An answer's visible content: the ids in order and the total, or the refusal. */
const outcome = (answer: Answer) =>
  answer.status >= 400
    ? `refused ${answer.status}`
    : JSON.stringify({
        total: answer.body?.meta?.pagination?.total,
        ids: [answer.body?.data ?? []].flat().map((item: any) => item?.documentId ?? item?.id),
      });

/** Builds `a[populate][b][populate][c]` style query keys. */
const populateKey = (names: string[]) =>
  names.map((name, index) => (index === 0 ? `populate[${name}]` : `[populate][${name}]`)).join('');
const filterKey = (names: string[]) => `filters${names.map((name) => `[${name}]`).join('')}`;

/**
 * The blocks and JSON fields of `uid` (reached from the route's type through `names`, components
 * only), each filtered with every operator Strapi writes as a plain LIKE: refused with a 400 on every
 * database (on PostgreSQL, answered, it would be a 500).
 */
async function probeStructured(
  route: string,
  names: string[],
  uid: string,
  token?: string
): Promise<string[]> {
  const problems: string[] = [];
  const fields = Object.entries(schema(uid)?.attributes ?? {})
    .filter(([, attribute]) => STRUCTURED_TYPES.has(attribute.type) && !attribute.private)
    .map(([name]) => name);
  for (const field of fields) {
    for (const operator of UNCAST_TEXT_OPERATORS) {
      const query = `${filterKey([...names, field])}[${operator}]=${MARKER}`;
      tally.probes.add(`${[...names, field].join('.')}|${query.replace(/=.*$/, '')}`);
      const answer = await get(`${route}?${query}`, token);
      problems.push(...problemsOf(answer, `${route}?${query}`));
      if (answer.status !== 400)
        problems.push(
          `GET ${route}?${query}: answered ${answer.status}, not refused (${operator} on a blocks or JSON field is a 500 on PostgreSQL)`
        );
    }
  }
  return problems;
}

/** The probes of one path (populate, filters present/absent, sort, fields), on one route. */
async function probePath(
  route: string,
  steps: Step[],
  token?: string
): Promise<{ problems: string[]; refused: boolean }> {
  const names = steps.map((step) => step.name);
  const last = steps[steps.length - 1];
  const problems: string[] = [];
  const record = (query: string) =>
    tally.probes.add(`${names.join('.')}|${query.replace(/=.*$/, '')}`);

  const populate = `${populateKey(names)}=true`;
  record(populate);
  const populated = await get(`${route}?${populate}`, token);
  problems.push(...problemsOf(populated, `${route}?${populate}`));

  // Filters through the path: the same answer whether the hidden text is there or not.
  const fields = last.next && last.kind !== 'morph' ? await markedFieldsOf(last.next) : [];
  const probeFilter = async (query: string) => {
    record(query);
    const answer = await get(`${route}?${query}`, token);
    problems.push(...problemsOf(answer, `${route}?${query}`));
    return answer;
  };
  if (!fields.length) await probeFilter(`${filterKey([...names, 'id'])}[$notNull]=true`);
  for (const field of fields) {
    const absent = await probeFilter(`${filterKey([...names, field])}[$contains]=${ABSENT}`);
    const present = await probeFilter(`${filterKey([...names, field])}[$contains]=${MARKER}`);
    if (outcome(present) !== outcome(absent)) {
      tally.oracles += 1;
      problems.push(
        `GET ${route}?${filterKey([...names, field])}[$contains]=…: an oracle, ${outcome(present)} for hidden text, ${outcome(absent)} for absent text`
      );
    }
  }

  // The blocks and JSON fields still on the type itself (through its components only).
  if (last.next && steps.every((step) => step.kind === 'component'))
    problems.push(...(await probeStructured(route, names, last.next, token)));

  // Negated, a filter through a relation would match a row by its hidden related rows (their condition
  // false, negated true): refused.
  const throughRelation = steps.some((step) => step.kind !== 'component');
  const negatedQuery = `filters[$not]${filterKey(names).slice('filters'.length)}[id][$notNull]=true`;
  record(negatedQuery);
  const negated = await get(`${route}?${negatedQuery}`, token);
  problems.push(...problemsOf(negated, `${route}?${negatedQuery}`));
  if (throughRelation && negated.status < 400) {
    tally.oracles += 1;
    problems.push(
      `GET ${route}?${negatedQuery}: a negated filter through ${names.join('.')} answered ${negated.status}, not refused (${outcome(negated)})`
    );
  }

  // Sorts through a relation, a file or a private attribute are refused: their order would be decided
  // by what the public cannot see.
  const through =
    throughRelation || steps.some((step) => schema(step.uid).attributes[step.name]?.private);
  const sortField = fields[0] ?? 'id';
  const sort = `sort=${[...names, sortField].join('.')}:desc`;
  record(sort);
  const sorted = await get(`${route}?${sort}`, token);
  problems.push(...problemsOf(sorted, `${route}?${sort}`));
  if (through && sorted.status < 400) {
    tally.oracles += 1;
    problems.push(
      `GET ${route}?${sort}: an order through ${names.join('.')} answered ${sorted.status}, not refused (${outcome(sorted)})`
    );
  }

  return { problems, refused: populated.status >= 400 && populated.status < 500 };
}

/**
 * The paths from `root` to probe: breadth first, to the depth limit, each attribute followed once per
 * depth, not beyond a path the public is refused.
 */
async function walk(
  root: string,
  route: string,
  token?: string
): Promise<Array<{ path: string; problems: string[] }>> {
  const results: Array<{ path: string; problems: string[] }> = [
    { path: '(own fields)', problems: await probeStructured(route, [], root, token) },
  ];
  const followed = new Set<string>();
  let frontier: Step[][] = [[]];
  for (let depth = 1; depth <= MAX_DEPTH; depth += 1) {
    const nextFrontier: Step[][] = [];
    for (const prefix of frontier) {
      const uid = prefix.length ? prefix[prefix.length - 1].next! : root;
      for (const step of stepsFrom(uid)) {
        const key = `${depth}:${step.uid}.${step.name}`;
        if (followed.has(key)) continue;
        followed.add(key);
        const steps = [...prefix, step];
        const { problems, refused } = await probePath(route, steps, token);
        results.push({ path: steps.map((s) => s.name).join('.'), problems });
        if (!refused && step.next && step.kind !== 'morph') nextFrontier.push(steps);
      }
    }
    frontier = nextFrontier;
  }
  return results;
}

// ------------------------------------------------------------------ planted data

beforeAll(async () => {
  app = await startApp();
  const s = app.strapi;
  expect(s.db.dialect.client).toBe(usingPostgres() ? 'postgres' : 'sqlite');

  for (const uid of [
    ...Object.keys(ROUTES),
    'api::consultation-feedback.consultation-feedback',
    'admin::user',
    'plugin::users-permissions.user',
  ]) {
    for (const [name, attribute] of Object.entries(schema(uid).attributes))
      if (attribute.private) privateKeys.add(name);
  }
  // i18n marks these private on the types it does not localize (feedback, accounts) only.
  privateKeys.delete('locale');
  privateKeys.delete('localizations');
  // The review record is internal wherever it appears.
  privateKeys.add('confidentialityReview');
  privateKeys.add('reviewer');

  const office = await s.documents(ORG).create({
    data: {
      name: '济南市人民政府办公厅',
      code: '370100001',
      level: 'department',
      regionCode: '370100',
    } as any,
  });
  // One file, attached to the published items and to every hidden one.
  const file = await s.db.query(FILE).create({
    data: {
      name: 'shared.pdf',
      hash: 'shared_attack_file',
      ext: '.pdf',
      mime: 'application/pdf',
      size: 1,
      url: '/uploads/shared_attack_file.pdf',
      provider: 'local',
      folderPath: '/',
    },
  });
  const review = { ...approvedReview, reviewer: `${MARKER} 审查人`, note: `${MARKER} 审查意见` };
  const create = async (uid: string, data: Record<string, unknown>, publish: boolean) => {
    const created = await s
      .documents(uid as any)
      .create({ data: data as any, ...(publish ? { status: 'published' } : {}) });
    return created.documentId as string;
  };
  const hide = (uid: string, documentId: string) => hidden.push({ uid, documentId });
  /** A published row re-classified in place (as a migration or a direct fix would leave it). */
  const reclassify = (documentId: string, attribute: string) =>
    s.db.query(DOC).updateMany({
      where: { documentId },
      data: {
        disclosureAttribute: attribute,
        nonDisclosureReason: 'process-information',
        title: `${MARKER} ${attribute}`,
        summary: `${MARKER} ${attribute}`,
        nonDisclosureExplanation: `${MARKER} 理由`,
      },
    });

  const base = {
    issuingOrganization: office.documentId,
    category: 'decision',
    issueDate: '2026-03-10',
    confidentialityReview: review,
    attachments: [file.id],
  };
  published[DOC] = await create(
    DOC,
    { ...base, title: '已发布的主动公开文件', issuerDocumentNumber: `${MARKER}-发文字号` },
    true
  );
  hide(
    DOC,
    await create(DOC, { ...base, title: `${MARKER} 草稿文件`, summary: `${MARKER} 草稿` }, false)
  );
  const onRequest = await create(DOC, { ...base, title: '将改为依申请公开的文件' }, true);
  const notDisclosed = await create(DOC, { ...base, title: '将改为不予公开的文件' }, true);
  await reclassify(onRequest, 'on-request');
  await reclassify(notDisclosed, 'not-disclosed');
  hide(DOC, onRequest);
  hide(DOC, notDisclosed);
  // Published documents linking to the hidden ones, so every relation has hidden rows at its end.
  await s.documents(DOC).update({
    documentId: published[DOC],
    data: { implements: [onRequest, notDisclosed], replacedBy: onRequest } as any,
    status: 'published',
  } as any);
  // The unpublished edit of a published document (its zh-Hant copy follows).
  await s.documents(DOC).update({
    documentId: published[DOC],
    data: { summary: `${MARKER} 未发布的修改`, title: `${MARKER} 未发布的标题` } as any,
  });

  const interpretation = {
    form: 'text',
    confidentialityReview: review,
    media: [file.id],
    interpreter: office.documentId,
  };
  published[INTERPRETATION] = await create(
    INTERPRETATION,
    {
      ...interpretation,
      title: '已发布的解读',
      sourceDocument: published[DOC],
      questions: [{ question: '问题' }],
    },
    true
  );
  await create(
    INTERPRETATION,
    { ...interpretation, title: '解读依申请公开的文件', sourceDocument: onRequest },
    true
  );
  hide(
    INTERPRETATION,
    await create(
      INTERPRETATION,
      {
        ...interpretation,
        title: `${MARKER} 草稿解读`,
        sourceDocument: published[DOC],
        questions: [{ question: `${MARKER} 问题` }],
      },
      false
    )
  );
  await s.documents(INTERPRETATION).update({
    documentId: published[INTERPRETATION],
    data: { title: `${MARKER} 解读的未发布修改` } as any,
  });

  const consultation = {
    organization: office.documentId,
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    confidentialityReview: review,
    draftAttachments: [file.id],
  };
  published[CONSULTATION] = await create(
    CONSULTATION,
    { ...consultation, title: '公开征求意见', relatedDocument: onRequest },
    true
  );
  hide(
    CONSULTATION,
    await create(
      CONSULTATION,
      { ...consultation, title: `${MARKER} 草稿征求意见`, relatedDocument: published[DOC] },
      false
    )
  );
  await s.documents('api::consultation-feedback.consultation-feedback').create({
    data: {
      consultation: published[CONSULTATION],
      content: `${MARKER} 意见内容`,
      submitterName: `${MARKER} 张三`,
      submitterContact: SUBMITTER_CONTACT,
    } as any,
  });

  const press = {
    kind: 'press-release',
    organization: office.documentId,
    heldAt: '2026-03-09T01:00:00Z',
    confidentialityReview: review,
    media: [file.id],
  };
  published[PRESS] = await create(
    PRESS,
    {
      ...press,
      title: '已发布的新闻稿',
      relatedDocuments: [published[DOC], onRequest],
      speakers: [{ name: '发言人' }],
    },
    true
  );
  hide(
    PRESS,
    await create(
      PRESS,
      { ...press, title: `${MARKER} 草稿新闻稿`, speakers: [{ name: `${MARKER} 发言人` }] },
      false
    )
  );

  const concern = { detectedAt: '2026-03-09T01:00:00Z', organization: office.documentId };
  published[CONCERN] = await create(
    CONCERN,
    {
      ...concern,
      topic: '已回应的舆情',
      internalNotes: `${MARKER} 内部研判`,
      documents: [published[DOC], onRequest, notDisclosed],
    },
    true
  );
  hide(CONCERN, await create(CONCERN, { ...concern, topic: `${MARKER} 核实中的舆情` }, false));

  // 年度报告: a published report (its tables computed from this office's records) and a draft.
  const report = { organization: office.documentId, year: 2026, confidentialityReview: review };
  const section = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];
  published[REPORT] = await create(
    REPORT,
    {
      ...report,
      title: '2026年政府信息公开工作年度报告',
      overview: section('总体情况'),
      otherMatters: section('其他事项'),
    },
    true
  );
  await s.documents(REPORT as any).update({
    documentId: published[REPORT],
    data: { title: `${MARKER} 年报的未发布修改`, problems: section(`${MARKER} 问题`) } as any,
  });
  hide(
    REPORT,
    await create(
      REPORT,
      {
        ...report,
        year: 2025,
        title: `${MARKER} 草稿年报`,
        overview: section(`${MARKER} 草稿总体情况`),
        otherMatters: section(`${MARKER} 草稿其他事项`),
      },
      false
    )
  );
  // 公众问答: the private link to the message and the confirmation carry the marker; a draft too.
  const answer = {
    kind: 'question',
    organization: office.documentId,
    confidentialityReview: review,
    sourceMessage: `${MARKER}-message`,
    personalDataRemovedBy: `${MARKER} 确认人`,
    personalDataRemovedAt: '2026-03-10T02:00:00Z',
  };
  published[ANSWER] = await create(
    ANSWER,
    { ...answer, subject: '已发布的公众问答', question: '问题', reply: '答复' },
    true
  );
  await s.documents(ANSWER as any).update({
    documentId: published[ANSWER],
    data: { reply: `${MARKER} 答复的未发布修改` } as any,
  });
  hide(
    ANSWER,
    await create(
      ANSWER,
      { ...answer, subject: `${MARKER} 草稿问答`, question: `${MARKER} 问题`, reply: '答复' },
      false
    )
  );
  published[ORG] = office.documentId;

  // An admin author on every row: populating createdBy must never reach an account.
  const admin = await s.service('admin::user').create({
    email: `${MARKER.toLowerCase()}-author@example.gov.cn`,
    firstname: MARKER,
    password: 'Author-2026-pass',
    isActive: true,
  });
  for (const uid of Object.keys(ROUTES))
    await s.db
      .query(uid as any)
      .updateMany({ where: {}, data: { createdBy: admin.id, updatedBy: admin.id } });

  // 依申请公开: a case and its step with the marker in every field, the applicant's contact among
  // them: no public route, populate, filter or sort may reach either.
  const application = await s.db.query('plugin::disclosure.disclosure-application').create({
    data: {
      number: '370100001-2026-0001',
      organization: office.id,
      year: 2026,
      sequence: 1,
      lookupCodeHash: `${MARKER}hash`,
      channel: 'in-person',
      applicantType: 'natural-person',
      applicantName: `${MARKER} 申请人`,
      idType: `${MARKER} 身份证`,
      idNumber: `${MARKER}370102`,
      phone: SUBMITTER_CONTACT,
      email: `${MARKER.toLowerCase()}@example.com`,
      address: `${MARKER} 地址`,
      description: `${MARKER} 申请内容`,
      documentNumber: `${MARKER} 文号`,
      form: 'paper',
      status: 'registered',
      submittedAt: new Date('2026-03-09T01:00:00Z'),
      receivedOn: '2026-03-09',
      responsibleOffice: `${MARKER} 承办科室`,
      replyText: `${MARKER} 答复`,
      legalBasis: `${MARKER} 依据`,
    },
  });
  await s.db.query('plugin::disclosure.application-step').create({
    data: {
      application: application.id,
      kind: 'register',
      at: new Date('2026-03-09T01:00:00Z'),
      actorName: `${MARKER} 登记员`,
      details: { note: MARKER },
    },
  });

  // 意见箱: a message (to a leader's mailbox) and its step with the marker in every text field, the
  // writer's contact among them: no public route, populate, filter or sort may reach either; the
  // public list of mailboxes names the open ones and nothing of their messages.
  const mailbox = await s.db.query('plugin::disclosure.mailbox').create({
    data: { organization: office.id, leaderTitle: '市长', active: true },
  });
  await s.db.query('plugin::disclosure.mailbox').create({
    data: { organization: office.id, leaderTitle: `${MARKER} 已关闭信箱`, active: false },
  });
  const message = await s.db.query('plugin::disclosure.public-message').create({
    data: {
      number: '370100001-2026-0001',
      organization: office.id,
      mailbox: mailbox.id,
      year: 2026,
      sequence: 1,
      lookupCodeHash: `${MARKER}hash`,
      kind: 'complaint',
      subject: `${MARKER} 标题`,
      content: `${MARKER} 内容`,
      writerName: `${MARKER} 来信人`,
      writerContact: SUBMITTER_CONTACT,
      consentToPublish: false,
      status: 'sent',
      submittedAt: new Date('2026-03-09T01:00:00Z'),
      receivedOn: '2026-03-09',
      routedTo: `${MARKER} 渠道`,
      routeReason: `${MARKER} 理由`,
      responsibleOffice: `${MARKER} 承办科室`,
      replyText: `${MARKER} 答复`,
      sentAt: new Date('2026-03-10T01:00:00Z'),
      fingerprint: `${MARKER}fingerprint`,
      flags: [MARKER],
      repeatOf: [MARKER],
    },
  });
  await s.db.query('plugin::disclosure.message-step').create({
    data: {
      message: message.id,
      kind: 'receive',
      at: new Date('2026-03-09T01:00:00Z'),
      actorName: `${MARKER} 管理员`,
      details: { note: MARKER },
    },
  });

  readOnlyToken = (
    await s
      .service('admin::api-token')
      .create({ name: 'municipal-site', type: 'read-only', lifespan: null })
  ).accessKey;
});

afterAll(async () => {
  console.log(
    `security: ${tally.routes.size} routes × ${tally.probes.size} probes (${tally.requests} requests), leaks ${tally.leaks}, oracles ${tally.oracles}, 500s ${tally.serverErrors}`
  );
  await app?.stop();
});

// ------------------------------------------------------------------ the suite

const callers: Array<[string, () => string | undefined]> = [
  ['anonymous', () => undefined],
  ['read-only token', () => readOnlyToken],
];

describe.each(callers)('as %s', (caller, token) => {
  describe.each(Object.entries(ROUTES))('%s', (uid, plural) => {
    test('every path of the schema, on the list route', async () => {
      const route = `/api/${plural}`;
      tally.routes.add(route);
      const results = await walk(uid, route, token());
      expect(results.length).toBeGreaterThan(3);
      expectNone(
        results.flatMap((result) => result.problems),
        `as ${caller} on ${route}, through the schema's paths`
      );
    });

    test('every path of the schema, on the item route', async () => {
      const route = `/api/${plural}/${published[uid]}`;
      tally.routes.add(`/api/${plural}/:documentId`);
      const results = await walk(uid, route, token());
      expect(results.length).toBeGreaterThan(3);
      expectNone(
        results.flatMap((result) => result.problems),
        `as ${caller} on ${route}, through the schema's paths`
      );
    });

    test('every parameter trick, on the list and the item route', async () => {
      const problems: string[] = [];
      for (const attack of PARAMETER_ATTACKS) {
        for (const route of [`/api/${plural}`, `/api/${plural}/${published[uid]}`]) {
          tally.probes.add(`|${attack.replace(/=.*$/, '')}`);
          const path = `${route}${attack ? `?${attack}` : ''}`;
          problems.push(...problemsOf(await get(path, token()), path));
        }
      }
      expectNone(problems, `as ${caller} on /api/${plural}, by parameter tricks`);
    });

    test('asking about publication state answers as if not asked', async () => {
      const problems: string[] = [];
      for (const route of [`/api/${plural}`, `/api/${plural}/${published[uid]}`]) {
        const plain = outcome(await get(route, token()));
        for (const attack of STATUS_ATTACKS) {
          const answer = await get(`${route}?${attack}`, token());
          // A refusal (an unknown parameter) says nothing about the data; an answer must be the plain one.
          const seen = answer.status >= 400 && answer.status < 500 ? plain : outcome(answer);
          if (seen !== plain) {
            tally.oracles += 1;
            problems.push(
              `GET ${route}?${attack}: an oracle, ${seen} where the plain read answers ${plain}`
            );
          }
        }
      }
      expectNone(problems, `as ${caller} on /api/${plural}, asking about publication state`);
    });

    test('a search (_q) answers the same for hidden text as for absent text', async () => {
      const present = await get(`/api/${plural}?_q=${MARKER}`, token());
      const absent = await get(`/api/${plural}?_q=${ABSENT}`, token());
      const problems = [...problemsOf(present, `/api/${plural}?_q=${MARKER}`)];
      if (outcome(present) !== outcome(absent)) {
        tally.oracles += 1;
        problems.push(
          `GET /api/${plural}?_q=${MARKER}: an oracle, ${outcome(present)} for hidden text, ${outcome(absent)} for absent text`
        );
      }
      expectNone(problems, `as ${caller} on /api/${plural}, by search`);
    });
  });
});

// The catalogue search (search/): hidden text is never found, counted in a facet, nor changes an order.
describe.each(callers)('as %s, the catalogue search', (caller, token) => {
  test('answers hidden text exactly as absent text', async () => {
    const problems: string[] = [];
    for (const extra of ['', '&locale=zh-Hant', '&types=policy-document,interpretation']) {
      for (const [hiddenQuery, absentQuery] of [
        [MARKER, ABSENT],
        [`${MARKER} 文件`, `${ABSENT} 文件`],
        [`${MARKER.toLowerCase()}`, `${ABSENT.toLowerCase()}`],
      ]) {
        const route = `/api/disclosure/search?q=${encodeURIComponent(hiddenQuery)}${extra}`;
        tally.routes.add('/api/disclosure/search');
        tally.probes.add(`search|${extra}`);
        const present = await get(route, token());
        const absent = await get(
          `/api/disclosure/search?q=${encodeURIComponent(absentQuery)}${extra}`,
          token()
        );
        problems.push(...problemsOf(present, route));
        if (
          present.status !== 200 ||
          JSON.stringify(present.body) !== JSON.stringify(absent.body)
        ) {
          tally.oracles += 1;
          problems.push(
            `GET ${route}: an oracle, ${outcome(present)} where absent text answers ${outcome(absent)}`
          );
        }
      }
    }
    // A word of the published items: found, with nothing hidden in the results or their snippets.
    const route = '/api/disclosure/search?q=' + encodeURIComponent('文件');
    const answer = await get(route, token());
    problems.push(...problemsOf(answer, route));
    expect(answer.status).toBe(200);
    expect(answer.body.data.length).toBeGreaterThan(0);
    expectNone(problems, `as ${caller} on /api/disclosure/search`);
  });
});

// Organizations have no drafts (no draftAndPublish) and no disclosure attribute: every row is public,
// so there is no hidden organization to ask for.
const ROUTES_WITH_HIDDEN_ROWS = Object.entries(ROUTES).filter(([uid]) => uid !== ORG);

describe.each(callers)('as %s', (caller, token) => {
  describe.each(ROUTES_WITH_HIDDEN_ROWS)('%s', (uid, plural) => {
    test('hidden items by their id: 404, under every parameter trick', async () => {
      const problems: string[] = [];
      const items = hidden.filter((item) => item.uid === uid);
      expect(items.length).toBeGreaterThan(0);
      for (const { documentId } of items) {
        for (const attack of PARAMETER_ATTACKS) {
          const path = `/api/${plural}/${documentId}${attack ? `?${attack}` : ''}`;
          const answer = await get(path, token());
          problems.push(...problemsOf(answer, path));
          if (![400, 404].includes(answer.status))
            problems.push(
              `GET ${path}: a hidden item answered ${answer.status}, not 404 (${outcome(answer)})`
            );
        }
      }
      expectNone(problems, `as ${caller} on hidden /api/${plural}/:documentId`);
    });
  });
});

describe('what a read-only token may call', () => {
  test('every GET route of the content API answers the token as it answers the public', async () => {
    const routes = app.strapi.server
      .listRoutes()
      .filter((layer: any) => layer.methods.includes('GET') && layer.path.startsWith('/api/'))
      .map((layer: any) =>
        layer.path.replace(/:documentId|:id/g, published[DOC]).replace(/:[a-zA-Z]+/g, 'x')
      );
    expect(routes).toEqual(
      expect.arrayContaining(['/api/upload/files', '/api/users', '/api/disclosure/compliance'])
    );
    const differences: string[] = [];
    for (const route of [...new Set(routes)] as string[]) {
      const [anonymous, withToken] = [await get(route), await get(route, readOnlyToken)];
      problemsOf(withToken, route).forEach((problem) => differences.push(problem));
      // Refused to the public: refused to the token. Open to the public: the same answer.
      if (anonymous.status >= 400 && withToken.status < 400)
        differences.push(`${route}: public ${anonymous.status}, token ${withToken.status}`);
      if (anonymous.status < 400 && outcome(anonymous) !== outcome(withToken))
        differences.push(`${route}: answers differ`);
    }
    expect(differences).toEqual([]);
  });

  test('the files of the media library and the accounts: refused, with their relations', async () => {
    for (const path of [
      '/api/upload/files?populate[related]=true',
      '/api/upload/files',
      '/api/users',
      '/api/users/me',
      '/api/disclosure/compliance',
      `/api/disclosure/syndication/status?document=${published[DOC]}`,
    ]) {
      const answer = await get(path, readOnlyToken);
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain(MARKER);
    }
  });
});

describe('依申请公开: cases are not public content', () => {
  test('no generic route reads cases or their steps, whatever the path', async () => {
    for (const path of [
      '/api/disclosure-applications',
      '/api/disclosure-applications?populate=*',
      '/api/application-steps',
      '/api/disclosure/applications',
      '/api/disclosure/disclosure-applications',
      '/api/organizations?populate=*',
      `/api/organizations/${published[ORG]}?populate=*`,
    ]) {
      for (const token of [undefined, readOnlyToken]) {
        const answer = await get(path, token);
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toContain(MARKER);
        expect(answer.text).not.toContain(SUBMITTER_CONTACT);
      }
    }
  });

  test('the lookup answers a planted case without its code as it answers no case', async () => {
    const planted = await get(`/api/disclosure/applications/370100001-2026-0001?code=${MARKER}`);
    const absent = await get(`/api/disclosure/applications/370100001-2026-0999?code=${MARKER}`);
    expect(planted.status).toBe(404);
    expect(planted.body).toEqual(absent.body);
    expect(planted.text).not.toContain(MARKER);
  });
});

describe('意见箱: messages are not public content', () => {
  test('no generic route reads messages, their steps or mailboxes, whatever the path', async () => {
    for (const path of [
      '/api/public-messages',
      '/api/public-messages?populate=*',
      '/api/message-steps',
      '/api/mailboxes?populate=*',
      '/api/disclosure/messages',
      '/api/disclosure/public-messages',
      '/api/disclosure/mailboxes?organization=370100001&populate=*',
      '/api/organizations?populate=*',
      `/api/organizations/${published[ORG]}?populate=*`,
    ]) {
      for (const token of [undefined, readOnlyToken]) {
        const answer = await get(path, token);
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toContain(MARKER);
        expect(answer.text).not.toContain(SUBMITTER_CONTACT);
      }
    }
  });

  test('the lookup and the rating answer a planted message without its code as they answer none', async () => {
    const planted = await get(`/api/disclosure/messages/370100001-2026-0001?code=${MARKER}`);
    const absent = await get(`/api/disclosure/messages/370100001-2026-0999?code=${MARKER}`);
    expect(planted.status).toBe(404);
    expect(planted.body).toEqual(absent.body);
    expect(planted.text).not.toContain(MARKER);
    const rating = await app
      .http()
      .post('/api/disclosure/messages/370100001-2026-0001/rating')
      .send({ data: { code: MARKER, satisfied: false } });
    expect(rating.status).toBe(404);
    expect(rating.body).toEqual(planted.body);
  });

  test('a published answer (公众问答) never leads to its message, nor names who confirmed it', async () => {
    for (const path of [
      `/api/public-answers/${published[ANSWER]}?populate=*`,
      '/api/public-answers?populate=*&locale=zh-Hant',
      `/api/public-answers?filters[sourceMessage][$eq]=${MARKER}-message`,
      '/api/public-answers?fields[0]=subject&fields[1]=personalDataRemovedBy',
      '/api/public-answers?sort=sourceMessage',
      '/api/public-answers?populate[sourceMessage]=true',
    ]) {
      for (const token of [undefined, readOnlyToken]) {
        const answer = await get(path, token);
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toContain(MARKER);
      }
    }
    const item = await get(`/api/public-answers/${published[ANSWER]}`);
    expect(item.body.data).toMatchObject({ subject: '已发布的公众问答', reply: '答复' });
  });

  test('the public list of mailboxes names the open ones only', async () => {
    const answer = await get('/api/disclosure/mailboxes?organization=370100001');
    expect(answer.status).toBe(200);
    expect(answer.body.data.map((mailbox: any) => Object.keys(mailbox).sort())).toEqual([
      ['documentId', 'leaderTitle'],
    ]);
    expect(answer.text).not.toContain(MARKER);
  });
});

describe('bounds', () => {
  test('populate is bounded to 3 levels for the public, with the limit in the message', async () => {
    const within = await get(
      '/api/policy-documents?populate[interpretations][populate][sourceDocument][populate]=*'
    );
    expect(within.status).toBe(200);
    const deep = await get(
      '/api/policy-documents?populate[interpretations][populate][sourceDocument][populate][interpretations][populate]=*'
    );
    expect(deep.status).toBe(400);
    expect(deep.body.error.message).toMatch(/^关联展开层级过深：公开接口最多展开 3 层/);
  });

  test('no feedback route exists, whatever the path', async () => {
    for (const path of [
      '/api/consultation-feedbacks',
      '/api/consultation-feedback',
      '/api/consultations/feedbacks',
    ]) {
      const answer = await get(path);
      expect([403, 404]).toContain(answer.status);
      expect(answer.text).not.toContain(MARKER);
    }
  });
});

describe('controls: the suite can see what it looks for', () => {
  test('every public type is attacked', () => {
    expect(Object.keys(ROUTES).sort()).toEqual([...PUBLIC_CONTENT_TYPES].sort());
  });

  test('a full-access token asking for drafts sees the markers', async () => {
    const token = await createFullAccessToken(app.strapi);
    expect((await get('/api/policy-documents?status=draft', token)).text).toContain(MARKER);
  });

  test('what the public may see through each kind of path is there', async () => {
    const doc = await get(
      `/api/policy-documents/${published[DOC]}?populate[attachments]=true&populate[localizations]=true&populate[issuingOrganization]=true`
    );
    expect(doc.status).toBe(200);
    expect(doc.body.data.attachments.map((file: any) => file.name)).toEqual(['shared.pdf']);
    expect(doc.body.data.issuingOrganization.name).toBe('济南市人民政府办公厅');
    expect(doc.body.data.localizations.map((row: any) => row.locale)).toEqual(['zh-Hant']);
    const press = await get(
      `/api/press-releases/${published[PRESS]}?populate[speakers]=true&populate[relatedDocuments]=true`
    );
    expect(press.body.data.speakers.map((speaker: any) => speaker.name)).toEqual(['发言人']);
    expect(press.body.data.relatedDocuments.map((item: any) => item.documentId)).toEqual([
      published[DOC],
    ]);
    const through = await get(
      `/api/interpretations?filters[sourceDocument][title][$eq]=已发布的主动公开文件`
    );
    expect(through.body.data.map((item: any) => item.documentId)).toEqual([
      published[INTERPRETATION],
    ]);
    const sorted = await get('/api/press-releases?sort=title:desc');
    expect(sorted.status).toBe(200);
  });

  test('a refusal names the path, in Chinese with English beside', async () => {
    const answer = await get('/api/policy-documents?populate[attachments][populate][related]=true');
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(
      /^populate\.attachments\.populate\.related：文件的引用关系不能通过公开接口读取 \(/
    );
    for (const [path, field] of [
      ['/api/annual-reports?filters[overview][$contains]=x', 'filters\\.overview\\.\\$contains'],
      [
        '/api/consultations?filters[result][summary][$contains]=x',
        'filters\\.result\\.summary\\.\\$contains',
      ],
    ]) {
      const structured = await get(path);
      expect(structured.status).toBe(400);
      expect(structured.body.error.message).toMatch(
        new RegExp(`^${field}：正文类字段不能用 \\$contains、.*\\(rich-text and JSON fields cannot`)
      );
    }
    const sort = await get('/api/interpretations?sort=sourceDocument.title');
    expect(sort.status).toBe(400);
    expect(sort.body.error.message).toMatch(
      /公开接口只能按本类内容自身的字段排序 \(public reads sort by the type's own fields only\)/
    );
  });
});
