/**
 * The indicator and target editor's forms: what an admin types (text as
 * typed, numbers the Swedish way), turned into rows of the Indicator and
 * Target schemas — the same the server checks — with each Swedish message
 * keyed by the form field it concerns. Kept as plain JSON, so a draft of it
 * survives a reload (local-store/drafts.ts).
 */
import { checkFields, type FieldErrors } from '../field-errors';
import { Indicator, type Aggregation, type BetterDirection, type Unit } from './indicator';
import { Target } from './target';
import { parseSwedishNumber } from '../format';

export type SourceKind = Indicator['source']['kind'];

export type IndicatorDraft = {
	id: string;
	organisationId: string;
	goalId: string;
	seriesId: string;
	name: string;
	description: string;
	unit: Unit;
	decimals: number;
	betterDirection: BetterDirection;
	sourceKind: SourceKind;
	/** SCB table, e.g. "UF0506". */
	scbTable: string;
	/** Kolada KPI id, e.g. "N01951". */
	kpiId: string;
	sourceDescription: string;
	sourceUrl: string;
	population: string;
	genderBreakdown: boolean;
	scope: 'members' | 'grouping';
	aggregation: Aggregation;
	weightSeriesId: string;
	numeratorId: string;
	denominatorId: string;
	order: number;
};

export type TargetKind = 'yearlyChange' | 'perYear' | 'threshold' | 'yesno';

export type TargetDraft = {
	id: string;
	/** The grouping, or one member municipality. */
	organisationId: string;
	kind: TargetKind;
	baselineYear: string;
	baselineValue: string;
	change: string;
	changeUnit: 'pp' | 'percent';
	untilYear: string;
	operator: '>=' | '<=' | '=';
	thresholdValue: string;
	/** 'yesno': whether the answer that must hold is yes. */
	mustBeYes: boolean;
	perYear: { year: string; value: string }[];
	description: string;
};

const trimmed = (s: string) => s.trim();
const optional = (s: string) => (s.trim() === '' ? undefined : s.trim());

export function blankIndicatorDraft(
	id: string,
	organisationId: string,
	goalId: string,
	order: number
): IndicatorDraft {
	return {
		id,
		organisationId,
		goalId,
		seriesId: '',
		name: '',
		description: '',
		unit: 'percent',
		decimals: 1,
		betterDirection: 'higher',
		sourceKind: 'manual',
		scbTable: '',
		kpiId: '',
		sourceDescription: '',
		sourceUrl: '',
		population: '',
		genderBreakdown: false,
		scope: 'members',
		aggregation: 'mean',
		weightSeriesId: '',
		numeratorId: '',
		denominatorId: '',
		order
	};
}

export function indicatorDraftOf(indicator: Indicator): IndicatorDraft {
	const source = indicator.source;
	return {
		id: indicator.id,
		organisationId: indicator.organisationId,
		goalId: indicator.goalId ?? '',
		seriesId: indicator.seriesId ?? '',
		name: indicator.name,
		description: indicator.description ?? '',
		unit: indicator.unit,
		decimals: indicator.decimals,
		betterDirection: indicator.betterDirection,
		sourceKind: source.kind,
		scbTable: source.kind === 'scb' ? source.table : '',
		kpiId: source.kind === 'kolada' ? source.kpiId : '',
		sourceDescription: source.description ?? '',
		sourceUrl: indicator.sourceUrl ?? '',
		population: indicator.population ?? '',
		genderBreakdown: indicator.genderBreakdown,
		scope: indicator.scope,
		aggregation: indicator.aggregation,
		weightSeriesId: indicator.weightSeriesId ?? '',
		numeratorId: indicator.ratio?.numeratorId ?? '',
		denominatorId: indicator.ratio?.denominatorId ?? '',
		order: indicator.order
	};
}

function sourceOf(d: IndicatorDraft): unknown {
	const description = optional(d.sourceDescription);
	switch (d.sourceKind) {
		case 'scb':
			return { kind: 'scb', table: trimmed(d.scbTable), description };
		case 'kolada':
			return { kind: 'kolada', kpiId: trimmed(d.kpiId).toUpperCase(), description };
		case 'document':
			return { kind: 'document', description: description ?? '' };
		case 'manual':
			return { kind: 'manual', description };
	}
}

