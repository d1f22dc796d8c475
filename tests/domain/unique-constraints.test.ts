import { issuerDocumentNumber, uniqueClashMessage, uniqueViolationField } from '../../src/plugins/disclosure/server/src/domain/unique-constraints';

describe('which uniqueness rule a database error reports', () => {
  test('SQLite names the columns', () => {
    const error = Object.assign(new Error('insert into … - UNIQUE constraint failed: policy_documents.index_number, policy_documents.locale'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(uniqueViolationField(error, 'policy_documents')).toBe('indexNumber');
    const byIssuer = Object.assign(new Error('UNIQUE constraint failed: policy_documents.issuer_document_number, policy_documents.locale'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(uniqueViolationField(byIssuer, 'policy_documents')).toBe('documentNumber');
  });

  test('PostgreSQL names the index (SQLSTATE 23505)', () => {
    expect(uniqueViolationField({ code: '23505', constraint: 'policy_documents_index_number_published_uq' }, 'policy_documents')).toBe('indexNumber');
    expect(uniqueViolationField({ code: '23505', constraint: 'policy_documents_issuer_document_number_draft_uq' }, 'policy_documents')).toBe('documentNumber');
  });

  test('organization codes, on both databases', () => {
    expect(uniqueViolationField({ code: '23505', constraint: 'organizations_code_uq' }, 'organizations')).toBe('code');
    const sqlite = Object.assign(new Error('UNIQUE constraint failed: organizations.code, organizations.locale'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(uniqueViolationField(sqlite, 'organizations')).toBe('code');
  });

  test('holiday-calendar dates, on both databases', () => {
    expect(uniqueViolationField({ code: '23505', constraint: 'disclosure_calendar_days_date_uq' }, 'disclosure_calendar_days')).toBe('date');
    const sqlite = Object.assign(new Error('UNIQUE constraint failed: disclosure_calendar_days.date'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(uniqueViolationField(sqlite, 'disclosure_calendar_days')).toBe('date');
  });

  test('anything else is not a uniqueness refusal', () => {
    expect(uniqueViolationField(new Error('connection reset'), 'policy_documents')).toBeNull();
    expect(uniqueViolationField({ code: '23505', constraint: 'organizations_code_uq' }, 'policy_documents')).toBeNull();
    expect(uniqueViolationField({ code: '23502', constraint: 'policy_documents_index_number_draft_uq' }, 'policy_documents')).toBeNull();
    expect(uniqueViolationField(null, 'policy_documents')).toBeNull();
  });
});

test('the per-issuer key is the issuer and the number, or nothing when either is missing', () => {
  expect(issuerDocumentNumber('abc123', '鲁政发〔2026〕1号')).toBe('abc123:鲁政发〔2026〕1号');
  expect(issuerDocumentNumber(null, '鲁政发〔2026〕1号')).toBeNull();
  expect(issuerDocumentNumber('abc123', null)).toBeNull();
});

test('the refusals say what is taken, in Chinese first', () => {
  expect(uniqueClashMessage.indexNumber('370100001/2026-00001')).toMatch(/^索引号（indexNumber）已被其他条目使用，须唯一：370100001\/2026-00001/);
  expect(uniqueClashMessage.documentNumber('鲁政发〔2026〕1号')).toMatch(/^文号 鲁政发〔2026〕1号 已被本机关的其他文件使用/);
  expect(uniqueClashMessage.date('2026-10-08')).toMatch(/^2026-10-08 已在节假日安排中/);
});
