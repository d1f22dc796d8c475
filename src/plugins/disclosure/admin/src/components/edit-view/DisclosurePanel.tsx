import * as React from 'react';
import {
  Badge,
  Box,
  Button,
  Divider,
  Field,
  Flex,
  TextInput,
  Typography,
} from '@strapi/design-system';
import type { PanelComponentProps } from '@strapi/content-manager/strapi-admin';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import type { GateRule, GetItemStatus } from '../../../../shared/contracts/item-status';
import type { RecordReview } from '../../../../shared/contracts/reviews';
import { isWebAddress } from '../../../../shared/web-address';
import { SCOPED_TYPES } from '../../../../shared/constants';
import { useDisclosureData } from '../../hooks/useDisclosureData';
import { beijing, STATUS_VARIANT, statusLabel } from '../../utils/format';
import { useFailureText, useT, type Translate } from '../common';

const gateRuleLabel = (t: Translate, rule: GateRule) =>
  ({
    'disclosure-attribute': t('gate.rule.disclosure-attribute', '公开属性：主动公开'),
    'confidentiality-review': t('gate.rule.confidentiality-review', '保密审查已通过'),
    'interpretation-required': t('gate.rule.interpretation-required', '政策解读同步发布'),
    'interpretation-after-document': t(
      'gate.rule.interpretation-after-document',
      '所解读文件已发布'
    ),
    'image-alt-text': t('gate.rule.image-alt-text', '图片已填写替代文字'),
    'personal-data-removed': t('gate.rule.personal-data-removed', '已确认删除个人信息'),
  })[rule];

const conclusionLabel = (t: Translate, conclusion: string | null) =>
  conclusion === 'approved'
    ? t('review.conclusion.approved', '同意公开')
    : conclusion === 'rejected'
      ? t('review.conclusion.rejected', '不同意公开')
      : conclusion === 'needs-changes'
        ? t('review.conclusion.needs-changes', '退回修改')
        : '—';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="stretch" gap={2}>
    <Typography variant="sigma" textColor="neutral600">
      {title}
    </Typography>
    {children}
  </Flex>
);

/**
 * Edit-view side panel of catalogue items: the deadline and its status, the publication gate's
 * checklist (what is still missing), the confidentiality review (recorded here by a reviewer), syndication
 * receipts and a Traditional preview. Reloaded whenever the document is saved or published.
 */
