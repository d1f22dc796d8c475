#!/usr/bin/env node
/**
 * `postinstall`: gives a message id to the few strings Strapi 5.54 writes in English with none, so
 * that the admin's translations (src/admin/translations/strapi-patched.ts) reach them. The admin
 * build (`npm run build`) bundles these files from node_modules, so the change reaches the admin.
 * Without a translation each still shows what Strapi wrote: only ids are added.
 *
 * - the content manager's bulk publish dialog: its column headers `documentId`, `name`, `status`,
 *   `Publication status`;
 * - the i18n locale picker: each locale's status, `Draft` / `Published` / `Modified`, worded by the
 *   content manager's own ids for them (those of the list's status column);
 * - a date and time field: the design system appends ' date' / ' time' to the clear buttons' label;
 *   it takes the two labels whole instead (the default unchanged), which the admin's date-time inputs
 *   (the edit view's, the list filters') and the media library's date filter give with an id.
 *
 * Each patch is tied to the exact version it was written for, and each replacement to the exact text
 * it replaces, found exactly once: a different version or text fails the install loudly, to be
 * re-checked by hand (docs/editor-views.md, "Strapi strings without a translation id"). Running it
 * again changes nothing. `--check` only reports, and fails when a file is not patched.
 */
const fs = require('fs');
const path = require('path');

const NODE_MODULES = path.join(__dirname, '..', 'node_modules');
const MARK = '/* patched by gov-disclosure-cms scripts/patch-strapi.js */';

/**
 * The ids the patches give, each with the English Strapi writes there: still what shows wherever the
 * admin has no translation for the id (src/admin/translations/strapi-patched.ts has zh-Hans and en).
 */
const MESSAGES = {
  'content-manager.bulk-publish.table-headers.documentId': 'documentId',
  'content-manager.bulk-publish.table-headers.name': 'name',
  'content-manager.bulk-publish.table-headers.status': 'status',
  'content-manager.bulk-publish.table-headers.publicationStatus': 'Publication status',
  'components.DateTimePicker.clear-date': '{clear} date',
  'components.DateTimePicker.clear-time': '{clear} time',
};
const descriptor = (id) => `{ id: '${id}', defaultMessage: '${MESSAGES[id]}' }`;

/** The bulk publish dialog's headers: a message each (only their count is used elsewhere)… */
const tableHeaders = [
  ['documentId', 'documentId'],
  ['name', 'name'],
  ['status', 'status'],
  ['publicationStatus', 'Publication status'],
].map(([name, label]) => [
  `        name: '${name}',\n        label: '${label}'\n`,
  `        name: '${name}',\n        label: '${label}',\n        ${MARK} message: ${descriptor(`content-manager.bulk-publish.table-headers.${name}`)}\n`,
]);
/** …which the header cells word. */
const headerCell = [
  `\n                            ...head\n                        }, head.name))`,
  `\n                            ...head,\n                            ${MARK} label: formatMessage(head.message)\n                        }, head.name))`,
];

/** The content manager's own ids for a status, as its list's status column words them. */
const localeStatus = (capitalize) => [
  `children: ${capitalize}(status)`,
  `children: ${MARK} formatMessage({ id: \`content-manager.containers.List.\${status}\`, defaultMessage: ${capitalize}(status) })`,
];

/**
 * The admin's date-time inputs give the design system the two clear labels whole, each with an id;
 * without a translation, Strapi's own: its translated 'Clear' and ' date' / ' time'.
 */
const CLEAR = "formatMessage({ id: 'clearLabel', defaultMessage: 'Clear' })";
const clearLabels = (indent) => [
  `${indent}clearLabel: formatMessage({\n${indent}    id: 'clearLabel',\n${indent}    defaultMessage: 'Clear'\n${indent}}),\n`,
  `${indent}clearLabel: formatMessage({\n${indent}    id: 'clearLabel',\n${indent}    defaultMessage: 'Clear'\n${indent}}),\n` +
    `${indent}${MARK} clearDateLabel: formatMessage(${descriptor('components.DateTimePicker.clear-date')}, { clear: ${CLEAR} }),\n` +
    `${indent}clearTimeLabel: formatMessage(${descriptor('components.DateTimePicker.clear-time')}, { clear: ${CLEAR} }),\n`,
];