/** The row the form stands for, before validation: fields that do not apply to the method are left out. */
export function indicatorRowOf(d: IndicatorDraft, original?: Indicator): Record<string, unknown> {
	return {
		id: d.id,
		organisationId: d.organisationId,
		goalId: optional(d.goalId),
		seriesId: optional(d.seriesId),
		name: d.name,
		description: optional(d.description),
		unit: d.unit,
		decimals: d.decimals,
		betterDirection: d.betterDirection,
		source: sourceOf(d),
		sourceUrl: optional(d.sourceUrl),
		population: optional(d.population),
		genderBreakdown: d.genderBreakdown,
		scope: d.scope,
		aggregation: d.aggregation,
		weightSeriesId: d.aggregation === 'weightedMean' ? optional(d.weightSeriesId) : undefined,
		ratio:
			d.aggregation === 'ratio' && (d.numeratorId || d.denominatorId)
				? { numeratorId: d.numeratorId, denominatorId: d.denominatorId }
				: undefined,
		order: d.order,
		exampleData: original?.exampleData ?? false
	};
}

/** Which form field a schema path concerns ("source.kpiId" → "kpiId"). */
const INDICATOR_FIELDS: Record<string, string> = {
	'source.kpiId': 'kpiId',
	'source.table': 'scbTable',
	'source.description': 'sourceDescription',
	source: 'sourceKind',
	ratio: 'numeratorId',
	'ratio.numeratorId': 'numeratorId',
	'ratio.denominatorId': 'denominatorId'
};

/** Server or schema field errors, keyed by the form's fields. */
export function indicatorFieldErrors(errors: FieldErrors): FieldErrors {
	return rekey(errors, INDICATOR_FIELDS);
}

export type FormResult<T> = { ok: true; value: T } | { ok: false; fieldErrors: FieldErrors };

export function indicatorFromDraft(d: IndicatorDraft, original?: Indicator): FormResult<Indicator> {
	const checked = checkFields(Indicator, indicatorRowOf(d, original));
	return checked.ok
		? checked
		: { ok: false, fieldErrors: indicatorFieldErrors(checked.fieldErrors) };
}

// ------------------------------------------------------------ targets

export function blankTargetDraft(
	id: string,
	organisationId: string,
	unit: Unit,
	year: number
): TargetDraft {
	return {
		id,
		organisationId,
		kind: unit === 'yesno' ? 'yesno' : 'yearlyChange',
		baselineYear: String(year - 1),
		baselineValue: '',
		change: '',
		changeUnit: unit === 'percent' ? 'pp' : 'percent',
		untilYear: '',
		operator: '>=',
		thresholdValue: '',
		mustBeYes: true,
		perYear: [{ year: String(year), value: '' }],
		description: ''
	};
}

const numberText = (n: number) => String(n).replace('.', ',');

export function targetDraftOf(target: Target, unit: Unit): TargetDraft {
	const draft = blankTargetDraft(
		target.id,
		target.organisationId,
		unit,
		target.baseline?.year ?? new Date().getFullYear()
	);
	draft.baselineYear = target.baseline ? String(target.baseline.year) : '';
	draft.baselineValue = target.baseline ? numberText(target.baseline.value) : '';
	draft.description = target.description ?? '';
	const rule = target.rule;
	if (rule.kind === 'yearlyChange') {
		Object.assign(draft, {
			kind: 'yearlyChange',
			change: numberText(rule.change),
			changeUnit: rule.changeUnit,
			untilYear: rule.untilYear === undefined ? '' : String(rule.untilYear)
		});
	} else if (rule.kind === 'perYear') {
		draft.kind = 'perYear';
		draft.perYear = [...rule.values]
			.sort((a, b) => a.year - b.year)
			.map((v) => ({ year: String(v.year), value: numberText(v.value) }));
	} else if (unit === 'yesno' && rule.operator === '=') {
		Object.assign(draft, { kind: 'yesno', mustBeYes: rule.value === 1 });
	} else {
		Object.assign(draft, {
			kind: 'threshold',
			operator: rule.operator,
			thresholdValue: numberText(rule.value)
		});
	}
	return draft;
}

