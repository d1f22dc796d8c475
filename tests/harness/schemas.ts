import fs from 'fs';
import path from 'path';

/**
 * The content types and components the content manager shows, read from their schema files: the
 * app's (src/api), the disclosure plugin's that are visible in the content manager, and the
 * components. What the admin must word in Chinese is derived from these.
 */
const ROOT = path.join(__dirname, '..', '..');

export interface ShownAttribute {
  type: string;
  enum?: string[];
}

export interface ShownSchema {
  uid: string;
  kind: 'contentType' | 'component';
  displayName: string;
  attributes: Record<string, ShownAttribute>;
  /** The edit view shows the draft and published versions */
  draftAndPublish: boolean;
}

interface SchemaFile {
  info: { displayName: string; singularName?: string };
  options?: { draftAndPublish?: boolean };
  pluginOptions?: { 'content-manager'?: { visible?: boolean } };
  attributes: Record<string, ShownAttribute>;
}

const read = (file: string): SchemaFile => JSON.parse(fs.readFileSync(file, 'utf8'));
const dirs = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

const shown = (
  uid: string,
  kind: ShownSchema['kind'],
  { info, options, attributes }: SchemaFile
): ShownSchema => ({
  uid,
  kind,
  displayName: info.displayName,
  attributes,
  draftAndPublish: options?.draftAndPublish === true,
});

export function shownSchemas(): ShownSchema[] {
  const schemas: ShownSchema[] = [];
  const api = path.join(ROOT, 'src', 'api');
  for (const apiName of dirs(api)) {
    const types = path.join(api, apiName, 'content-types');
    if (!fs.existsSync(types)) continue;
    for (const typeName of dirs(types))
      schemas.push(
        shown(
          `api::${apiName}.${typeName}`,
          'contentType',
          read(path.join(types, typeName, 'schema.json'))
        )
      );
  }
  const pluginServer = path.join(ROOT, 'src', 'plugins', 'disclosure', 'server', 'src');
  for (const capability of dirs(pluginServer)) {
    const types = path.join(pluginServer, capability, 'content-types');
    if (!fs.existsSync(types)) continue;
    for (const typeName of dirs(types)) {
      const schema = read(path.join(types, typeName, 'schema.json'));
      // A plugin's type is shown unless it says otherwise.
      if (schema.pluginOptions?.['content-manager']?.visible === false) continue;
      schemas.push(shown(`plugin::disclosure.${schema.info.singularName}`, 'contentType', schema));
    }
  }
  const components = path.join(ROOT, 'src', 'components');
  for (const category of dirs(components))
    for (const file of fs.readdirSync(path.join(components, category)))
      if (file.endsWith('.json'))
        schemas.push(
          shown(
            `${category}.${path.basename(file, '.json')}`,
            'component',
            read(path.join(components, category, file))
          )
        );
  return schemas;
}

/** Every enumeration shown: type or component, attribute and its codes, in the schema's order. */
export function shownEnumerations(): Array<{ uid: string; attribute: string; codes: string[] }> {
  return shownSchemas().flatMap(({ uid, attributes }) =>
    Object.entries(attributes)
      .filter(([, attribute]) => attribute.type === 'enumeration')
      .map(([attribute, { enum: codes = [] }]) => ({ uid, attribute, codes }))
  );
}
