import { describe, expect, test } from 'vitest';
import { cellEditText, cellPatch, draftToInput, emptyDraft } from '../../src/renderer/src/lib/taskDraft.ts';
import type { Task } from '../../src/shared/domain/task.ts';

const task: Task = {
  id: 1, workDate: '2026-03-01', title: 'Scoring', workstream: null, humanSeconds: 21_600, agentSeconds: 480,
  supervisionSeconds: null, tokens: 40_000, model: null, notes: '', createdAt: '', updatedAt: '',
};

describe('draftToInput', () => {
  test('parses durations with the right bare unit and tokens with suffixes', () => {
    const result = draftToInput({ ...emptyDraft('2026-03-01'), title: ' Scoring ', human: '6', agent: '8', tokens: '40k', supervision: '' });
    expect(result).toEqual({
      ok: true,
      input: { workDate: '2026-03-01', title: ' Scoring ', workstream: '', humanSeconds: 21_600, agentSeconds: 480, supervisionSeconds: null, tokens: 40_000, model: '', notes: '' },
    });
  });

  test('reports every bad field at once, in words', () => {
    const result = draftToInput({ ...emptyDraft('2026-02-30'), human: '3 parsecs', tokens: 'lots' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      workDate: 'must be a calendar date written YYYY-MM-DD',
      title: 'is required',
      human: 'unknown unit "parsecs" (use h, m or s)',
      agent: 'is required',
      tokens: 'expected a number with an optional k, M or B suffix',
    });
  });
});

describe('inline cell edits', () => {
  test('show durations in their units and parse edits back to seconds', () => {
    expect(cellEditText(task, 'humanSeconds')).toBe('6h');
    expect(cellEditText(task, 'agentSeconds')).toBe('8min');
    expect(cellPatch('humanSeconds', '7')).toEqual({ ok: true, patch: { humanSeconds: 25_200 } });
    expect(cellPatch('agentSeconds', '1h 5m')).toEqual({ ok: true, patch: { agentSeconds: 3900 } });
    expect(cellPatch('tokens', '')).toEqual({ ok: true, patch: { tokens: null } });
  });

  test('refuse what the schema refuses, with the reason', () => {
    expect(cellPatch('title', '   ')).toEqual({ ok: false, error: 'is required' });
    expect(cellPatch('agentSeconds', '')).toEqual({ ok: false, error: 'is required' });
    expect(cellPatch('workDate', '2026-13-01')).toEqual({ ok: false, error: 'must be a calendar date written YYYY-MM-DD' });
    expect(cellPatch('humanSeconds', '100000h')).toEqual({ ok: false, error: 'it is longer than ten years' });
  });
});
