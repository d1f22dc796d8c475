import { Typography } from '@strapi/design-system';
import type {
  InjectableListViewFilter,
  ListFieldLayout,
  ListLayout,
} from '@strapi/content-manager/strapi-admin';
import { InputRenderer, type Filters, type Store } from '@strapi/strapi/admin';
import type { ComponentProps } from 'react';
import { useIntl } from 'react-intl';
import { enumerationWord, wordsOfEnumeration } from './schema-words';

/**
 * Enumerations shown as words wherever the content manager shows them: the edit view's select
 * (and the history view, which renders fields the same way), the list view's cells and its filters.
 *
 * Strapi words an option by `formatMessage({ id: code })`, one translation per bare code for the
 * whole admin, which cannot tell `decision` the category (决策公开) from `decision` the genre (决定),
 * and would replace any of Strapi's own messages whose id happens to be a code. Each enumeration is
 * recognised by its list of codes instead (see schema-words.ts).
 */

type InputRendererProps = ComponentProps<typeof InputRenderer>;
type EnumerationInputProps = Extract<InputRendererProps, { type: 'enumeration' }>;

interface EnumerationAttribute {
  type: 'enumeration';
  enum: string[];
}

const isEnumerationAttribute = (attribute: unknown): attribute is EnumerationAttribute =>
  typeof attribute === 'object' &&
  attribute !== null &&
  'type' in attribute &&
  attribute.type === 'enumeration' &&
  'enum' in attribute &&
  Array.isArray(attribute.enum) &&
  attribute.enum.every((code) => typeof code === 'string');

/**
 * The edit view's enumeration input: Strapi's own, given labelled options. Registered with
 * `addFields({ type: 'enumeration' })`, through which the content manager hands every enumeration
 * field the props of its own renderer (the attribute among them), untyped.
 */
export const EnumerationField = (props: Record<string, unknown>) => {
  const { locale } = useIntl();
  const { attribute } = props;
  const codes = isEnumerationAttribute(attribute) ? attribute.enum : [];
  // An enumeration not in the table keeps Strapi's wording (no label: the option's code, translated).
  const known = wordsOfEnumeration(codes) !== undefined;
  // The props are those the content manager gives its own enumeration input; only the options change.
  const inputProps = props as unknown as EnumerationInputProps;
  return (
    <InputRenderer
      {...inputProps}
      type="enumeration"
      options={codes.map((code) =>
        known ? { value: code, label: enumerationWord(codes, code, locale) } : { value: code }
      )}
    />
  );
};

const EnumerationCell = ({ codes, value }: { codes: readonly string[]; value: unknown }) => {
  const { locale } = useIntl();
  return (
    <Typography textColor="neutral800" ellipsis>
      {typeof value === 'string' && value ? enumerationWord(codes, value, locale) : '-'}
    </Typography>
  );
};

/** Admin/CM/pages/ListView/inject-column-in-table: enumeration columns show words. */
export const formatEnumerationColumns = ({
  displayedHeaders,
  layout,
}: {
  displayedHeaders: ListFieldLayout[];
  layout: ListLayout;
}) => ({
  displayedHeaders: displayedHeaders.map((header) => {
    const { attribute } = header;
    if (
      !isEnumerationAttribute(attribute) ||
      !wordsOfEnumeration(attribute.enum) ||
      header.cellFormatter
    )
      return header;
    return {
      ...header,
      cellFormatter: (row: Record<string, unknown>) => (
        <EnumerationCell codes={attribute.enum} value={row[header.name]} />
      ),
    };
  }),
  layout,
});

/**
 * The value input of an enumeration filter: Strapi's own select, as it would render without one.
 * Given as the filter's own `input` because only then does the filter's tag above the list word
 * its value by the options' labels (without, it shows the stored code).
 */
const EnumerationFilterInput = (props: Filters.ValueInputProps) => (
  // The props are those of the filter, whose options this file labelled.
  <InputRenderer {...(props as unknown as EnumerationInputProps)} type="enumeration" />
);

/**
 * Admin/CM/pages/ListView/inject-in-filters: the options of an enumeration filter are words. The
 * hook runs inside the list view's render, outside any component of ours, so the admin's language
 * comes from the store the admin hands every hook.
 */
export const formatEnumerationFilters = (
  {
    displayedFilters,
    layout,
  }: { displayedFilters: InjectableListViewFilter[]; layout: ListLayout },
  store?: Store
) => {
  const locale = store?.getState().admin_app.language.locale;
  return {
    displayedFilters: displayedFilters.map((filter) => {
      if (filter.type !== 'enumeration' || !filter.options) return filter;
      const codes = filter.options.map((option) =>
        typeof option === 'string' ? option : option.value
      );
      // Strapi's own enumeration filters (the publication status) come labelled already.
      if (!wordsOfEnumeration(codes)) return filter;
      return {
        ...filter,
        input: EnumerationFilterInput,
        options: codes.map((code) => ({
          value: code,
          label: enumerationWord(codes, code, locale),
        })),
      };
    }),
    layout,
  };
};
