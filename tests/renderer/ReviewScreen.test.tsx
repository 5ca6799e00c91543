import { afterEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ReviewScreen from '../../src/renderer/src/screens/ReviewScreen.tsx';

afterEach(cleanup);

const emptySummary = {
  taskCount: 0, humanSeconds: 0, agentSeconds: 0, supervisionSeconds: null, tokens: null, tasksWithoutTokens: 0, tokensFromDayTotal: false,
  leverage: null, supervisoryLeverage: null, meanLeverage: null, medianLeverage: null, ceiling: null, floor: null, workstreams: [],
};

function installEmptyApi(calls: Array<[string, unknown]>) {
  const ok = (value: unknown) => async (input: unknown) => {
    return { ok: true, value: typeof value === 'function' ? value(input) : value };
  };
  const record = (channel: string, value: unknown) => async (input: unknown) => {
    calls.push([channel, input]);
    return ok(value)(input);
  };
  Object.defineProperty(window, 'api', {
    configurable: true,
    value: {
      on: () => () => undefined,
      weeklySeries: record('weeklySeries', []),
      dailySeries: record('dailySeries', []),
      factorDistribution: record('factorDistribution', ['<2x', '2–5x'].map((label) => ({ label, count: 0 }))),
      cumulativeMetrics: record('cumulativeMetrics', { days: 0, firstDate: null, lastDate: null, taskCount: 0, humanSeconds: 0, agentSeconds: 0, tokens: 0, leverage: null, meanLeverage: null }),
      rangeMetrics: record('rangeMetrics', emptySummary),
    },
  });
}

describe('ReviewScreen', () => {
  test('with no tasks every chart says so, and the figures show dashes, not zeros pretending to be factors', async () => {
    installEmptyApi([]);
    render(<ReviewScreen />);
    for (const name of ['Leverage per week', 'Human vs agent hours', 'Tokens per week', 'Task factors', 'Hours by workstream']) {
      expect(await within(screen.getByRole('region', { name })).findByText('No tasks in this period yet.')).toBeTruthy();
    }
    expect(await within(screen.getByRole('region', { name: 'Leverage per day' })).findByText(/^No tasks in \d{4}-W\d{2}\.$/)).toBeTruthy();
    const leverage = within(screen.getByLabelText('Cumulative figures')).getByText('Leverage').parentElement;
    expect(leverage?.querySelector('dd')?.textContent).toBe('—');
  });

  test('a range preset asks main for that range', async () => {
    const calls: Array<[string, unknown]> = [];
    installEmptyApi(calls);
    render(<ReviewScreen />);
    await userEvent.click(screen.getByRole('button', { name: 'All' }));
    expect(screen.getByRole('button', { name: 'All' }).getAttribute('aria-pressed')).toBe('true');
    await screen.findAllByText('No tasks in this period yet.');
    expect(calls.filter(([channel]) => channel === 'weeklySeries').at(-1)?.[1]).toEqual({});
    await userEvent.click(screen.getByRole('button', { name: '4 weeks' }));
    await screen.findAllByText('No tasks in this period yet.');
    const range = calls.filter(([channel]) => channel === 'weeklySeries').at(-1)?.[1] as { from: string; to: string };
    expect((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000).toBe(27);
  });
});
