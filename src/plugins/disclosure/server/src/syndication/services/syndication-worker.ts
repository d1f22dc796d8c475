import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { hostname } from 'os';
import { randomUUID } from 'crypto';
import { DELIVERY_UID, SUBSCRIBER_UID } from '../../../../shared/constants';
import { classifyResponse, nextAttemptAt } from '../rules/delivery-schedule';
import { signedHeaders } from '../rules/webhook-signature';
import { receiptFromAnswer } from '../validation/syndication-message';
import { getService } from '../../utils/get-service';
import { getConfig } from '../../utils/get-config';
import type { DeliveryRow, EventRow } from '../rows';

/** A claimed delivery, with its event, subscriber (content) or source (a receipt) populated. */
type ClaimedDelivery = DeliveryRow & { event: EventRow };

/** Receivers contacted at once by one worker. */
export const CONCURRENT_TARGETS = 8;

/**
 * How long a claimed delivery is this worker's before another may take it over (a crashed worker):
 * long enough for the request and the writes around it, short enough that a crash delays little.
 */
export const leaseSecondsFor = (requestTimeoutSeconds: number) => 2 * requestTimeoutSeconds + 10;

/**
 * Delivers the syndication outbox: claims due deliveries with a lease (PostgreSQL: FOR UPDATE SKIP
 * LOCKED, so several instances never take the same row; SQLite: one atomic UPDATE), keeps order per
 * document and subscriber, signs each message (Standard Webhooks), and records the outcome: delivered
 * with the receiver's receipt, retried on the schedule, parked as dead, or the subscriber switched
 * off on 410 Gone. At-least-once: a delivery whose worker died is taken over when its lease ends.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = () => getService(strapi, 'clock').now() as Date;
  const deliveries = () => strapi.db.query(DELIVERY_UID);
  let random: () => number = Math.random;
  const requestTimeoutSeconds = () => getConfig(strapi).syndication.requestTimeoutSeconds;

  /** Leases up to `limit` due deliveries to this worker; returns their ids, oldest first. */
  const claim = async (limit: number, at: Date): Promise<number[]> => {
    const { tableName } = strapi.db.metadata.get(DELIVERY_UID);
    const knex = strapi.db.connection;
    const leaseUntil = new Date(at.getTime() + leaseSecondsFor(requestTimeoutSeconds()) * 1000);
    const due = (query: Knex.QueryBuilder) =>
      query
        .from(tableName)
        .where('status', 'pending')
        .andWhere('next_attempt_at', '<=', at)
        .andWhere((free) => free.whereNull('lease_until').orWhere('lease_until', '<', at))
        .orderBy('id')
        .limit(limit);
    if (strapi.db.dialect.client === 'postgres') {
      return knex.transaction(async (trx) => {
        const rows = await due(trx.select('id')).forUpdate().skipLocked();
        const ids = rows.map((row: { id: number }) => row.id);
        if (ids.length)
          await trx(tableName)
            .whereIn('id', ids)
            .update({ lease_until: leaseUntil, leased_by: workerId });
        return ids;
      });
    }
    const token = `${workerId}:${randomUUID().slice(0, 8)}`;
    await knex(tableName)
      .whereIn('id', due(knex.select('id')))
      .update({ lease_until: leaseUntil, leased_by: token });
    const rows = await knex(tableName).select('id').where('leased_by', token).orderBy('id');
    return rows.map((row: { id: number }) => row.id);
  };

  /**
   * Where a delivery goes: a subscriber's endpoint (content), or a source's receipts endpoint (a
   * reprint receipt going back up). Signed with the subscriber's secrets, or the source's current one.
   */
  const targetOf = (delivery: DeliveryRow) =>
    delivery.subscriber
      ? {
          key: { subscriber: delivery.subscriber.id },
          active: delivery.subscriber.active,
          url: delivery.subscriber.endpointUrl,
          secrets: [delivery.subscriber.secret, delivery.subscriber.previousSecret].filter(
            (secret): secret is string => Boolean(secret)
          ),
        }
      : {
          key: { source: delivery.source?.id },
          active: !!delivery.source?.active,
          url: `${String(delivery.source?.baseUrl ?? '').replace(/\/$/, '')}/api/disclosure/receipts`,
          // The source's secrets as stored (newest first): it checks the current one.
          secrets: Array.isArray(delivery.source?.secrets)
            ? (delivery.source.secrets as string[]).slice(0, 1)
            : [],
        };

  /** An earlier version of the same document still waits for this target: this one waits too. */
  const blockedByEarlier = async (delivery: ClaimedDelivery) =>
    !!(await deliveries().findOne({
      where: {
        itemDocumentId: delivery.itemDocumentId,
        ...targetOf(delivery).key,
        status: 'pending',
        id: { $ne: delivery.id },
        event: { version: { $lt: delivery.event.version } },
      },
      select: ['id'],
    }));

  const attempt = async (delivery: ClaimedDelivery, at: Date) => {
    const { event, subscriber } = delivery;
    const target = targetOf(delivery);
    const body = JSON.stringify(event.payload);
    const secrets = target.secrets;
    let status = 0;
    let retryAfter: string | null = null;
    let receipt: unknown = null;
    let error: string | null = null;
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        // A re-send is a new message (its own id), so the receiver does not take it for a retry.
        headers: {
          'content-type': 'application/json',
          ...signedHeaders(
            secrets,
            delivery.messageId ?? event.messageId,
            body,
            Math.floor(at.getTime() / 1000)
          ),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(requestTimeoutSeconds() * 1000),
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      const text = await response.text();
      try {
        // The inbox answers { data: receipt, meta }.
        const answer = text ? JSON.parse(text) : null;
        receipt = receiptFromAnswer(answer?.data);
      } catch {
        receipt = null;
      }
      if (status < 200 || status >= 300) error = `HTTP ${status}: ${text.slice(0, 500)}`;
    } catch (caught) {
      const failure = caught as
        { name?: unknown; message?: unknown; cause?: { code?: unknown } } | null | undefined;
      error =
        failure?.name === 'TimeoutError'
          ? `no answer within ${requestTimeoutSeconds()} s`
          : String(failure?.cause?.code ?? failure?.message ?? failure);
    }

    const outcome = classifyResponse(status, retryAfter, at);
    const firstAttemptAt = delivery.firstAttemptAt ? new Date(delivery.firstAttemptAt) : at;
    const attempts = (delivery.attempts ?? 0) + 1;
    const common = {
      attempts,
      firstAttemptAt,
      lastStatus: status || null,
      lastError: error,
      leaseUntil: null,
      leasedBy: null,
    };
    if (outcome.kind === 'delivered') {
      await deliveries().update({
        where: { id: delivery.id },
        data: { ...common, status: 'delivered', deliveredAt: at, receipt },
      });
      return 'delivered';
    }
    if (outcome.kind === 'gone' && !subscriber) {
      await deliveries().update({
        where: { id: delivery.id },
        data: { ...common, status: 'cancelled' },
      });
      return 'gone';
    }
    if (outcome.kind === 'gone') {
      // The receiver asked for nothing more: switch the subscriber off and stop what waits for it.
      // A delivery to a subscriber (one to a source was cancelled above).
      await strapi.db.query(SUBSCRIBER_UID).update({
        where: { id: subscriber!.id },
        data: {
          active: false,
          disabledAt: at,
          disabledReason: '接收方答复 410 Gone，已停用 (the receiver answered 410 Gone)',
        },
      });
      await deliveries().update({
        where: { id: delivery.id },
        data: { ...common, status: 'cancelled' },
      });
      const waiting: Array<{ id: number }> = await deliveries().findMany({
        where: { subscriber: subscriber!.id, status: 'pending' },
        select: ['id'],
      });
      if (waiting.length) {
        await deliveries().updateMany({
          where: { id: { $in: waiting.map((row) => row.id) } },
          data: { status: 'cancelled', leaseUntil: null, leasedBy: null },
        });
      }
      return 'gone';
    }
    const next = nextAttemptAt(attempts, firstAttemptAt, at, outcome.retryAfterSeconds, random);
    await deliveries().update({
      where: { id: delivery.id },
      data: next ? { ...common, nextAttemptAt: next } : { ...common, status: 'dead' },
    });
    return next ? 'retry' : 'dead';
  };

  return {
    /** For tests: the jitter's random source. */
    useRandom(source: () => number) {
      random = source;
    },

    /** One pass: claims what is due and tries each; returns what happened. */
    async runOnce(limit = 50) {
      const at = now();
      const ids = await claim(limit, at);
      const tally = { claimed: ids.length, delivered: 0, retry: 0, dead: 0, gone: 0, waiting: 0 };
      const claimed: ClaimedDelivery[] = ids.length
        ? await deliveries().findMany({
            where: { id: { $in: ids } },
            orderBy: { id: 'asc' },
            populate: { event: true, subscriber: true, source: true },
          })
        : [];
      // Subscribers a 410 switched off during this pass: their other claimed deliveries were cancelled.
      const switchedOff = new Set<number>();
      const deliver = async (delivery: ClaimedDelivery) => {
        const { id } = delivery;
        const subscriberId = delivery.subscriber?.id;
        if (subscriberId !== undefined && switchedOff.has(subscriberId)) return;
        if (delivery.status !== 'pending' || !targetOf(delivery).active) {
          await deliveries().update({ where: { id }, data: { leaseUntil: null, leasedBy: null } });
          return;
        }
        if (await blockedByEarlier(delivery)) {
          await deliveries().update({ where: { id }, data: { leaseUntil: null, leasedBy: null } });
          tally.waiting += 1;
          return;
        }
        const outcome = await attempt(delivery, at);
        if (outcome === 'gone' && delivery.subscriber) switchedOff.add(delivery.subscriber.id);
        tally[outcome] += 1;
      };
      // One target's deliveries in order, one after another; several targets at once, so that a slow
      // receiver does not hold up the others.
      const byTarget = new Map<string, ClaimedDelivery[]>();
      for (const delivery of claimed) {
        const key = JSON.stringify(targetOf(delivery).key);
        byTarget.set(key, [...(byTarget.get(key) ?? []), delivery]);
      }
      const queues = [...byTarget.values()];
      const lane = async () => {
        for (let queue = queues.shift(); queue; queue = queues.shift()) {
          for (const delivery of queue) await deliver(delivery);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENT_TARGETS, queues.length) }, lane));
      return tally;
    },

    /** A dead delivery, tried again now by an administrator's request. */
    async retry(id: number) {
      const delivery: DeliveryRow | null = await deliveries().findOne({ where: { id } });
      if (!delivery || delivery.status !== 'dead') return null;
      return deliveries().update({
        where: { id },
        data: {
          status: 'pending',
          nextAttemptAt: now(),
          firstAttemptAt: null,
          attempts: 0,
          leaseUntil: null,
          leasedBy: null,
        },
      });
    },
  };
};
