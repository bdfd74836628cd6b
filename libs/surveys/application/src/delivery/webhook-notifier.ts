import { TransientStoreError } from '@c360/kernel';
import { createHmac } from 'node:crypto';
import type { Notifier, SurveyMessageOut } from './notifier.port';

export const SIGNATURE_HEADER = 'x-c360-signature';
export const MESSAGE_ID_HEADER = 'x-c360-message-id';

/** `sha256=<hex>` of the exact body with the shared secret: what a receiver recomputes to trust a message. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface WebhookOptions {
  readonly url: string;
  readonly secret: string;
  /** Attempts after the first. */
  readonly retries: number;
  /** First wait; doubled after each failure. */
  readonly backoffMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly fetch?: typeof fetch;
}

/**
 * Posts each message as JSON to a configured URL with an HMAC signature header and the message id,
 * retrying 5xx answers, 429 and network errors with exponential backoff. A 4xx other than 429 is the
 * receiver refusing the message: retrying would not help, so it stops there. When every attempt
 * failed the error is transient: the delivery processor stops at that invitation and retries it later,
 * so no message is skipped.
 */
export class WebhookNotifier implements Notifier {
  readonly kind = 'webhook';
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly post: typeof fetch;

  constructor(private readonly options: WebhookOptions) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.post = options.fetch ?? fetch;
  }

  async deliver(message: SurveyMessageOut): Promise<void> {
    const body = JSON.stringify(message);
    const headers = {
      'content-type': 'application/json',
      [SIGNATURE_HEADER]: signBody(body, this.options.secret),
      [MESSAGE_ID_HEADER]: message.messageId,
    };
    let wait = this.options.backoffMs;
    let last = '';
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) {
        await this.sleep(wait);
        wait *= 2;
      }
      try {
        const response = await this.post(this.options.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
        if (response.ok) return;
        last = `HTTP ${response.status}`;
        if (response.status < 500 && response.status !== 429) throw new Error(`The webhook refused message ${message.messageId}: ${last}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('The webhook refused')) throw error;
        last = error instanceof Error ? error.message : String(error);
      }
    }
    throw new TransientStoreError(`Webhook delivery of ${message.messageId} failed after ${this.options.retries + 1} attempts: ${last}`);
  }
}
