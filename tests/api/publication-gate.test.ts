import pluginConfig from '../../src/plugins/disclosure/server/src/config';
import { approvedReview, policyDocumentData } from '../harness/fixtures';
import { createFullAccessToken, startApp, type TestApp } from '../harness/strapi';

const DOC = 'api::policy-document.policy-document';
const INTERPRETATION = 'api::interpretation.interpretation';
const LEDGER = 'plugin::disclosure.ledger-entry';

let app: TestApp;
let token: string;
let office: string;
const officeCode = '370100001';
let sequence = 0;
let bootTriggers = 0;

/** Append-only triggers on the ledger table, as the database lists them. */
const installedTriggers = async (): Promise<number> => {
  const knex = app.strapi.db.connection;
  const { tableName } = app.strapi.db.metadata.get(LEDGER);
  const rows =
    app.strapi.db.dialect.client === 'postgres'
      ? (
          await knex.raw(
            'SELECT tgname FROM pg_trigger WHERE tgrelid = ?::regclass AND NOT tgisinternal',
            [tableName]
          )
        ).rows
      : await knex.raw("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", [
          tableName,
        ]);
  return rows.length;
};

const docs = () => app.strapi.documents(DOC);
const interpretations = () => app.strapi.documents(INTERPRETATION);
const newDocument = (overrides: Record<string, unknown> = {}) =>
  docs().create({ data: policyDocumentData(office, overrides) as any });
const newInterpretation = (sourceDocument: string, overrides: Record<string, unknown> = {}) =>
  interpretations().create({
    data: {
      title: `解读${(sequence += 1)}`,
      form: 'text',
      sourceDocument,
      confidentialityReview: approvedReview,
      ...overrides,
    } as any,
  });
const isPublished = async (uid: string, documentId: string) =>
  (await app.strapi.documents(uid as any).findOne({ documentId, status: 'published' })) !== null;
/** The source-locale entries (each zh-Hant copy is recorded too, with locale zh-Hant). */
const ledgerFor = (documentId: string) =>
  app.strapi.db.query(LEDGER).findMany({
    where: {
      itemDocumentId: documentId,
      $or: [{ locale: null }, { locale: { $ne: 'zh-Hant' } }],
    },
    orderBy: { id: 'asc' },
  });
const refusalOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error: any) {
    return error;
  }
  throw new Error('expected a refusal');
};

beforeAll(async () => {
  app = await startApp();
  token = await createFullAccessToken(app.strapi);
  bootTriggers = await installedTriggers();
  office = (
    await app.strapi.documents('api::organization.organization').create({
      data: {
        name: '济南市人民政府办公厅',
        code: officeCode,
        level: 'department',
        regionCode: '370100',
      } as any,
    })
  ).documentId;
});
afterAll(async () => {
  await app?.stop();
});

describe('confidentiality review (保密审查)', () => {
  test('no review: refused, with the reason in Chinese and English, and recorded', async () => {
    const doc = await newDocument({ confidentialityReview: null });
    const error = await refusalOf(docs().publish({ documentId: doc.documentId }));
    expect(error.name).toBe('ValidationError');
    expect(error.message).toMatch(/保密审查.*审查人.*confidentiality review/);
    expect(error.details.errors[0].path).toEqual(['confidentialityReview']);
    expect(await isPublished(DOC, doc.documentId)).toBe(false);
    const [entry] = await ledgerFor(doc.documentId);
    expect(entry).toMatchObject({
      action: 'publish',
      outcome: 'refused',
      rules: 'confidentiality-review',
      actorType: 'system',
    });
  });

  test('a review that did not approve is not enough', async () => {
    const doc = await newDocument({
      confidentialityReview: { ...approvedReview, conclusion: 'needs-changes' },
    });
    const error = await refusalOf(docs().publish({ documentId: doc.documentId }));
    expect(error.message).toMatch(/审查结论为同意/);
  });

  test('through REST the refusal is a 400 and nothing is stored half-way', async () => {
    const before = await app.strapi.db.query(DOC).count();
    const res = await app
      .http()
      .post('/api/policy-documents')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: '未审查', issuingOrganization: office, category: 'decision' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/保密审查/);
    expect(await app.strapi.db.query(DOC).count()).toBe(before);
    const [entry] = await app.strapi.db.query(LEDGER).findMany({ where: { title: '未审查' } });
    expect(entry).toMatchObject({ outcome: 'refused', actorType: 'api-token' });
  });

  test('every publishable type needs it', async () => {
    const source = await newDocument();
    await docs().publish({ documentId: source.documentId });
    const attempts = [
      () =>
        app.strapi
          .documents('api::press-release.press-release')
          .create({ status: 'published', data: { title: '新闻稿', kind: 'press-release' } as any }),
      () =>
        app.strapi.documents('api::consultation.consultation').create({
          status: 'published',
          data: { title: '征求意见', startDate: '2026-04-01', endDate: '2026-04-30' } as any,
        }),
      () =>
        interpretations().create({
          status: 'published',
          data: { title: '解读', form: 'text', sourceDocument: source.documentId } as any,
        }),
    ];
    for (const attempt of attempts) {
      expect((await refusalOf(attempt())).details.errors.map((e: any) => e.path[0])).toContain(
        'confidentialityReview'
      );
    }
  });
});

