import { ZSignupRequest } from '@journeyboard/shared';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AuthForm } from './auth-form.tsx';

const fields = [
  { name: 'name', label: 'Your name', type: 'text', autoComplete: 'name' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'password', label: 'Password', type: 'password', autoComplete: 'new-password' },
] as const;

describe('AuthForm', () => {
  it('starts in its first field, so typing can begin at once', () => {
    render(
      <AuthForm
        title="Join the workshop"
        submitLabel="Join"
        fields={[fields[0]]}
        schema={ZSignupRequest.pick({ name: true })}
        onSubmit={async () => {}}
      />,
    );
    expect(screen.getByLabelText('Your name')).toHaveFocus();
  });

  it('says what is wrong beside the field, in a sentence, before any round trip', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {});
    render(
      <AuthForm
        title="Create an account"
        submitLabel="Create account"
        fields={fields}
        schema={ZSignupRequest}
        onSubmit={onSubmit}
      />,
    );
    await user.type(screen.getByLabelText('Your name'), 'Ana');
    await user.type(screen.getByLabelText('Email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    const password = screen.getByLabelText('Password');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Use at least 10 characters for the password.');
    expect(password).toHaveFocus();
    expect(screen.queryByText(/password:/)).toBeNull();

    await user.type(password, ' and longer');
    expect(password).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Ana',
      email: 'ana@example.com',
      password: 'short and longer',
    });
  });

  it('shows one message under a field: what is wrong takes the hint’s place until the field changes', async () => {
    const user = userEvent.setup();
    render(
      <AuthForm
        title="Create an account"
        submitLabel="Create account"
        fields={[fields[0], fields[1], { ...fields[2], hint: 'At least 10 characters.' }]}
        schema={ZSignupRequest}
        onSubmit={async () => {}}
      />,
    );
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAccessibleDescription('At least 10 characters.');
    await user.type(screen.getByLabelText('Your name'), 'Ana');
    await user.type(screen.getByLabelText('Email'), 'ana@example.com');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByText('Use at least 10 characters for the password.')).toBeVisible();
    expect(screen.queryByText('At least 10 characters.')).toBeNull();
    expect(password).toHaveAccessibleDescription('Use at least 10 characters for the password.');

    await user.type(password, ' and longer');
    expect(screen.queryByText('Use at least 10 characters for the password.')).toBeNull();
    expect(password).toHaveAccessibleDescription('At least 10 characters.');
  });
});
