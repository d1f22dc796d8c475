import { randomUUID } from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import { signedHeaders } from '../../src/plugins/disclosure/server/src/syndication/rules/webhook-signature';
import type { TestApp } from './strapi';

/** What the receiving portal says it did with a message: the receipt's status, and where, if public. */
export interface ReceiptOutcome {
  status: 'published' | 'held' | 'withdrawn' | 'ignored';
  url?: string | null;
}

export interface ReceivingPortal {
  /** Its inbox, for a subscriber's endpointUrl */
  inbox: string;
  close(): Promise<void>;
}

/**
 * Another instance's inbox (转载), over real HTTP: answers every message pushed to it with the receipt
 * a receiving instance gives, its status chosen by `outcome` (published at once by default).
 */
export async function startReceivingPortal(
  outcome: (message: {
    documentId: string;
    version: number;
    versions: Array<{ title?: string }>;
  }) => ReceiptOutcome = () => ({ status: 'published' })
): Promise<ReceivingPortal> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const message = JSON.parse(body);
      const { status, url } = outcome(message);
      const receipt = {
        documentId: `copy-${message.documentId}`,
        url:
          url !== undefined
            ? url
            : status === 'published'
              ? `https://county.example.gov.cn/${message.documentId}`
              : null,
        status,
        version: message.version,
      };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: receipt, meta: { duplicate: false } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    inbox: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/disclosure/inbox`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A message signed as another instance signs it (Standard Webhooks), posted to this app's inbox or
 * receipts route; `at` is the signature's time, in seconds (the app's pinned clock).
 */
export const signedPost = (
  app: TestApp,
  route: '/api/disclosure/inbox' | '/api/disclosure/receipts',
  body: string,
  secrets: string[],
  at: number,
  id = `msg_${randomUUID()}`
) =>
  app
    .http()
    .post(route)
    .set({ ...signedHeaders(secrets, id, body, at) })
    .set('Content-Type', 'application/json')
    .send(body);
