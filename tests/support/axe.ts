import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { openAllFolds } from './app';

/**
 * axe-core over the page, twice: as it opens, and with every table
 * alternative (<details>) opened, so the tables are checked too.
 * No serious or critical violation may remain.
 */
export async function expectNoSeriousAxeViolations(page: Page, testInfo: TestInfo, name: string) {
	for (const pass of ['as opened', 'details open']) {
		if (pass === 'details open') await openAllFolds(page);
		const results = await new AxeBuilder({ page }).analyze();
		const serious = results.violations.filter(
			(v) => v.impact === 'serious' || v.impact === 'critical'
		);
		if (serious.length > 0)
			await testInfo.attach(`axe-${name}`, {
				body: JSON.stringify(serious, null, 2),
				contentType: 'application/json'
			});
		expect(
			serious.map(
				(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
			),
			`axe, ${name}, ${pass}`
		).toEqual([]);
	}
	await page
		.locator('details')
		.evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = false)));
}
