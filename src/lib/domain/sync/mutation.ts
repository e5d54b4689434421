import * as z from 'zod/mini';
import { Timestamp } from '../common';
import { Measurement } from '../figures/measurement';
import { Assessment } from '../figures/assessment';

/**
 * One edit waiting in the outbox: the full new row, the id the client made
 * for the edit (so a replay can be recognised) and the server revision of the
 * row the edit was based on (null for a row the server has never sent).
 */
export const Mutation = z.discriminatedUnion('entity', [
	z.object({
		mutationId: z.uuid(),
		entity: z.literal('measurement'),
		row: Measurement,
		baseRevision: z.nullable(z.int().check(z.nonnegative())),
		createdAt: Timestamp
	}),
	z.object({
		mutationId: z.uuid(),
		entity: z.literal('assessment'),
		row: Assessment,
		baseRevision: z.nullable(z.int().check(z.nonnegative())),
		createdAt: Timestamp
	})
]);
export type Mutation = z.infer<typeof Mutation>;
export type MutationEntity = Mutation['entity'];
