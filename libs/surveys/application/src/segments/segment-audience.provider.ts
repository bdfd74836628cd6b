import {
  HttpServiceCaller,
  InProcessServiceCaller,
  PLATFORM_CONFIG,
  loadServiceTimeoutMs,
  loadSigningSecret,
  mintToken,
  type PlatformConfig,
} from '@c360/runtime';
import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { SURVEYS_CONFIG, type SurveysConfig } from '../config/surveys-config';
import { Customer360SegmentAudience } from './customer360-segment-audience';
import { SEGMENT_AUDIENCE, type SegmentAudience } from './segment-audience.port';

/** The customer 360 route surveys reads members from; present in this process when the customer 360 runs here. */
const MEMBERS_ROUTE = { method: 'GET', url: '/segments/:segmentId/members' } as const;
/** Tokens live five minutes and are renewed a minute before they expire. */
const TOKEN_TTL_MS = 5 * 60_000;
const TOKEN_RENEW_MS = 4 * 60_000;

/**
 * Surveys acts as the `system` role towards the customer 360 (a launch is a supervisor's, but the
 * reading of a segment's members is the service's own job): a short-lived token signed with the
 * platform's secret, minted when needed.
 */
function systemTokens(platform: PlatformConfig): () => Promise<string> {
  const { key } = loadSigningSecret(platform.auth);
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (current === undefined || Date.now() >= current.renewAt) {
      const token = await mintToken(key, { role: 'system', user: 'surveys', ttl: `${TOKEN_TTL_MS / 1000}s` });
      current = { token, renewAt: Date.now() + TOKEN_RENEW_MS };
    }
    return current.token;
  };
}

export function segmentAudienceFor(config: SurveysConfig, platform: PlatformConfig, host: HttpAdapterHost): SegmentAudience {
  const tokens = systemTokens(platform);
  if (config.customer360Url !== undefined) {
    return new Customer360SegmentAudience(new HttpServiceCaller({ customer360: config.customer360Url }, loadServiceTimeoutMs()), tokens);
  }
  return new Customer360SegmentAudience(new InProcessServiceCaller(host), tokens, () =>
    host.httpAdapter.getInstance<FastifyInstance>().hasRoute(MEMBERS_ROUTE)
      ? undefined
      : 'the customer 360 does not run in this process; set C360_SERVICE_URL_CUSTOMER360 to its base URL',
  );
}

export const SEGMENT_AUDIENCE_PROVIDER: Provider = {
  provide: SEGMENT_AUDIENCE,
  useFactory: segmentAudienceFor,
  inject: [SURVEYS_CONFIG, PLATFORM_CONFIG, HttpAdapterHost],
};
