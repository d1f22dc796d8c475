/**
 * Strapi's strings that Strapi 5.54 writes in English without a message id, given one at install
 * time by scripts/patch-strapi.js (`postinstall`), in Simplified Chinese and English: the bulk
 * publish dialog's column headers, and a date-time field's clear buttons. (The locale picker's
 * Draft / Published / Modified are given the content manager's own ids, already translated.)
 * tests/domain/strapi-patched.test.ts holds the ids to the script's and the installed Strapi to
 * the patch.
 */
export const strapiPatched = {
  'zh-Hans': {
    'content-manager.bulk-publish.table-headers.documentId': '文档 ID',
    'content-manager.bulk-publish.table-headers.name': '名称',
    'content-manager.bulk-publish.table-headers.status': '状态',
    'content-manager.bulk-publish.table-headers.publicationStatus': '发布状态',
    'components.DateTimePicker.clear-date': '清除日期',
    'components.DateTimePicker.clear-time': '清除时间',
  },
  en: {
    'content-manager.bulk-publish.table-headers.documentId': 'Document ID',
    'content-manager.bulk-publish.table-headers.name': 'Name',
    'content-manager.bulk-publish.table-headers.status': 'Status',
    'content-manager.bulk-publish.table-headers.publicationStatus': 'Publication status',
    'components.DateTimePicker.clear-date': 'Clear date',
    'components.DateTimePicker.clear-time': 'Clear time',
  },
} as const satisfies Record<'zh-Hans' | 'en', Record<string, string>>;
