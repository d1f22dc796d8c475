/**
 * Which subscribers receive an item: everything marked for mandatory reprint (必须转载) goes to every
 * active subscriber; a subscriber scoped by categories or topics also receives what matches them.
 */
export interface SubscriberScope {
  active: boolean;
  scope: 'must-syndicate' | 'categories';
  categories?: unknown;
  topics?: unknown;
}

export interface SyndicableItem {
  mustSyndicate?: boolean | null;
  category?: string | null;
  topic?: string | null;
}

const listOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

export function subscriberWants(subscriber: SubscriberScope, item: SyndicableItem): boolean {
  if (!subscriber.active) return false;
  if (item.mustSyndicate) return true;
  if (subscriber.scope !== 'categories') return false;
  return (
    (!!item.category && listOf(subscriber.categories).includes(item.category)) ||
    (!!item.topic && listOf(subscriber.topics).includes(item.topic))
  );
}
