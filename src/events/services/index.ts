import type { EventKind } from '../_internals/kind.js';

/** Factories of the services family (filled in by the family's owner). */
export const factories = {} as const;

/** Registry entries of the services family: drives conformance tests and `generate-event`. */
export const kinds: readonly EventKind[] = [];
