import type { Core } from '@strapi/strapi';
import {
  contentManagerComponents,
  contentManagerContentTypes,
  type ContentManagerModel,
} from '../../utils/admin-services';
import { EDITOR_VIEWS } from '../rules/editor-views';
import {
  decideView,
  defaultMainField,
  type ModelOutline,
  type ViewConfiguration,
  type ViewItems,
} from '../rules/view-configuration';

/** What the plugin applied last time, per type: the core store's `plugin_disclosure_editor-views`. */
type AppliedViews = Record<string, ViewItems>;

export interface EditorViewsReport {
  /** Types whose stored configuration was changed */
  updated: string[];
  /** Items an office changed, left as they are, per type */
  kept: Record<string, string[]>;
}

/**
 * The content manager's views in Chinese (rules/editor-views.ts), set at start-up where Strapi's
 * defaults or the plugin's own last view are still in place; an office's changes are kept.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: 'disclosure', key: 'editor-views' });

  return {
    /**
     * Call after the content manager's bootstrap, which creates and syncs every type's configuration
     * (internal plugins bootstrap before this one). A type it has not configured is left alone: the
     * content manager would take a partial configuration for a complete one.
     */
    async applyEditorViews(): Promise<EditorViewsReport> {
      const contentTypes = contentManagerContentTypes(strapi);
      const components = contentManagerComponents(strapi);
      const findModel = (uid: string): ContentManagerModel | undefined =>
        contentTypes.findContentType(uid) ?? components.findComponent(uid);
      const lastApplied = ((await store().get({})) as AppliedViews | null) ?? {};
      const applied: AppliedViews = {};
      const report: EditorViewsReport = { updated: [], kept: {} };
      for (const uid of Object.keys(EDITOR_VIEWS)) {
        const contentType = contentTypes.findContentType(uid);
        const model = contentType ?? components.findComponent(uid);
        if (!model) continue;
        const service = contentType ? contentTypes : components;
        const current = await service.findConfiguration(model);
        if (Object.keys(current.settings).length === 0) {
          strapi.log.warn(`editor-views: ${uid} has no content-manager configuration yet; skipped`);
          if (lastApplied[uid]) applied[uid] = lastApplied[uid];
          continue;
        }
        const decision = decideView(uid, current, outlineOf(model, findModel), lastApplied[uid]);
        applied[uid] = decision.applied;
        if (decision.kept.length > 0) {
          report.kept[uid] = decision.kept;
          strapi.log.info(
            `editor-views: ${uid} keeps ${decision.kept.length} item(s) an office set`
          );
        }
        if (!sameView(decision.configuration, current)) {
          const { settings, metadatas, layouts } = decision.configuration;
          await service.updateConfiguration(model, { settings, metadatas, layouts });
          report.updated.push(uid);
        }
      }
      await store().set({ value: applied });
      return report;
    },
  };
};

/** The model's outline, each relation with the main field Strapi gives its target by default. */
function outlineOf(
  model: ContentManagerModel,
  findModel: (uid: string) => ContentManagerModel | undefined
): ModelOutline {
  return {
    attributes: Object.fromEntries(
      Object.entries(model.attributes).map(([name, attribute]) => {
        const target = attribute.targetModel ? findModel(attribute.targetModel) : undefined;
        return [
          name,
          {
            type: attribute.type,
            relationType: attribute.relationType,
            targetMainField: target ? defaultMainField(target) : undefined,
          },
        ];
      })
    ),
  };
}

const sameView = (a: ViewConfiguration, b: ViewConfiguration): boolean =>
  JSON.stringify([a.settings, a.metadatas, a.layouts]) ===
  JSON.stringify([b.settings, b.metadatas, b.layouts]);