describe('disclosure attribute', () => {
  test('an on-request item is never published, and every reason is listed', async () => {
    const doc = await newDocument({
      disclosureAttribute: 'on-request',
      nonDisclosureReason: 'process-information',
      nonDisclosureExplanation: '过程性信息',
    });
    const error = await refusalOf(docs().publish({ documentId: doc.documentId }));
    expect(error.message).toMatch(/不得在网站发布/);
    expect((await ledgerFor(doc.documentId))[0].rules).toBe('disclosure-attribute');
  });
});

describe('interpretations go out with their document (同步发布)', () => {
  test('a normative document without an interpretation is refused', async () => {
    const doc = await newDocument({ isNormative: true });
    const error = await refusalOf(docs().publish({ documentId: doc.documentId }));
    expect(error.details.errors[0].path).toEqual(['interpretations']);
    expect(error.message).toMatch(/同步发布/);

    // A draft interpretation that has not passed its own review is not ready either.
    await newInterpretation(doc.documentId, { confidentialityReview: null });
    await expect(docs().publish({ documentId: doc.documentId })).rejects.toThrow(/同步发布/);
  });

  test('publishing the document publishes its ready interpretations in the same operation', async () => {
    const doc = await newDocument({ isNormative: true });
    const ready = await newInterpretation(doc.documentId);
    const notReady = await newInterpretation(doc.documentId, { confidentialityReview: null });
    await docs().publish({ documentId: doc.documentId });
    expect(await isPublished(DOC, doc.documentId)).toBe(true);
    expect(await isPublished(INTERPRETATION, ready.documentId)).toBe(true);
    expect(await isPublished(INTERPRETATION, notReady.documentId)).toBe(false);
    expect((await ledgerFor(ready.documentId)).map((e: any) => e.outcome)).toEqual(['allowed']);
  });

  test('all or nothing: when an interpretation fails to publish, the document stays unpublished', async () => {
    const doc = await newDocument({ isNormative: true });
    const first = await newInterpretation(doc.documentId);
    const failing = await newInterpretation(doc.documentId);
    app.strapi.documents.use(async (context, next) => {
      if (
        context.action === 'publish' &&
        (context.params as any).documentId === failing.documentId
      ) {
        throw new Error('simulated failure while publishing');
      }
      return next();
    });
    await expect(docs().publish({ documentId: doc.documentId })).rejects.toThrow(
      /simulated failure/
    );
    expect(await isPublished(DOC, doc.documentId)).toBe(false);
    expect(await isPublished(INTERPRETATION, first.documentId)).toBe(false);
    expect((await ledgerFor(doc.documentId)).filter((e: any) => e.outcome === 'allowed')).toEqual(
      []
    );
  });

  test('an interpretation cannot be published before its document', async () => {
    const doc = await newDocument();
    const interpretation = await newInterpretation(doc.documentId);
    const error = await refusalOf(
      interpretations().publish({ documentId: interpretation.documentId })
    );
    expect(error.details.errors[0].path).toEqual(['sourceDocument']);
    expect(error.message).toMatch(/不得先于所解读的文件发布/);

    await docs().publish({ documentId: doc.documentId });
    expect(await isPublished(INTERPRETATION, interpretation.documentId)).toBe(true); // went out with it
  });

  test('an office exempted in configuration may publish a normative document alone', async () => {
    const key = 'plugin::disclosure.publicationGate.interpretationExemptOrganizations';
    app.strapi.config.set(key, [officeCode]);
    try {
      const doc = await newDocument({ isNormative: true });
      await docs().publish({ documentId: doc.documentId });
      expect(await isPublished(DOC, doc.documentId)).toBe(true);
    } finally {
      app.strapi.config.set(key, []);
    }
  });

  test('a bad gate setting stops the boot with a message naming it', () => {
    expect(() =>
      pluginConfig.validator({
        publicationGate: {
          requireInterpretationForNormative: 'yes' as any,
          interpretationExemptOrganizations: [],
        },
      })
    ).toThrow(/requireInterpretationForNormative/);
    expect(() =>
      pluginConfig.validator({
        publicationGate: {
          requireInterpretationForNormative: true,
          interpretationExemptOrganizations: [42 as any],
        },
      })
    ).toThrow(/interpretationExemptOrganizations/);
  });
});

