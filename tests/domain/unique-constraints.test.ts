import { errors } from '@strapi/utils';
import {
  issuerDocumentNumber,
  refusedAsNotUniqueBy,
  uniqueClashMessage,
  uniqueViolationField,
} from '../../src/plugins/disclosure/server/src/errors/rules/unique-constraints';

describe('which uniqueness rule a database error reports', () => {
  test('SQLite names the columns', () => {
    const error = Object.assign(
      new Error(
        'insert into … - UNIQUE constraint failed: policy_documents.index_number, policy_documents.locale'
      ),
      { code: 'SQLITE_CONSTRAINT_UNIQUE' }
    );
    expect(uniqueViolationField(error, 'policy_documents')).toBe('indexNumber');
    const byIssuer = Object.assign(
      new Error(
        'UNIQUE constraint failed: policy_documents.issuer_document_number, policy_documents.locale'
      ),
      { code: 'SQLITE_CONSTRAINT_UNIQUE' }
    );
    expect(uniqueViolationField(byIssuer, 'policy_documents')).toBe('documentNumber');
  });

  test('PostgreSQL names the index (SQLSTATE 23505)', () => {
    expect(
      uniqueViolationField(
        { code: '23505', constraint: 'policy_documents_index_number_published_uq' },
        'policy_documents'
      )
    ).toBe('indexNumber');
    expect(
      uniqueViolationField(
        { code: '23505', constraint: 'policy_documents_issuer_document_number_draft_uq' },
        'policy_documents'
      )
    ).toBe('documentNumber');
  });

  test('organization codes, on both databases', () => {
    expect(
      uniqueViolationField({ code: '23505', constraint: 'organizations_code_uq' }, 'organizations')
    ).toBe('code');
    const sqlite = Object.assign(
      new Error('UNIQUE constraint failed: organizations.code, organizations.locale'),
      { code: 'SQLITE_CONSTRAINT_UNIQUE' }
    );
    expect(uniqueViolationField(sqlite, 'organizations')).toBe('code');
  });

  test('holiday-calendar dates, on both databases', () => {
    expect(
      uniqueViolationField(
        { code: '23505', constraint: 'disclosure_calendar_days_date_uq' },
        'disclosure_calendar_days'
      )
    ).toBe('date');
    const sqlite = Object.assign(
      new Error('UNIQUE constraint failed: disclosure_calendar_days.date'),
      { code: 'SQLITE_CONSTRAINT_UNIQUE' }
    );
    expect(uniqueViolationField(sqlite, 'disclosure_calendar_days')).toBe('date');
  });

  test('anything else is not a uniqueness refusal', () => {
    expect(uniqueViolationField(new Error('connection reset'), 'policy_documents')).toBeNull();
    expect(
      uniqueViolationField(
        { code: '23505', constraint: 'organizations_code_uq' },
        'policy_documents'
      )
    ).toBeNull();
    expect(
      uniqueViolationField(
        { code: '23502', constraint: 'policy_documents_index_number_draft_uq' },
        'policy_documents'
      )
    ).toBeNull();
    expect(uniqueViolationField(null, 'policy_documents')).toBeNull();
  });
});

test("Strapi's own unique check refusing a field, and that field only, is recognised", () => {
  const notUnique = (path: string[]) => ({
    path,
    message: 'This attribute must be unique',
    name: 'ValidationError',
  });
  expect(
    refusedAsNotUniqueBy(
      new errors.ValidationError('This attribute must be unique', {
        errors: [notUnique(['date'])],
      }),
      'date'
    )
  ).toBe(true);
  expect(
    refusedAsNotUniqueBy(
      new errors.ValidationError('This attribute must be unique', {
        errors: [notUnique(['code'])],
      }),
      'date'
    )
  ).toBe(false);
  // Another refusal alongside is not hidden behind a uniqueness message.
  const two = new errors.ValidationError('2 errors occurred', {
    errors: [
      notUnique(['date']),
      {
        path: ['kind'],
        message: 'kind must be one of the following values: working, holiday',
        name: 'ValidationError',
      },
    ],
  });
  expect(refusedAsNotUniqueBy(two, 'date')).toBe(false);
  expect(
    refusedAsNotUniqueBy(
      new errors.ValidationError('date must be a valid date', {
        errors: [{ path: ['date'], message: 'date must be a valid date' }],
      }),
      'date'
    )
  ).toBe(false);
  expect(
    refusedAsNotUniqueBy(
      new errors.ApplicationError('This attribute must be unique', {
        errors: [notUnique(['date'])],
      }),
      'date'
    )
  ).toBe(false);
  expect(refusedAsNotUniqueBy(null, 'date')).toBe(false);
});

test('the per-issuer key is the issuer and the number, or nothing when either is missing', () => {
  expect(issuerDocumentNumber('abc123', '鲁政发〔2026〕1号')).toBe('abc123:鲁政发〔2026〕1号');
  expect(issuerDocumentNumber(null, '鲁政发〔2026〕1号')).toBeNull();
  expect(issuerDocumentNumber('abc123', null)).toBeNull();
});

test('the refusals say what is taken, in Chinese first', () => {
  expect(uniqueClashMessage.indexNumber('370100001/2026-00001')).toMatch(
    /^索引号（indexNumber）已被其他条目使用，须唯一：370100001\/2026-00001/
  );
  expect(uniqueClashMessage.documentNumber('鲁政发〔2026〕1号')).toMatch(
    /^文号 鲁政发〔2026〕1号 已被本机关的其他文件使用/
  );
  expect(uniqueClashMessage.date('2026-10-08')).toMatch(/^2026-10-08 已在节假日安排中/);
});
