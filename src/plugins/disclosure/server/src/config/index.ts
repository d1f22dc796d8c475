import { httpOrigin } from '../syndication/rules/attachment-fetch';
import { isIsoDate } from '../calendar/rules/beijing-time';
import {
  TRADITIONAL_STANDARDS,
  type TraditionalStandard,
} from '../conversion/rules/chinese-conversion';
import { validateDeadlineRules, type DeadlineRule } from '../deadlines/rules/deadlines';
import type { GateConfig } from '../publication/services/publication-gate';
import type { ResponseCacheConfig } from '../public-reads/services/response-cache';
import { DEFAULT_RESULT_WINDOW, RESULT_WINDOW_LIMITS } from '../search/rules/window';

export interface DisclosureConfig {
  publicationGate: GateConfig;
  /** Replaces the built-in rules (deadlines/rules/deadlines DEFAULT_DEADLINE_RULES) when given */
  deadlineRules?: DeadlineRule[];
  /** Publish items that passed the gate when their deadline arrives: every office, or these codes */
  autoPublishAtDeadline: boolean | string[];
  /**
   * Items whose clock started before this Beijing date (YYYY-MM-DD) are archive: catalogued, but not
   * tracked, so migrating past years does not fill the report with "late" items. null tracks all.
   */
  deadlineTrackingStartsOn: string | null;
  /** zh-Hant target: Taiwan characters without vocabulary rewriting (tw), OpenCC standard (t), Hong Kong (hk) */
  conversion: { standard: TraditionalStandard };
  /** Uploaded images: larger ones are refused from their header, before decoding */
  images: { maxPixels: number };
  /** Public GETs of the content API answered from rendered responses (see services/response-cache) */
  responseCache: ResponseCacheConfig;
  search: {
    /**
     * Matches a search ranks, counts and pages at most (the newest; every exact 文号 besides): what
     * one search costs is bounded by it, whatever the catalogue's size
     */
    resultWindow: number;
  };
  syndication: {
    /** 转载: a reprint is on time when published within this many working days of the source's publication */
    reprintWithinWorkingDays: number;
    /**
     * Origins (https://files.example.gov.cn) besides a source's own base URL that its attachments
     * may be fetched from, e.g. its file server or CDN
     */
    attachmentOrigins: string[];
    /** How often the outbox is delivered, in seconds (1–60) */
    deliveryIntervalSeconds: number;
    /** How long a receiver has to answer, in seconds (1–120); a delivery's lease is derived from it */
    requestTimeoutSeconds: number;
  };
}

const defaults: DisclosureConfig = {
  publicationGate: {
    // 同步发布: a normative document is published with its interpretation (Heilongjiang 2017 §2(三)).
    requireInterpretationForNormative: true,
    interpretationExemptOrganizations: [],
  },
  autoPublishAtDeadline: false,
  deadlineTrackingStartsOn: null,
  conversion: { standard: 'tw' },
  images: { maxPixels: 40_000_000 },
  responseCache: { enabled: true, maxEntries: 5000, maxMegabytes: 64, maxAgeSeconds: 0 },
  search: { resultWindow: DEFAULT_RESULT_WINDOW },
  syndication: {
    reprintWithinWorkingDays: 1,
    attachmentOrigins: [],
    deliveryIntervalSeconds: 10,
    requestTimeoutSeconds: 10,
  },
};

export default {
  default: defaults,
  /** A bad setting stops the boot with a message naming it. */
  validator(config: DisclosureConfig) {
    const problems: string[] = [];
    const gate = config.publicationGate;
    if (typeof gate?.requireInterpretationForNormative !== 'boolean') {
      problems.push('publicationGate.requireInterpretationForNormative must be true or false');
    }
    if (
      !Array.isArray(gate?.interpretationExemptOrganizations) ||
      gate.interpretationExemptOrganizations.some((code) => typeof code !== 'string')
    ) {
      problems.push(
        'publicationGate.interpretationExemptOrganizations must be a list of organization codes'
      );
    }
    if (config.deadlineRules !== undefined)
      problems.push(...validateDeadlineRules(config.deadlineRules));
    const auto = config.autoPublishAtDeadline;
    if (
      typeof auto !== 'boolean' &&
      !(Array.isArray(auto) && auto.every((code) => typeof code === 'string'))
    ) {
      problems.push('autoPublishAtDeadline must be true, false or a list of organization codes');
    }
    const since = config.deadlineTrackingStartsOn;
    if (since !== null && since !== undefined && !isIsoDate(since)) {
      problems.push('deadlineTrackingStartsOn must be a date YYYY-MM-DD or null');
    }
    if (!TRADITIONAL_STANDARDS.includes(config.conversion?.standard)) {
      problems.push(
        `conversion.standard must be one of ${TRADITIONAL_STANDARDS.join(', ')} (not twp: it rewrites 信息 as 資訊)`
      );
    }
    const wholeNumber = (name: string, value: unknown, unit: string, min: number, max: number) => {
      if (Number.isInteger(value) && (value as number) >= min && (value as number) <= max) return;
      const [from, to] = [min, max].map((bound) => bound.toLocaleString('en-US'));
      problems.push(
        `${name} must be a whole number${unit ? ` of ${unit}` : ''} from ${from} to ${to}`
      );
    };
    const { syndication, images } = config;
    wholeNumber(
      'syndication.reprintWithinWorkingDays',
      syndication?.reprintWithinWorkingDays,
      'working days',
      0,
      30
    );
    wholeNumber('images.maxPixels', images?.maxPixels, 'pixels', 1_000_000, 1_000_000_000);
    wholeNumber(
      'syndication.deliveryIntervalSeconds',
      syndication?.deliveryIntervalSeconds,
      'seconds',
      1,
      60
    );
    wholeNumber(
      'syndication.requestTimeoutSeconds',
      syndication?.requestTimeoutSeconds,
      'seconds',
      1,
      120
    );
    const origins = config.syndication?.attachmentOrigins;
    if (
      !Array.isArray(origins) ||
      origins.some(
        (origin) => typeof origin !== 'string' || httpOrigin(origin) !== origin.replace(/\/$/, '')
      )
    ) {
      problems.push(
        'syndication.attachmentOrigins must be a list of origins such as https://files.example.gov.cn (scheme, host and port only)'
      );
    }
    const cache = config.responseCache;
    if (typeof cache?.enabled !== 'boolean')
      problems.push('responseCache.enabled must be true or false');
    wholeNumber('responseCache.maxEntries', cache?.maxEntries, '', 1, 1_000_000);
    wholeNumber('responseCache.maxMegabytes', cache?.maxMegabytes, 'megabytes', 1, 4096);
    wholeNumber('responseCache.maxAgeSeconds', cache?.maxAgeSeconds, 'seconds', 0, 86_400);
    wholeNumber(
      'search.resultWindow',
      config.search?.resultWindow,
      'results',
      RESULT_WINDOW_LIMITS.min,
      RESULT_WINDOW_LIMITS.max
    );
    if (problems.length)
      throw new Error(`disclosure plugin configuration:\n  ${problems.join('\n  ')}`);
  },
};