type Numbers = {
	errors: FieldErrors;
	number: (field: string, text: string) => number | undefined;
	year: (field: string, text: string) => number | undefined;
};

/** Reads the typed numbers, noting a Swedish message per field that does not read as one. */
function numberReader(): Numbers {
	const errors: FieldErrors = {};
	return {
		errors,
		number(field, text) {
			const parsed = parseSwedishNumber(text);
			if (parsed.ok) return parsed.value;
			errors[field] ??= parsed.error;
			return undefined;
		},
		year(field, text) {
			if (!/^\s*\d{4}\s*$/.test(text)) {
				errors[field] ??=
					text.trim() === '' ? 'Ange året.' : 'Skriv året med fyra siffror, t.ex. 2025.';
				return undefined;
			}
			return Number(text);
		}
	};
}

export function targetFromDraft(d: TargetDraft, indicatorId: string): FormResult<Target> {
	const read = numberReader();
	const hasBaseline = d.baselineYear.trim() !== '' || d.baselineValue.trim() !== '';
	const baseline =
		hasBaseline && d.kind !== 'yesno'
			? {
					year: read.year('baselineYear', d.baselineYear),
					value: read.number('baselineValue', d.baselineValue)
				}
			: undefined;
	let rule: unknown;
	switch (d.kind) {
		case 'yearlyChange':
			rule = {
				kind: 'yearlyChange',
				change: read.number('change', d.change),
				changeUnit: d.changeUnit,
				untilYear: d.untilYear.trim() === '' ? undefined : read.year('untilYear', d.untilYear)
			};
			break;
		case 'perYear':
			rule = {
				kind: 'perYear',
				values: d.perYear.map((v, i) => ({
					year: read.year(`perYear.${i}.year`, v.year),
					value: read.number(`perYear.${i}.value`, v.value)
				}))
			};
			break;
		case 'threshold':
			rule = {
				kind: 'threshold',
				operator: d.operator,
				value: read.number('thresholdValue', d.thresholdValue)
			};
			break;
		case 'yesno':
			rule = { kind: 'threshold', operator: '=', value: d.mustBeYes ? 1 : 0 };
			break;
	}
	if (Object.keys(read.errors).length > 0) return { ok: false, fieldErrors: read.errors };
	const checked = checkFields(Target, {
		id: d.id,
		indicatorId,
		organisationId: d.organisationId,
		baseline,
		rule,
		description: optional(d.description)
	});
	return checked.ok ? checked : { ok: false, fieldErrors: targetFieldErrors(checked.fieldErrors) };
}

const TARGET_FIELDS: Record<string, string> = {
	baseline: 'baselineValue',
	'baseline.year': 'baselineYear',
	'baseline.value': 'baselineValue',
	'rule.change': 'change',
	'rule.untilYear': 'untilYear',
	'rule.value': 'thresholdValue',
	'rule.values': 'perYear'
};

/** Server or schema field errors of a target ("rule.values.0.year"), keyed by the form's fields ("perYear.0.year"). */
export function targetFieldErrors(errors: FieldErrors): FieldErrors {
	const byForm: FieldErrors = {};
	for (const [path, message] of Object.entries(errors)) {
		const key = TARGET_FIELDS[path] ?? path.replace(/^rule\.values\./, 'perYear.');
		byForm[key] ??= message;
	}
	return byForm;
}

function rekey(errors: FieldErrors, fields: Record<string, string>): FieldErrors {
	const byForm: FieldErrors = {};
	for (const [path, message] of Object.entries(errors)) byForm[fields[path] ?? path] ??= message;
	return byForm;
}

/** The years a target is drawn over while it is edited: from its baseline (or first year) to its last year, at least five years. */
export function targetChartYears(
	target: Pick<Target, 'baseline' | 'rule'>,
	fallbackFrom: number
): [number, number] {
	const rule = target.rule;
	const given = rule.kind === 'perYear' ? rule.values.map((v) => v.year) : [];
	const from = Math.min(
		target.baseline?.year ?? Infinity,
		...given,
		given.length > 0 || target.baseline ? Infinity : fallbackFrom
	);
	const until =
		rule.kind === 'yearlyChange' && rule.untilYear !== undefined
			? rule.untilYear
			: Math.max(...given, from + 4);
	return [from, Math.max(until, from + 1)];
}
