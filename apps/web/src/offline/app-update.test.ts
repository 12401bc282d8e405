import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyUpdate, newVersionInControl, updateReady, useAppUpdate } from './app-update.ts';

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
});
