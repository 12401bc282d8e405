import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { UpdateBanner } from '../components/common/update-banner.tsx';
import {
  applyUpdate,
  newVersionInControl,
  updateReady,
  useAppUpdate,
  watchForMissingCode,
} from './app-update.ts';

afterEach(() => useAppUpdate.setState({ status: 'current', applying: false, activate: null }));

describe('app updates', () => {
  it('waits for the person, then reloads the tab that asked', async () => {
    const activate = vi.fn(async () => {});
    const reload = vi.fn();
    updateReady(activate);
    expect(useAppUpdate.getState().status).toBe('update-ready');
    expect(activate).not.toHaveBeenCalled();

    await applyUpdate();
    expect(activate).toHaveBeenCalledOnce();
    newVersionInControl(reload);
    expect(reload).toHaveBeenCalledOnce();
  });

  it('never reloads a tab whose person did not ask (another tab updated)', () => {
    const reload = vi.fn();
    updateReady(async () => {});
    newVersionInControl(reload);
    expect(reload).not.toHaveBeenCalled();
    expect(useAppUpdate.getState().status).toBe('reload-needed');
  });

  it('asks for a reload when a part of the app is gone from the server (a deploy since)', () => {
    const page = new EventTarget();
    watchForMissingCode(page);
    render(<UpdateBanner />);
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    act(() => {
      page.dispatchEvent(new Event('vite:preloadError'));
    });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Journeyboard was updated, and part of this page is gone. Reload the page to go on.',
    );
    expect(screen.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