describe('images need alternative text (无障碍)', () => {
  test('a press release or interpretation with an image lacking alt text is refused, naming it; with it, published', async () => {
    const image = await app.strapi.db.query('plugin::upload.file').create({
      data: {
        name: '发布会现场.jpg',
        hash: `press_${Date.now()}`,
        ext: '.jpg',
        mime: 'image/jpeg',
        size: 12.3,
        url: '/uploads/press.jpg',
        provider: 'local',
        width: 800,
        height: 600,
      },
    });
    const pdf = await app.strapi.db.query('plugin::upload.file').create({
      data: {
        name: '发布稿.pdf',
        hash: `pdf_${Date.now()}`,
        ext: '.pdf',
        mime: 'application/pdf',
        size: 40,
        url: '/uploads/release.pdf',
        provider: 'local',
      },
    });
    const releases = app.strapi.documents('api::press-release.press-release');
    const release = await releases.create({
      data: {
        title: '新闻发布会',
        kind: 'press-conference',
        organization: office,
        confidentialityReview: approvedReview,
        media: [image.id, pdf.id],
      } as any,
    });
    await expect(releases.publish({ documentId: release.documentId })).rejects.toThrow(
      /图片须填写替代文字（alt）后才能发布，缺少：发布会现场\.jpg/
    );
    const source = await newDocument({ title: '配图解读的文件' });
    await expect(
      newInterpretation(source.documentId, { media: [image.id] }).then((draft) =>
        interpretations().publish({ documentId: draft.documentId })
      )
    ).rejects.toThrow(/替代文字/);

    await app.strapi.db.query('plugin::upload.file').update({
      where: { id: image.id },
      data: { alternativeText: '新闻发布会现场，发言人介绍政策要点' },
    });
    await releases.publish({ documentId: release.documentId });
    expect(await isPublished('api::press-release.press-release', release.documentId)).toBe(true);
  });
});

describe('the ledger (发布台账)', () => {
  test('the boot installed the append-only triggers', () => {
    expect(bootTriggers).toBeGreaterThanOrEqual(1);
  });

  test('publish and unpublish are recorded with who did it', async () => {
    const created = await app
      .http()
      .post('/api/policy-documents')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: '经令牌发布',
          issuingOrganization: office,
          category: 'decision',
          confidentialityReview: approvedReview,
        },
      });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    await docs().unpublish({ documentId });
    const entries = await ledgerFor(documentId);
    expect(entries.map((e: any) => [e.action, e.outcome, e.actorType])).toEqual([
      ['publish', 'allowed', 'api-token'],
      ['unpublish', 'allowed', 'system'],
    ]);
    expect(entries[0].actorName).toMatch(/^test-/);
    expect(entries[0].title).toBe('经令牌发布');
  });

  test('no API and no SQL can change or delete an entry', async () => {
    await app.strapi.plugin('disclosure').service('ledger').record({
      action: 'unpublish',
      outcome: 'allowed',
      contentType: DOC,
      itemDocumentId: 'ledger-edit-test',
    });
    const entry = await app.strapi.db
      .query(LEDGER)
      .findOne({ where: { itemDocumentId: 'ledger-edit-test' } });
    expect(entry).toMatchObject({ outcome: 'allowed', action: 'unpublish' });
    await expect(
      app.strapi
        .documents(LEDGER as any)
        .update({ documentId: entry.documentId, data: { outcome: 'refused' } as any })
    ).rejects.toThrow(/append-only/);
    await expect(
      app.strapi.documents(LEDGER as any).delete({ documentId: entry.documentId })
    ).rejects.toThrow(/append-only/);
    // Below every API: plain SQL against the table is refused by the database itself. (protect() is
    // idempotent; the boot's own installation of the triggers is checked separately below.)
    await app.strapi.plugin('disclosure').service('ledger').protect();
    const table = () => app.strapi.db.connection(app.strapi.db.metadata.get(LEDGER).tableName);
    await table().insert({
      document_id: 'sqlledgerentry000000000001',
      at: new Date(),
      action: 'publish',
      outcome: 'allowed',
      content_type: DOC,
      item_document_id: 'ledger-sql-test',
      actor_type: 'system',
    });
    const [row] = await table().where({ item_document_id: 'ledger-sql-test' }).select('id');
    // Each statement must be refused by the database; if one is not, say what the database holds.
    const refusedBySql = async (what: string, statement: PromiseLike<unknown>) => {
      const outcome = await statement.then(
        (result) => ({ result }),
        (error) => ({ error: String(error) })
      );
      if ('error' in outcome && /append-only/.test(outcome.error)) return;
      const knex = app.strapi.db.connection;
      const triggers = await knex
        .raw("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        .catch(() => 'n/a');
      const now = await table().where({ id: row.id }).first();
      throw new Error(
        `${what} was not refused: ${JSON.stringify(outcome)}; row now ${JSON.stringify(now)}; triggers ${JSON.stringify(triggers)}`
      );
    };
    await refusedBySql('UPDATE', table().where({ id: row.id }).update({ outcome: 'refused' }));
    await refusedBySql('DELETE', table().where({ id: row.id }).delete());
    expect(await table().where({ id: row.id }).first()).toMatchObject({ outcome: 'allowed' });
    expect(await app.strapi.db.query(LEDGER).findOne({ where: { id: entry.id } })).toMatchObject({
      outcome: entry.outcome,
    });
  });

  test('the ledger has no content-API route and is hidden from the content manager', async () => {
    expect((await app.http().get('/api/disclosure/ledger-entries')).status).toBe(404);
    expect(
      (await app.http().get('/api/ledger-entries').set('Authorization', `Bearer ${token}`)).status
    ).toBe(404);
    const schema: any = app.strapi.getModel(LEDGER as any);
    expect(schema.pluginOptions['content-manager'].visible).toBe(false);
  });
});
