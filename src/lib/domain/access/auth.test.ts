import { describe, it, expect } from 'vitest';
import { RoleAssignment } from './auth';

describe('role assignments', () => {
	it('requires a municipality for a reporter and none for other roles', () => {
		expect(
			RoleAssignment.safeParse({ organisationId: 'akademi-norr', role: 'reporter' }).success
		).toBe(false);
		expect(
			RoleAssignment.safeParse({
				organisationId: 'akademi-norr',
				role: 'editor',
				municipalityId: 'kommun-2425'
			}).success
		).toBe(false);
		expect(
			RoleAssignment.safeParse({
				organisationId: 'akademi-norr',
				role: 'reporter',
				municipalityId: 'kommun-2425'
			}).success
		).toBe(true);
	});
});