const PATCHES = [
  {
    name: '@strapi/content-manager',
    version: '5.54.0',
    files: {
      'dist/admin/pages/ListView/components/BulkActions/PublishAction.mjs': [
        ...tableHeaders,
        headerCell,
      ],
      'dist/admin/pages/ListView/components/BulkActions/PublishAction.js': [
        ...tableHeaders,
        headerCell,
      ],
    },
  },
  {
    name: '@strapi/i18n',
    version: '5.54.0',
    files: {
      'dist/admin/components/CMHeaderActions.mjs': [localeStatus('capitalize')],
      'dist/admin/components/CMHeaderActions.js': [localeStatus('strings.capitalize')],
    },
  },
  {
    name: '@strapi/design-system',
    version: '2.2.4',
    files: {
      'dist/index.mjs': [
        [
          '    clearLabel: e = "clear",\n    dateLabel: t = "Choose date",\n',
          '    clearLabel: e = "clear",\n' +
            `    ${MARK} clearDateLabel: __clearDateLabel = \`\${e} date\`,\n` +
            '    clearTimeLabel: __clearTimeLabel = `${e} time`,\n' +
            '    dateLabel: t = "Choose date",\n',
        ],
        ['clearLabel: `${e} date`,', `clearLabel: ${MARK} __clearDateLabel,`],
        ['clearLabel: `${e} time`,', `clearLabel: ${MARK} __clearTimeLabel,`],
      ],
      'dist/index.js': [
        [
          '({clearLabel:e="clear",dateLabel:t="Choose date",',
          `({clearLabel:e="clear",${MARK}clearDateLabel:__clearDateLabel=\`\${e} date\`,clearTimeLabel:__clearTimeLabel=\`\${e} time\`,dateLabel:t="Choose date",`,
        ],
        ['clearLabel:`${e} date`,', `clearLabel:${MARK}__clearDateLabel,`],
        ['clearLabel:`${e} time`,', `clearLabel:${MARK}__clearTimeLabel,`],
      ],
    },
  },
  {
    name: '@strapi/admin',
    version: '5.54.0',
    files: {
      'dist/admin/admin/src/components/FormInputs/DateTime.mjs': [clearLabels('                ')],
      'dist/admin/admin/src/components/FormInputs/DateTime.js': [clearLabels('                ')],
    },
  },
  {
    name: '@strapi/upload',
    version: '5.54.0',
    files: {
      // The media library's date filter.
      'dist/admin/components/FilterPopover/FilterValueInput.mjs': [clearLabels('            ')],
      'dist/admin/components/FilterPopover/FilterValueInput.js': [clearLabels('            ')],
    },
  },
];

const occurrences = (text, part) => text.split(part).length - 1;

/**
 * Applies (or, with `check`, only inspects) every patch. Returns one line per file; throws, naming
 * the file, on a version or a text other than the one the patch was written for.
 */
function patchStrapi({ nodeModules = NODE_MODULES, check = false } = {}) {
  const report = [];
  for (const { name, version, files } of PATCHES) {
    const dir = path.join(nodeModules, name);
    const installed = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
    if (installed !== version) {
      throw new Error(
        `${name} is ${installed}; scripts/patch-strapi.js is written for ${version}. Check whether ` +
          `the new version still writes these strings without a message id, then update the patch ` +
          `(docs/editor-views.md, "Strapi strings without a translation id").`
      );
    }
    for (const [file, replacements] of Object.entries(files)) {
      const where = `${name}/${file}`;
      const original = fs.readFileSync(path.join(dir, file), 'utf8');
      let text = original;
      for (const [from, to] of replacements) {
        if (occurrences(text, to) === 1) continue;
        const found = occurrences(text, from);
        if (check || found !== 1) {
          throw new Error(
            `${where}: ${check ? 'not patched' : `expected the text to patch once, found it ${found} times`}:\n${from}`
          );
        }
        text = text.replace(from, () => to);
      }
      if (text === original) {
        report.push(`${where}: patched already`);
        continue;
      }
      // Written whole, then renamed: a build reading node_modules meanwhile sees one or the other.
      const target = path.join(dir, file);
      const temporary = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, target);
      report.push(`${where}: patched`);
    }
  }
  return report;
}

module.exports = { MESSAGES, patchStrapi };

if (require.main === module) {
  try {
    const check = process.argv.includes('--check');
    for (const line of patchStrapi({ check })) console.log(`patch-strapi: ${line}`);
  } catch (error) {
    console.error(`patch-strapi: ${error.message}`);
    process.exit(1);
  }
}
