import { count, eq } from 'drizzle-orm';
import type { DemoData } from '$lib/seed/demo-data';
import type { Database, Transaction } from '../db/connection';
import { lockForSeeding, nextRevision } from '../db/revisions';
import { referenceRows, serverMeta, type ReferenceEntity } from '../db/schema';
import { owningGrouping, type ReferenceLookup } from './ownership';
import { bumpReferenceRevision, type StoredReference } from './store';

export type ReferenceSeed = Pick<
	DemoData,
	| 'organisations'
	| 'memberships'
	| 'plans'
	| 'goalAreas'
	| 'goals'
	| 'subGoals'
	| 'indicators'
	| 'targets'
	| 'reportingRounds'
>;

/** Parents before children, so each row's grouping can be derived from rows already placed. */
export const REFERENCE_TABLES: readonly (readonly [keyof ReferenceSeed, ReferenceEntity])[] = [
	['organisations', 'organisation'],
	['memberships', 'membership'],
	['plans', 'plan'],
	['goalAreas', 'goalArea'],
	['goals', 'goal'],
	['subGoals', 'subGoal'],
	['indicators', 'indicator'],
	['targets', 'target'],
	['reportingRounds', 'reportingRound']
];

const MARKER = 'referenceDataSeeded';
const CHUNK_SIZE = 500;

type Placed = {
	entity: ReferenceEntity;
	row: Record<string, unknown> & { id: string };
	groupingId: string | null;
};

/**
 * Puts the demo data's organisations and goal trees into an empty
 * reference table, once (a marker, as for the demo values). Every row goes
 * through the same ownership rules as an admin's write, so a demo row whose
 * parent is missing stops the start instead of lying there unreachable.
 */
export async function seedReferenceData(db: Database, data: ReferenceSeed): Promise<boolean> {
	return db.transaction(async (tx) => {
		await lockForSeeding(tx);
		if (await hasMarker(tx)) return false;
		const [{ rows }] = await tx.select({ rows: count() }).from(referenceRows);
		if (rows === 0) await insertAll(tx, await placeAll(data));
		await tx.insert(serverMeta).values({
			key: MARKER,
			value:
				rows === 0 ? { at: new Date().toISOString() } : { skipped: 'reference_rows fanns redan' }
		});
		return rows === 0;
	});
}

export async function isReferenceSeeded(db: Database | Transaction): Promise<boolean> {
	return hasMarker(db);
}

async function hasMarker(db: Database | Transaction): Promise<boolean> {
	return (
		(await db.select({ key: serverMeta.key }).from(serverMeta).where(eq(serverMeta.key, MARKER)))
			.length > 0
	);
}

async function placeAll(data: ReferenceSeed): Promise<Placed[]> {
	const placed = new Map<string, StoredReference>();
	const members = new Map<string, Set<string>>();
	const lookup: ReferenceLookup = {
		find: async (entity, id) => placed.get(`${entity}:${id}`),
		hasMember: async (groupingId, memberId) => members.get(groupingId)?.has(memberId) ?? false
	};
	const result: Placed[] = [];
	for (const [table, entity] of REFERENCE_TABLES) {
		for (const row of data[table] as unknown as Placed['row'][]) {
			const owner = await owningGrouping(entity, row, lookup);
			if (!owner.ok) throw new Error(`Demodatan: ${entity} ${row.id}: ${owner.error}`);
			placed.set(`${entity}:${row.id}`, { row, groupingId: owner.groupingId });
			if (entity === 'membership') {
				const groupingMembers = members.get(String(row.groupingId)) ?? new Set<string>();
				members.set(String(row.groupingId), groupingMembers.add(String(row.memberId)));
			}
			result.push({ entity, row, groupingId: owner.groupingId });
		}
	}
	return result;
}

async function insertAll(tx: Transaction, rows: Placed[]): Promise<void> {
	for (let i = 0; i < rows.length; i += CHUNK_SIZE) {
		const chunk = rows.slice(i, i + CHUNK_SIZE);
		await tx.insert(referenceRows).values(
			chunk.map(({ entity, row, groupingId }) => ({
				entity,
				id: row.id,
				row,
				groupingId,
				revision: nextRevision()
			}))
		);
	}
	await bumpReferenceRevision(tx);
}
