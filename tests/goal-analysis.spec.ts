import { test, expect, type Page } from '@playwright/test';
import { openApp, visit, AKADEMI_NORR } from './support/app';
import { expectNoSeriousAxeViolations } from './support/axe';

/**
 * Analysis on every goal: the federation's editor writes the yearly
 * assessment of a goal that HAS indicators, from the reporting round's list
 * of goals, and it shows on the overview, in the round's count and in the
 * board report; an SWPP goal is assessed on the plan's five-step scale and
 * keeps its own word. The goals used here are ones no other spec looks at:
 * Akademi Norr's "no long-term loans" in the demo's open 2025 round, and
 * SWPP's priority-raising aspects in 2026.
 */

const YEAR = 2025;
const GOAL_ID = 'akademi-norr-vp-2025-inga-lan';
const GOAL = 'Akademi Norr ska inte uppta långfristiga lån';
const SWPP_GOAL_ID = 'swpp-2026-2029-agenda-prioritet';

async function syncNow(page: Page) {
	await page.getByTestId('sync-now').click();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
}

/** "3 av 5 mål bedömda" → 3 */
async function assessedCount(page: Page): Promise<number> {
	const text = (await page.getByTestId('assessment-tally').textContent()) ?? '';
	const match = /(\d+) av (\d+) mål/.exec(text);
	expect(match, `the round's count: ${text}`).not.toBeNull();
	expect(Number(match![2])).toBe(5);
	return Number(match![1]);
}

test('an editor writes the analysis of a goal with indicators from the round; it shows on the overview, in the round and in the board report', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	const analysis = `Förbundet har inga långfristiga lån och behöver inga (${Date.now().toString(36)}).`;
	const roundPath = `/grupp/${AKADEMI_NORR}/rapportering/${YEAR}`;
	await openApp(page, roundPath, 'editor');

	// The round lists every goal of the plan, the measured ones too, with the state of its assessment.
	const row = page.locator(`[data-testid="goal-assessment"][data-goal="${GOAL_ID}"]`);
	await expect(row).toContainText(GOAL);
	await expect(row).toHaveAttribute('data-state', 'missing');
	await expect(row).toContainText('Saknas');
	const before = await assessedCount(page);
	await expectNoSeriousAxeViolations(page, testInfo, 'round-goal-assessments');

	// Its link lands on the goal's card on the overview, with the form open on the round's year.
	await row.getByTestId('assess-goal-link').click();
	await expect(page).toHaveURL(
		new RegExp(`/grupp/${AKADEMI_NORR}\\?bedom=${GOAL_ID}&ar=${YEAR}#mal-${GOAL_ID}$`)
	);
	const card = page.locator(`#mal-${GOAL_ID}`);
	await expect(card.locator('a[href*="/indikator/"]').first()).toBeVisible(); // the goal's indicators are on its card
	const form = card.getByTestId('assessment-form');
	await expect(form).toBeVisible();
	await expect(form.getByLabel('År')).toHaveValue(String(YEAR));
	await expect(form.getByLabel('Status').locator('option')).toHaveText([
		'I fas',
		'Risk',
		'Ej i fas',
		'Ej bedömt'
	]);
	await form.getByLabel('Status').selectOption({ label: 'I fas' });
	await form.getByLabel('Analys').fill(analysis);
	await form.getByRole('button', { name: 'Spara bedömning' }).click();
	await expect(form.getByRole('status')).toHaveText('Bedömningen är sparad på enheten.');

	const shown = card.getByTestId('assessment');
	await expect(shown).toContainText(`Bedömning ${YEAR}:`);
	await expect(shown).toContainText(analysis);
	await expect(shown.locator('[data-status="onTrack"]')).toHaveText(/I fas/);
	await expectNoSeriousAxeViolations(page, testInfo, 'overview-with-forms');
	await syncNow(page);

	// Back in the round: written, with its status, and counted.
	await visit(page, roundPath);
	await expect(row).toHaveAttribute('data-state', 'written');
	await expect(row).toContainText('Skriven');
	await expect(row).toContainText('I fas');
	await expect(row.getByTestId('assess-goal-link')).toContainText('Ändra bedömningen');
	expect(await assessedCount(page)).toBe(before + 1);

	// The board report prints it under the goal, beside the goal's indicators.
	await visit(page, `/grupp/${AKADEMI_NORR}/rapport`);
	await expect(page.locator('main')).toContainText(`Bedömning ${YEAR}: I fas. ${analysis}`);
});

