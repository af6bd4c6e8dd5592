import type { EventBridgeEvent } from 'aws-lambda';
import type { Random } from '../../internal/random.js';
import { DEFAULT_ACCOUNT, DEFAULT_REGION } from './_defaults.js';
import { isoTimeSeconds } from '../_internals/format.js';

/**
 * Envelope fields every AWS-service EventBridge factory accepts next to its intent.
 * @example
 * events.codeDeployDeployment({ region: 'eu-west-1', account: '111122223333' });
 */
export interface ServiceEnvelopeInput {
  /** @defaultValue `'us-east-1'` */
  region?: string;
  /** @defaultValue `'123456789012'` */
  account?: string;
  /** Replaces the ARNs the factory derives. */
  resources?: string[];
}

/**
 * The envelope AWS services put around their EventBridge events, in EventBridge's key order, with a seeded `id`
 * and `time` (seconds precision) from `now`. One place, so every service event of a run agrees on the format.
 * @example
 * serviceEnvelope(random, now, 'aws.ecr', 'ECR Image Action', {}, () => [], () => ({ result: 'SUCCESS' }));
 */
export function serviceEnvelope<TDetailType extends string, TDetail>(
  random: Random,
  now: number,
  source: string,
  detailType: TDetailType,
  input: ServiceEnvelopeInput,
  resources: (region: string, account: string) => string[],
  detail: (region: string, account: string) => TDetail,
): EventBridgeEvent<TDetailType, TDetail> {
  const region = input.region ?? DEFAULT_REGION;
  const account = input.account ?? DEFAULT_ACCOUNT;
  return {
    version: '0',
    id: random.uuid(),
    'detail-type': detailType,
    source,
    account,
    time: isoTimeSeconds(now),
    region,
    resources: input.resources === undefined ? resources(region, account) : [...input.resources],
    detail: detail(region, account),
  };
}
