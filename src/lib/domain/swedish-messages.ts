import * as z from 'zod/mini';
import { sv } from 'zod/v4/locales';

/**
 * The messages a schema does not set itself (a wrong type, a missing field, a
 * number out of range), as sentences a user can act on. zod's own Swedish
 * locale names types ("förväntat string, fick undefined"); it is kept only for
 * the rare codes below does not cover. Set once, on import of domain/common,
 * which every schema imports: client, server and import all answer in Swedish.
 */

const TYPE_WORDS: Record<string, string> = {
	string: 'en text',
	number: 'ett tal',
	int: 'ett heltal',
	boolean: 'ja eller nej',
	array: 'en lista',
	object: 'en uppgift med fält'
};

function formatNumber(value: unknown): string {
	return typeof value === 'number' ? value.toLocaleString('sv-SE') : String(value);
}

type Issue = Parameters<NonNullable<z.core.$ZodConfig['customError']>>[0];

export function swedishMessage(issue: Issue): string | undefined {
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null || issue.input === '')
				return 'Uppgiften saknas.';
			return `Ange ${TYPE_WORDS[issue.expected] ?? 'ett giltigt värde'}.`;
		case 'too_small':
			if (issue.origin === 'string')
				return issue.minimum === 1
					? 'Fältet får inte vara tomt.'
					: `Skriv minst ${formatNumber(issue.minimum)} tecken.`;
			if (issue.origin === 'array') return `Ange minst ${formatNumber(issue.minimum)}.`;
			if (issue.minimum === 0) return 'Värdet får inte vara negativt.';
			return `Värdet måste vara ${issue.inclusive ? 'minst' : 'större än'} ${formatNumber(issue.minimum)}.`;
		case 'too_big':
			if (issue.origin === 'string')
				return `Texten får vara högst ${formatNumber(issue.maximum)} tecken.`;
			if (issue.origin === 'array') return `Ange högst ${formatNumber(issue.maximum)}.`;
			return `Värdet får vara ${issue.inclusive ? 'högst' : 'mindre än'} ${formatNumber(issue.maximum)}.`;
		case 'invalid_value':
			return 'Välj ett av alternativen.';
		case 'invalid_format':
			return issue.format === 'url'
				? 'Ange en fullständig webbadress (https://…).'
				: 'Uppgiften har fel format.';
		case 'unrecognized_keys':
			return `Okända fält: ${issue.keys.join(', ')}.`;
		default:
			return undefined;
	}
}

const locale = sv().localeError;

z.config({
	customError: (issue) =>
		swedishMessage(issue) ?? (typeof locale === 'function' ? locale(issue) : undefined)
});
