import { describe, it, expect } from 'vitest';
import type { RoleAssignment as Role } from './auth';
import {
	canEnterValue,
	canEnterAnyValue,
	canEnterForAllMembers,
	canAssess,
	canAdminister,
	canRead
} from './permissions';

const reporter: Role = {
	organisationId: 'akademi-norr',
	role: 'reporter',
	municipalityId: 'kommun-2425'
};
const editor: Role = { organisationId: 'akademi-norr', role: 'editor' };
const viewer: Role = { organisationId: 'akademi-norr', role: 'viewer' };
const admin: Role = { organisationId: 'akademi-norr', role: 'admin' };

describe('role rules', () => {
	it('lets a reporter enter values for her own municipality only', () => {
		expect(canEnterValue([reporter], 'akademi-norr', 'kommun-2425')).toBe(true);
		expect(canEnterValue([reporter], 'akademi-norr', 'kommun-2421')).toBe(false);
		expect(canEnterValue([reporter], 'akademi-norr', 'akademi-norr')).toBe(false);
	});

	it('lets editors and admins enter values for every member and the grouping, in their own grouping only', () => {
		for (const role of [editor, admin]) {
			expect(canEnterValue([role], 'akademi-norr', 'kommun-2421')).toBe(true);
			expect(canEnterValue([role], 'akademi-norr', 'akademi-norr')).toBe(true);
			expect(canEnterValue([role], 'norrbottens-kommuner', 'kommun-2421')).toBe(false);
		}
	});

	it('lets viewers read and nothing else', () => {
		expect(canRead([viewer], 'akademi-norr')).toBe(true);
		expect(canEnterValue([viewer], 'akademi-norr', 'kommun-2421')).toBe(false);
		expect(canAssess([viewer], 'akademi-norr')).toBe(false);
		expect(canAdminister([viewer], 'akademi-norr')).toBe(false);
	});

	it('lets every role but viewer enter some value', () => {
		expect(canEnterAnyValue([reporter], 'akademi-norr')).toBe(true);
		expect(canEnterAnyValue([viewer], 'akademi-norr')).toBe(false);
		expect(canEnterAnyValue([editor], 'norrbottens-kommuner')).toBe(false);
	});

	it('keeps whole-grouping entry (the full grid, imports) to editors and admins', () => {
		expect(canEnterForAllMembers([editor], 'akademi-norr')).toBe(true);
		expect(canEnterForAllMembers([admin], 'akademi-norr')).toBe(true);
		expect(canEnterForAllMembers([reporter], 'akademi-norr')).toBe(false);
		expect(canEnterForAllMembers([viewer], 'akademi-norr')).toBe(false);
	});

	it('keeps administration to admins', () => {
		expect(canAdminister([admin], 'akademi-norr')).toBe(true);
		expect(canAdminister([editor, reporter], 'akademi-norr')).toBe(false);
	});
});
