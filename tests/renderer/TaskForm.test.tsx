import { afterEach, describe, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuickSyntaxField } from '../../src/renderer/src/components/QuickSyntaxField.tsx';
import { TaskForm } from '../../src/renderer/src/components/TaskForm.tsx';

afterEach(cleanup);

describe('TaskForm', () => {
  test('shows each field’s error in words and sends nothing until the form is valid', async () => {
    const onSave = vi.fn(async () => true);
    render(<TaskForm date="2026-03-01" workstreams={['scoring']} agentLabel="Claude" onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Human estimate'), '6 lightyears');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    expect(screen.getByText('Title is required')).toBeTruthy();
    expect(screen.getByText('Agent time is required')).toBeTruthy();
    expect(screen.getByText(/Human estimate unknown unit "lightyears"/)).toBeTruthy();
    expect(screen.getByLabelText('Title').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
    expect(onSave).not.toHaveBeenCalled();
  });

  test('saves parsed values, then clears the task fields but keeps workstream and model', async () => {
    const onSave = vi.fn(async () => true);
    render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={onSave} />);
    await userEvent.type(screen.getByLabelText('Title'), 'Refactor scoring');
    await userEvent.type(screen.getByLabelText('Human estimate'), '6');
    await userEvent.type(screen.getByLabelText('Claude time'), '8');
    await userEvent.type(screen.getByLabelText('Tokens'), '40k');
    await userEvent.type(screen.getByLabelText('Workstream'), 'scoring');
    await userEvent.type(screen.getByLabelText('Title'), '{Control>}{Enter}{/Control}');
    expect(onSave).toHaveBeenCalledWith({
      workDate: '2026-03-01', title: 'Refactor scoring', workstream: 'scoring', humanSeconds: 21_600, agentSeconds: 480,
      supervisionSeconds: null, tokens: 40_000, model: '', notes: '',
    });
    expect((screen.getByLabelText('Title') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Workstream') as HTMLInputElement).value).toBe('scoring');
  });

  test('follows the selected day', () => {
    const { rerender } = render(<TaskForm date="2026-03-01" workstreams={[]} agentLabel="Claude" onSave={async () => true} />);
    rerender(<TaskForm date="2026-03-02" workstreams={[]} agentLabel="Claude" onSave={async () => true} />);
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('2026-03-02');
  });
});

describe('QuickSyntaxField', () => {
  test('shows the parse while typing and saves it on Enter', async () => {
    const onSubmit = vi.fn(async () => true);
    render(<QuickSyntaxField onSubmit={onSubmit} />);
    const input = screen.getByLabelText('Quick add');
    await userEvent.type(input, 'Refactor scoring pipeline 6h 8m 40k #scoring');
    const chips = [...document.querySelectorAll('.chip')].map((chip) => chip.textContent);
    expect(chips).toEqual(['TitleRefactor scoring pipeline', 'Human6h', 'Agent8min', 'Tokens40k', 'Workstreamscoring']);
    await userEvent.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ title: 'Refactor scoring pipeline', humanSeconds: 21_600, agentSeconds: 480, tokens: 40_000, workstream: 'scoring' }));
    expect((input as HTMLInputElement).value).toBe('');
  });

  test('Enter on an incomplete line explains what is missing and saves nothing', async () => {
    const onSubmit = vi.fn(async () => true);
    render(<QuickSyntaxField onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText('Quick add'), 'Fix login 3h{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Add the agent time after the estimate, e.g. "8m".');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