test('an SWPP goal is assessed on the plan’s five-step scale and keeps its word on the overview and in the board report', async ({
	page
}, testInfo) => {
	test.setTimeout(180_000);
	const analysis = `Projektet bidrar tydligt till en sammanhållen region (${Date.now().toString(36)}).`;

	// The plan editor shows SWPP's scale and offers the choice to its admin.
	await openApp(page, '/grupp/swpp/plan', 'everywhere');
	await expect(page.getByTestId('plan-scale')).toContainText('Femgradig');
	await page.getByRole('button', { name: 'Ändra planens namn, år och vision' }).click();
	const planForm = page.getByRole('form', { name: 'Ändra planen' });
	await expect(planForm.getByLabel('Bedömningsskala')).toHaveValue('fiveStep');
	await expect(planForm.getByLabel('Bedömningsskala').locator('option')).toHaveCount(2);
	await expectNoSeriousAxeViolations(page, testInfo, 'plan-editor-scale');
	await planForm.getByRole('button', { name: 'Avbryt' }).click();

	await visit(page, '/grupp/swpp');
	const card = page.locator(`#mal-${SWPP_GOAL_ID}`);
	await card.getByText('Gör en bedömning').click();
	const form = card.getByTestId('assessment-form');
	await expect(form.getByLabel('Status').locator('option')).toHaveText([
		'Ej bedömt',
		'Inte alls',
		'I låg grad',
		'Delvis',
		'I hög grad',
		'I mycket hög grad'
	]);
	await form.getByLabel('År').fill('2026');
	await form.getByLabel('Status').selectOption({ label: 'I hög grad' });
	await form.getByLabel('Analys').fill(analysis);
	await form.getByRole('button', { name: 'Spara bedömning' }).click();
	await expect(form.getByRole('status')).toHaveText('Bedömningen är sparad på enheten.');

	// The step's own word, in the colour of the status it counts as; the goal's status follows it.
	const shown = card.getByTestId('assessment');
	await expect(shown.locator('[data-status="onTrack"]')).toHaveText(/I hög grad/);
	await expect(shown).toContainText(analysis);
	await expect(card.locator('header [data-status="onTrack"]')).toBeVisible();
	await expectNoSeriousAxeViolations(page, testInfo, 'swpp-overview');
	await syncNow(page);

	await visit(page, '/grupp/swpp/rapport');
	await expect(page.locator('main')).toContainText(`Bedömning 2026: I hög grad. ${analysis}`);
});

test("the admins approve a goal's assessment in the round or return it with a comment; the editor sees why, rewrites it, and an approved one is closed to editors", async ({
	browser
}, testInfo) => {
	test.setTimeout(180_000);
	const goalId = 'akademi-norr-vp-2025-eget-kapital';
	const roundPath = `/grupp/${AKADEMI_NORR}/rapportering/${YEAR}`;
	const editorDevice = await browser.newContext();
	const editor = await openApp(
		editorDevice,
		`/grupp/${AKADEMI_NORR}?bedom=${goalId}&ar=${YEAR}#mal-${goalId}`,
		'editor'
	);
	const form = editor.locator(`#mal-${goalId}`).getByTestId('assessment-form');
	await form.getByLabel('Status').selectOption({ label: 'Risk' });
	await form.getByLabel('Analys').fill('Det egna kapitalet är 2,1 Mkr.');
	await form.getByRole('button', { name: 'Spara bedömning' }).click();
	await expect(form.getByRole('status')).toHaveText('Bedömningen är sparad på enheten.');
	await syncNow(editor);

	// The admin reads it in the round and returns it; a return needs a comment.
	const adminDevice = await browser.newContext();
	const admin = await openApp(adminDevice, roundPath, 'admin');
	const row = admin.locator(`[data-testid="goal-assessment"][data-goal="${goalId}"]`);
	await expect(row).toHaveAttribute('data-state', 'written');
	await row.getByText('Läs analysen').click();
	await expect(row).toContainText('Det egna kapitalet är 2,1 Mkr.');
	await row.getByTestId('return-assessment').click();
	await row.getByRole('button', { name: 'Återsänd bedömningen' }).click();
	await expect(row).toContainText('Skriv en kommentar som säger varför bedömningen återsänds.');
	await row.getByTestId('assessment-return-text').fill('Ange kapitalet vid årets slut.');
	await row.getByRole('button', { name: 'Återsänd bedömningen' }).click();
	await expect(row).toHaveAttribute('data-state', 'returned');
	await expect(row.getByTestId('assessment-return-comment')).toContainText(
		'»Ange kapitalet vid årets slut.»'
	);
	await expectNoSeriousAxeViolations(admin, testInfo, 'round-assessment-review');
	await syncNow(admin);

	// The editor sees why at the goal, rewrites it, and it awaits the admins again.
	await syncNow(editor);
	await expect(form.getByTestId('assessment-returned')).toContainText(
		'»Ange kapitalet vid årets slut.»'
	);
	await form.getByLabel('Analys').fill('Det egna kapitalet var 2,1 Mkr den 31 december.');
	await form.getByRole('button', { name: 'Spara bedömning' }).click();
	await expect(form.getByTestId('assessment-returned')).toHaveCount(0);
	await syncNow(editor);

	await syncNow(admin);
	await expect(row).toHaveAttribute('data-state', 'written');
	await row.getByTestId('approve-assessment').click();
	await expect(row).toHaveAttribute('data-state', 'approved');
	await expect(row).toContainText('Godkänd');
	await syncNow(admin);

	// Approved: the editor can no longer change it; an admin can.
	await syncNow(editor);
	await expect(form.getByRole('button', { name: 'Spara bedömning' })).toBeDisabled();
	await expect(form).toContainText('Bedömningen är godkänd. Be en administratör återsända den');
	await editorDevice.close();
	await adminDevice.close();
});
