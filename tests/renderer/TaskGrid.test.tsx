import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TaskGrid } from '../../src/renderer/src/components/TaskGrid.tsx';
import { Toasts } from '../../src/renderer/src/components/Toasts.tsx';
import { useToastStore } from '../../src/renderer/src/stores/toastStore.ts';
import { fakeLayout, installFakeApi, makeTask } from './support/fakeApi.ts';

const filter = {};

function titles(): string[] {
  return screen.getAllByRole('row').filter((row) => row.hasAttribute('data-task-id')).map((row) => within(row).getAllByRole('gridcell')[2]?.textContent ?? '');
}

beforeEach(() => {
  fakeLayout();
  useToastStore.setState({ toasts: [] });
});
afterEach(cleanup);

describe('TaskGrid', () => {
  test('sorts on the server by the clicked column, toggling the direction', async () => {
    const fake = installFakeApi([makeTask(1, { title: 'b' }), makeTask(2, { title: 'c' }), makeTask(3, { title: 'a' })]);
    render(<TaskGrid filter={filter} label="Tasks" emptyText="none" initialSort={[{ id: 'workDate', desc: true }]} />);
    await screen.findByText('3 tasks');
    await userEvent.click(screen.getByRole('button', { name: /Task/ }));
    await waitFor(() => expect(titles()).toEqual(['a', 'b', 'c']));
    expect(fake.calls.at(-1)?.input).toMatchObject({ sort: 'title', direction: 'asc', offset: 0 });
    await userEvent.click(screen.getByRole('button', { name: /Task/ }));
    await waitFor(() => expect(titles()).toEqual(['c', 'b', 'a']));
    expect(screen.getByRole('columnheader', { name: /Task/ }).getAttribute('aria-sort')).toBe('descending');
  });

  test('edits a cell inline: invalid input is refused in words, valid input is saved', async () => {
    const fake = installFakeApi([makeTask(1, { title: 'Only' })]);
    render(<TaskGrid filter={filter} label="Tasks" emptyText="none" />);
    const row = await screen.findByText('Only');
    const human = row.closest('[role="row"]')?.querySelector('[data-column="humanSeconds"]') as HTMLElement;
    await userEvent.dblClick(human);
    const input = screen.getByLabelText('Edit Human');
    expect((input as HTMLInputElement).value).toBe('1h');
    await userEvent.clear(input);
    await userEvent.type(input, 'lots{Enter}');
    expect((await screen.findByRole('alert')).textContent).toMatch(/unknown unit|unexpected/);
    expect(fake.calls.some((call) => call.channel === 'updateTask')).toBe(false);
    await userEvent.clear(input);
    await userEvent.type(input, '90m{Enter}');
    await waitFor(() => expect(fake.calls.find((call) => call.channel === 'updateTask')?.input).toEqual({ id: 1, patch: { humanSeconds: 5400 } }));
  });

  test('an error from main is shown in words and the edit stays open', async () => {
    installFakeApi([makeTask(1, { title: 'Only' })], { failUpdate: 'The journal is read-only.' });
    render(
      <>
        <TaskGrid filter={filter} label="Tasks" emptyText="none" />
        <Toasts />
      </>,
    );
    const cell = (await screen.findByText('Only')).closest('[role="gridcell"]') as HTMLElement;
    await userEvent.dblClick(cell);
    await userEvent.type(screen.getByLabelText('Edit Task'), ' renamed{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('The journal is read-only.');
    expect(screen.getByLabelText('Edit Task')).toBeTruthy();
  });

  test('keyboard: select rows with Space, Delete removes them, Undo restores them', async () => {
    const fake = installFakeApi([makeTask(1, { title: 'one' }), makeTask(2, { title: 'two' }), makeTask(3, { title: 'three' })]);
    render(
      <>
        <TaskGrid filter={filter} label="Tasks" emptyText="none" initialSort={[{ id: 'humanSeconds', desc: false }]} />
        <Toasts />
      </>,
    );
    await screen.findByText('three');
    screen.getByRole('grid').focus();
    await userEvent.keyboard(' {ArrowDown} {Delete}');
    await waitFor(() => expect(fake.calls.find((call) => call.channel === 'deleteTasks')?.input).toEqual({ ids: [1, 2] }));
    await waitFor(() => expect(titles()).toEqual(['three']));
    await userEvent.click(within(screen.getByRole('status')).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(titles()).toEqual(['one', 'two', 'three']));
    expect(fake.calls.find((call) => call.channel === 'restoreTasks')?.input).toEqual({ ids: [1, 2] });
  });

  test('renders only a window of rows for a long list and fetches pages on demand', async () => {
    const fake = installFakeApi(Array.from({ length: 5000 }, (_, index) => makeTask(index + 1)));
    render(<TaskGrid filter={filter} label="Tasks" emptyText="none" />);
    await screen.findByText('5,000 tasks');
    await waitFor(() => expect(titles().length).toBeGreaterThan(5));
    expect(screen.getAllByRole('row').length).toBeLessThan(40);
    expect(fake.calls.filter((call) => call.channel === 'queryTasks').every((call) => (call.input as { limit: number }).limit === 200)).toBe(true);
  });
});
