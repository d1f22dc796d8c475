import type { Clock } from '../rules/beijing-time';

/** The one source of "now" for the plugin, so tests and replays can pin time. */
export default () => {
  const clock: { now: Clock } = { now: () => new Date() };
  return clock;
};
