import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { MenuCheckbox } from './menu-checkbox.tsx';

describe('MenuCheckbox', () => {
  it('shows whether it is on with a check mark, not only to screen readers', async () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <MenuCheckbox checked={false} icon={null} onClick={onClick}>
        Lock the whole board
      </MenuCheckbox>,
    );
    const item = screen.getByRole('menuitemcheckbox', { name: 'Lock the whole board' });
    expect(item).toHaveAttribute('aria-checked', 'false');
    expect(screen.queryByTestId('menu-check')).toBeNull();

    rerender(
      <MenuCheckbox checked icon={null} onClick={onClick}>
        Lock the whole board
      </MenuCheckbox>,
    );
    expect(item).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByTestId('menu-check').querySelector('svg')).not.toBeNull();
    await userEvent.click(item);
    expect(onClick).toHaveBeenCalledOnce();
  });
});
