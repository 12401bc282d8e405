import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { FormProblem } from './form-problem.tsx';

describe('FormProblem', () => {
  it('shows nothing while there is no problem', () => {
    const { container } = render(
      <>
        <FormProblem>{null}</FormProblem>
        <FormProblem>{''}</FormProblem>
        <FormProblem error={null} />
      </>,
    );
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('announces the problem, in the server’s words when a request was refused', () => {
    render(
      <>
        <FormProblem>Pick a stage first.</FormProblem>
        <FormProblem
          error={new ApiError('VALIDATION_FAILED', 'A map title is at most 120 characters.', 400)}
        />
        <FormProblem error={new TypeError('Failed to fetch')} />
      </>,
    );
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Pick a stage first.',
      'A map title is at most 120 characters.',
      'Something went wrong. Try again.',
    ]);
  });
});
