/**
 * The publication gate: what must be true before an item reaches the public site.
 *
 * - 保密审查: whoever publishes reviews, whoever reviews is accountable; an approved review with its
 *   reviewer and time comes first (Shandong 2014 §8; city office 2024 §2(一)).
 * - 公开属性: only proactive items are published (Heilongjiang 2017 §2(一)).
 * - 同步发布: a normative document goes out with its interpretation, drafted, signed and published
 *   together; an interpretation never precedes its document (Heilongjiang 2017 §2(三)).
 * - 无障碍: images in interpretations and press releases carry alternative text, for screen readers
 *   (GB/T 37668-2019, the accessibility standard government websites are held to).
 * - 个人信息: a published answer (公众问答) carries the confirmation of who removed the writer's
 *   personal data from its text, and when.
 */
import type { GateCheck, GateRule } from '../../../../shared/contracts/item-status';

export type { GateCheck, GateRule };
import {
  checkDisclosureDecision,
  isPubliclyDisclosable,
  type DisclosureDecision,
} from '../../catalogue/rules/disclosure-attribute';

export interface GateRefusal {
  rule: GateRule;
  field: string;
  message: string;
}

export interface ConfidentialityReview {
  reviewer?: string | null;
  reviewedAt?: string | Date | null;
  conclusion?: string | null;
}

export interface GateItem extends DisclosureDecision {
  confidentialityReview?: ConfidentialityReview | null;
  isNormative?: boolean | null;
}

export function reviewRefusal(
  review: ConfidentialityReview | null | undefined
): GateRefusal | null {
  const missing: string[] = [];
  if (!review?.reviewer?.trim()) missing.push('审查人 reviewer');
  if (!review?.reviewedAt) missing.push('审查时间 reviewedAt');
  if (review?.conclusion !== 'approved') missing.push('审查结论为同意 conclusion approved');
  if (!missing.length) return null;
  return {
    rule: 'confidentiality-review',
    field: 'confidentialityReview',
    message: `发布前须完成保密审查，缺少：${missing.join('、')} (an approved confidentiality review is required before publishing)`,
  };
}

/** Refusals for publishing a catalogue item that is not an interpretation. */
export function checkItemPublication(item: GateItem): GateRefusal[] {
  if (!isPubliclyDisclosable(item.disclosureAttribute)) {
    const reasons = checkDisclosureDecision(item).map((violation) => ({
      rule: 'disclosure-attribute' as const,
      ...violation,
    }));
    return [
      {
        rule: 'disclosure-attribute',
        field: 'disclosureAttribute',
        message:
          '依申请公开、不予公开的信息不得在网站发布 (only proactively disclosed items can be published)',
      },
      ...reasons,
    ];
  }
  const review = reviewRefusal(item.confidentialityReview);
  return review ? [review] : [];
}

export interface NormativeContext {
  /** Interpretations already published, or drafts that pass their own gate and go out with it */
  readyInterpretations: number;
  requireInterpretation: boolean;
}

export function checkDocumentPublication(
  item: GateItem,
  normative: NormativeContext
): GateRefusal[] {
  const refusals = checkItemPublication(item);
  if (item.isNormative && normative.requireInterpretation && normative.readyInterpretations < 1) {
    refusals.push({
      rule: 'interpretation-required',
      field: 'interpretations',
      message:
        '行政规范性文件须与政策解读同步发布：请先关联一篇已通过保密审查的解读 (a normative document is published together with at least one interpretation that passed its review)',
    });
  }
  return refusals;
}

export function checkInterpretationPublication(
  item: GateItem,
  source: { exists: boolean; published: boolean }
): GateRefusal[] {
  const refusals = checkItemPublication(item);
  if (!source.published) {
    refusals.push({
      rule: 'interpretation-after-document',
      field: 'sourceDocument',
      message: source.exists
        ? '政策解读不得先于所解读的文件发布，请随文件一并发布 (an interpretation cannot be published before its document)'
        : '政策解读须关联所解读的文件 (an interpretation must be tied to the document it explains)',
    });
  }
  return refusals;
}

/** Who confirmed a published answer's text holds no personal data, and when. */
export interface PersonalDataConfirmation {
  personalDataRemovedBy?: string | null;
  personalDataRemovedAt?: string | Date | null;
}

export function personalDataRefusal(item: PersonalDataConfirmation): GateRefusal | null {
  if (item.personalDataRemovedBy?.trim() && item.personalDataRemovedAt) return null;
  return {
    rule: 'personal-data-removed',
    field: 'personalDataRemovedBy',
    message:
      '公众问答须先确认已删除来信人的个人信息（在来信页面“发布为公众问答”中确认）(a public answer needs the confirmation that personal data was removed, given on the message page)',
  };
}

export interface MediaFile {
  name?: string | null;
  mime?: string | null;
  alternativeText?: string | null;
}

/** Images without alternative text, named, or null when every image has it. */
export function altTextRefusal(files: MediaFile[], field = 'media'): GateRefusal | null {
  const missing = files.filter(
    (file) => file?.mime?.startsWith('image/') && !file.alternativeText?.trim()
  );
  if (!missing.length) return null;
  const names = missing.map((file) => file.name ?? '未命名').join('、');
  return {
    rule: 'image-alt-text',
    field,
    message: `图片须填写替代文字（alt）后才能发布，缺少：${names} (images need alternative text before publishing)`,
  };
}

/**
 * The checklist for the rules that apply to an item: each passes unless publishing now would be
 * refused for it. Computed from the same refusals the gate raises, so the two cannot disagree.
 */
export function gateChecklist(rules: readonly GateRule[], refusals: GateRefusal[]): GateCheck[] {
  return rules.map((rule) => {
    const messages = refusals
      .filter((refusal) => refusal.rule === rule)
      .map((refusal) => refusal.message);
    return { rule, passed: messages.length === 0, messages };
  });
}