export const DisclosurePanel = ({ model, documentId, document }: PanelComponentProps) => {
  const t = useT();
  const failureText = useFailureText();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  // Read from the input when the button is pressed: the content manager shows a panel's content after
  // a throttled update (DescriptionComponentRenderer), so a closure over typed state can lag behind.
  const noteInput = React.useRef<HTMLInputElement>(null);
  const [saving, setSaving] = React.useState(false);
  // The organization-scoped catalogue types: those GET /disclosure/item-status answers for.
  const applies = Boolean(documentId) && SCOPED_TYPES.includes(model);
  const params: GetItemStatus.Request['query'] | undefined = applies
    ? { contentType: model, documentId: documentId! }
    : undefined;
  // Asked again whenever the document is saved, published or unpublished.
  const version = `${document?.updatedAt ?? ''}|${document?.publishedAt ?? ''}|${document?.status ?? ''}`;
  const {
    data: status,
    error,
    reload,
  } = useDisclosureData<GetItemStatus.Response>(applies ? '/disclosure/item-status' : null, {
    params,
    refreshKey: version,
  });

  if (!applies) return null;

  const recordReview = async (conclusion: 'approved' | 'needs-changes') => {
    setSaving(true);
    try {
      const data: RecordReview.Request['body']['data'] = {
        contentType: model,
        documentId: documentId!,
        conclusion,
        note: noteInput.current?.value.trim() || null,
      };
      await post<RecordReview.Response>('/disclosure/reviews', { data });
      if (noteInput.current) noteInput.current.value = '';
      toggleNotification({ type: 'success', message: t('review.recorded', '保密审查已记录') });
      reload();
    } catch (failure) {
      toggleNotification({ type: 'danger', message: failureText(failure) });
    } finally {
      setSaving(false);
    }
  };

  return {
    title: t('panel.title', '政务公开'),
    content: (
      <Flex
        direction="column"
        alignItems="stretch"
        gap={4}
        width="100%"
        data-testid="disclosure-panel"
      >
        {error && <Typography textColor="danger600">{error}</Typography>}
        {!status && !error && <Typography variant="pi">{t('panel.loading', '加载中…')}</Typography>}
        {status && (
          <>
            <Section title={t('panel.deadline', '公开时限')}>
              {status.deadlines.length === 0 && (
                <Typography variant="pi">{t('panel.noDeadline', '不适用公开时限')}</Typography>
              )}
              {status.deadlines.map((deadline) => (
                <Flex
                  key={deadline.rule}
                  direction="column"
                  alignItems="flex-start"
                  gap={1}
                  data-testid="panel-deadline"
                  data-status={deadline.status}
                >
                  <Flex gap={2} wrap="wrap">
                    <Badge variant={STATUS_VARIANT[deadline.status]}>
                      {statusLabel(t, deadline.status)}
                    </Badge>
                    {deadline.atRisk && (
                      <Badge variant="warning">{t('status.atRisk', '即将到期')}</Badge>
                    )}
                  </Flex>
                  <Typography variant="pi">
                    {t('panel.dueOn', '到期：{due}', {
                      due: deadline.dueDate ?? beijing(deadline.dueAt),
                    })}
                    {deadline.metAt
                      ? ` · ${t('panel.metAt', '发布：{at}', { at: beijing(deadline.metAt) })}`
                      : ''}
                  </Typography>
                  {deadline.label && (
                    <Typography variant="pi" textColor="neutral600">
                      {deadline.label}
                      {deadline.source ? `（${deadline.source}）` : ''}
                    </Typography>
                  )}
                </Flex>
              ))}
            </Section>

            {status.gate && (
              <Section title={t('panel.gate', '发布前检查')}>
                {status.gate.checks.map((check) => (
                  <Flex
                    key={check.rule}
                    direction="column"
                    alignItems="flex-start"
                    gap={1}
                    data-testid={`gate-check-${check.rule}`}
                    data-passed={String(check.passed)}
                  >
                    <Typography
                      textColor={check.passed ? 'success600' : 'danger600'}
                      fontWeight="bold"
                    >
                      {check.passed ? '✓' : '✗'} {gateRuleLabel(t, check.rule)}
                    </Typography>
                    {check.messages.map((message) => (
                      <Typography key={message} variant="pi" textColor="neutral600">
                        {message}
                      </Typography>
                    ))}
                  </Flex>
                ))}
                {status.gate.ready && !status.published && (
                  <Typography variant="pi" textColor="success600">
                    {t('panel.ready', '可以发布')}
                  </Typography>
                )}
              </Section>
            )}

            {(status.review || status.canReview) && (
              <Section title={t('panel.review', '保密审查')}>
                {status.review?.reviewer && (
                  <Typography variant="pi" data-testid="panel-review">
                    {status.review.reviewer} · {beijing(status.review.reviewedAt)} ·{' '}
                    {conclusionLabel(t, status.review.conclusion)}
                    {status.review.note ? ` · ${status.review.note}` : ''}
                  </Typography>
                )}
                {status.canReview && (
                  <Flex direction="column" alignItems="stretch" gap={2}>
                    <Field.Root name="review-note">
                      <Field.Label>{t('review.note', '审查意见')}</Field.Label>
                      <TextInput data-testid="review-note" ref={noteInput} maxLength={2000} />
                    </Field.Root>
                    <Flex gap={2}>
                      <Button
                        data-testid="review-approve"
                        loading={saving}
                        onClick={() => recordReview('approved')}
                      >
                        {t('review.approve', '审查通过')}
                      </Button>
                      <Button
                        variant="secondary"
                        data-testid="review-needs-changes"
                        disabled={saving}
                        onClick={() => recordReview('needs-changes')}
                      >
                        {t('review.needsChanges', '退回修改')}
                      </Button>
                    </Flex>
                  </Flex>
                )}
              </Section>
            )}

            {status.syndication.length > 0 && (
              <Section title={t('panel.syndication', '转载回执')}>
                {status.syndication.map((line) => (
                  <Flex
                    key={line.subscriber.id}
                    direction="column"
                    alignItems="flex-start"
                    gap={1}
                    data-testid="panel-receipt"
                  >
                    <Typography fontWeight="bold">{line.subscriber.name}</Typography>
                    <Typography variant="pi">
                      {line.reprint
                        ? t('panel.reprinted', '已转载 {at}', {
                            at: beijing(line.reprint.publishedAt),
                          })
                        : line.held
                          ? t('panel.held', '已接收，待对方发布')
                          : line.status === 'delivered'
                            ? t('panel.delivered', '已送达')
                            : t('panel.notDelivered', '未送达（已尝试 {attempts} 次）', {
                                attempts: line.attempts,
                              })}
                    </Typography>
                    {/* Only an http(s) address becomes a link: the receiver wrote it, not us. */}
                    {line.reprint && isWebAddress(line.reprint.url) && (
                      <Typography variant="pi" textColor="primary600">
                        <a href={line.reprint.url} target="_blank" rel="noreferrer">
                          {line.reprint.url}
                        </a>
                      </Typography>
                    )}
                  </Flex>
                ))}
              </Section>
            )}

            <Divider />
            <Section title={t('panel.preview', '繁体预览')}>
              <Box>
                <Typography fontWeight="bold" data-testid="preview-title-hant">
                  {status.preview.title.hant ?? '—'}
                </Typography>
              </Box>
              {status.preview.summary.hant && (
                <Typography variant="pi" data-testid="preview-summary-hant">
                  {status.preview.summary.hant}
                </Typography>
              )}
            </Section>
          </>
        )}
      </Flex>
    ),
  };
};
