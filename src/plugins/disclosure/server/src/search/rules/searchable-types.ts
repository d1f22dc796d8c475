import { CONTENT_TYPES, ORGANIZATION_FIELD } from '../../../../shared/constants';

/**
 * The types the search finds, in one place: each one's `type` in the answer and where its weighted
 * fields, facets and display fields are. A new searchable type is a new entry here; the index, its
 * upkeep, the backfill and the route follow. Fields the public does not read (a public concern's
 * internal notes, a public answer's link to its message) are never listed.
 */
export interface SearchableType {
  uid: string;
  /** The `type` of a result and of the `types` parameter. */
  key: string;
  title: string;
  documentNumber?: string;
  indexNumber?: string;
  /** Text or blocks fields, read in order. */
  summary: readonly string[];
  body: readonly string[];
  category?: string;
  topic?: string;
  organization: string;
}

export const SEARCHABLE_TYPES: readonly SearchableType[] = [
  {
    uid: CONTENT_TYPES.policyDocument,
    key: 'policy-document',
    title: 'title',
    documentNumber: 'documentNumber',
    indexNumber: 'indexNumber',
    summary: ['summary'],
    body: ['body'],
    category: 'category',
    topic: 'topic',
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.policyDocument],
  },
  {
    uid: CONTENT_TYPES.interpretation,
    key: 'interpretation',
    title: 'title',
    summary: [],
    body: [
      'background',
      'objectives',
      'mainContent',
      'scope',
      'criteria',
      'notes',
      'keywords',
      'benefits',
      'changes',
    ],
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.interpretation],
  },
  {
    uid: CONTENT_TYPES.pressRelease,
    key: 'press-release',
    title: 'title',
    summary: [],
    body: ['body', 'transcript'],
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.pressRelease],
  },
  {
    uid: CONTENT_TYPES.consultation,
    key: 'consultation',
    title: 'title',
    summary: ['summary'],
    body: ['basis', 'draftBody'],
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.consultation],
  },
  {
    uid: CONTENT_TYPES.publicConcern,
    key: 'public-concern',
    title: 'topic',
    summary: ['summary'],
    body: ['response'],
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.publicConcern],
  },
  {
    // 公众问答: the edited question and its reply (the private link and confirmation never).
    uid: CONTENT_TYPES.publicAnswer,
    key: 'public-answer',
    title: 'subject',
    summary: [],
    body: ['question', 'reply'],
    organization: ORGANIZATION_FIELD[CONTENT_TYPES.publicAnswer],
  },
];

export const SEARCH_TYPE_KEYS: readonly string[] = SEARCHABLE_TYPES.map(({ key }) => key);
export const searchableByUid = (uid: string): SearchableType | undefined =>
  SEARCHABLE_TYPES.find((type) => type.uid === uid);
export const searchableByKey = (key: string): SearchableType | undefined =>
  SEARCHABLE_TYPES.find((type) => type.key === key);
