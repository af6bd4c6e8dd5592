import { createRandom, hashSeed, type Random } from '../../internal/random.js';
import type { ConformanceOptions } from '../conformance.js';

/** The default instant events are stamped with when no clock or `now` is given: fixed, so snapshots are stable. */
export const DEFAULT_EVENT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/**
 * Options every event factory accepts after its overrides.
 * @example
 * events.sqs({ records: [{ body: 'hi' }] }, { seed: 7, now: '2025-06-01T12:00:00Z' });
 */
export interface EventOptions {
  /** Seed for every generated id, receipt handle and hash input. Same seed, same event. Default 1. */
  seed?: number;
  /** The instant the event happened: epoch ms, a Date, an ISO string, or a clock (`{ now(): number }`, e.g. `fn.clock`). */
  now?: number | Date | string | { now(): number };
}

/** What a factory gets to build an event: deterministic randomness and the event time. */
export interface EventBuildContext {
  readonly random: Random;
  /** Epoch milliseconds of the event. */
  readonly now: number;
}

/** Resolves {@link EventOptions} into a build context. `kindId` separates the random streams of different kinds. */
export function buildContext(kindId: string, options: EventOptions = {}): EventBuildContext {
  const seed = options.seed ?? 1;
  const raw = options.now;
  let now: number;
  if (raw === undefined) now = DEFAULT_EVENT_EPOCH_MS;
  else if (typeof raw === 'number') now = raw;
  else if (typeof raw === 'string') now = Date.parse(raw);
  else if (raw instanceof Date) now = raw.getTime();
  else now = raw.now();
  return { random: createRandom(hashSeed(kindId, seed >>> 0)), now };
}

/**
 * Metadata for one event kind: ties the factory to the real samples it must conform to and to the
 * `sam local generate-event` names it answers. The registry of these drives the conformance test and the CLI.
 * @example
 * const sqs: EventKind | undefined = eventKinds.find((k) => k.id === 'sqs');
 */
export interface EventKind {
  /** Stable id, the `kind_id` of `../shared/aws-sample-events/index.tsv` where one exists (e.g. `sqs`, `apigw-http-v2`). */
  readonly id: string;
  /** The name of the factory on the `events` object (e.g. `sqs`, `apiGatewayV2`). */
  readonly factory: string;
  /** Human title. */
  readonly title: string;
  /** The `@types/aws-lambda` type the factory returns (documentation only). */
  readonly type: string;
  /** Builds the default event of this kind (with the given options); used by conformance tests and the CLI. */
  readonly build: (options?: EventOptions) => unknown;
  /**
   * Sample files (paths relative to `aws-sample-events/`) the default output must conform to structurally.
   * Prefer captured payloads over documentation placeholders.
   */
  readonly samples: readonly string[];
  /** `sam local generate-event <service> <event>` pairs this kind answers, each with the overrides that reproduce it. */
  readonly sam?: readonly { readonly service: string; readonly event: string; readonly build?: (options?: EventOptions) => unknown }[];
  /**
   * The canonical base object the factory is built on, curated from a real sample. It must equal
   * `fixtures/events/<id>.json` (a test checks this), which ships with the package. See decisions/0002-event-fixtures.md.
   */
  readonly fixture?: unknown;
  /**
   * Outputs with typical overrides, each checked for conformance like the default output. `samples` replaces the
   * kind's sample set for that example when the override changes the payload's shape (e.g. a JWT authorizer).
   */
  readonly examples?: readonly EventKindExample[];
  /** Hints for the conformance checker (map-like objects whose keys are data, paths to skip). */
  readonly conformance?: ConformanceOptions;
}

/** One typical override of an event kind, checked for conformance in the registry test. */
export interface EventKindExample {
  /** What the override shows, as a sentence fragment ("with a JSON body"). */
  readonly name: string;
  readonly build: (options?: EventOptions) => unknown;
  /** Samples to compare with, when they differ from the kind's default set. */
  readonly samples?: readonly string[];
}
