import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithSession } from '../../board/testing/board-fixture.tsx';
import { loadStageWidths, saveView, viewKey } from '../../state/canvas-storage.ts';
import { useUiStore } from '../../state/ui-store.ts';
import { SidePanel } from '../common/side-panel.tsx';
import { BoardView } from './board-view.tsx';

beforeEach(() => {
  useUiStore.getState().reset();
  window.localStorage.clear();
});
afterEach(() => window.localStorage.clear());

const board = () => screen.getByRole('region', { name: 'Journey board' });

describe('stage columns', () => {
  it('are resized from the keyboard on their edge, within limits, and remembered for the map', async () => {
    const user = userEvent.setup();
    renderWithSession(<BoardView mode="edit" storageScope="user:ada:map-1" />);
    const edge = screen.getByRole('separator', { name: 'Resize stage Awareness' });
    const before = Number(edge.getAttribute('aria-valuenow'));
    edge.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(Number(edge.getAttribute('aria-valuenow'))).toBe(before + 40);
    const stageId = screen.getAllByTestId('stage-header')[0]!.dataset.stageId!;
    expect(board().style.getPropertyValue(`--stage-w-${stageId}`)).toBe(`${before + 40}px`);
    await user.keyboard('{Home}');
    expect(edge).toHaveAttribute('aria-valuenow', '160');
    await user.keyboard('{End}');
    expect(edge).toHaveAttribute('aria-valuenow', '520');
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(loadStageWidths('user:ada:map-1')).toEqual({ [stageId]: 520 });
  });

  it('give the full title on hover; the header’s tools are a toolbar of their own', () => {
    renderWithSession(<BoardView mode="edit" />);
    const title = screen.getByRole('button', { name: 'Rename stage Consideration' });
    expect(title).toHaveAttribute('title', 'Consideration');
    expect(screen.getByRole('toolbar', { name: 'Stage Consideration' })).toContainElement(
      screen.getByRole('button', { name: 'Actions for stage Consideration' }),
    );
  });
});

describe('the canvas', () => {
  it('opens at the zoom this person left the map at', () => {
    saveView('user:ada:map-1', { zoom: 0.5, x: 0, y: 0 });
    renderWithSession(<BoardView mode="read-only" storageScope="user:ada:map-1" />);
    expect(board().style.zoom).toBe('0.5');
    expect(board().dataset.density).toBe('compact');
    expect(screen.getByTestId('zoom-level')).toHaveTextContent('50%');
  });

  it('remembers the zoom per map and person', async () => {
    const user = userEvent.setup();
    renderWithSession(<BoardView mode="edit" storageScope="user:ada:map-2" />);
    await user.click(screen.getByRole('button', { name: 'Zoom out' }));
    expect(board().style.zoom).toBe('0.83');
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(JSON.parse(window.localStorage.getItem(viewKey('user:ada:map-2'))!)).toMatchObject({
      zoom: 0.83,
    });
    expect(window.localStorage.getItem(viewKey('user:bob:map-2'))).toBeNull();
  });

  it('zooms with + and − and goes back to 100 % with Shift+0', () => {
    renderWithSession(<BoardView mode="edit" />);
    fireEvent.keyDown(document.body, { key: '-', code: 'Minus' });
    expect(screen.getByTestId('zoom-level')).toHaveTextContent('83%');
    fireEvent.keyDown(document.body, { key: ')', code: 'Digit0', shiftKey: true });
    expect(screen.getByTestId('zoom-level')).toHaveTextContent('100%');
  });

  it('holds no <select> (Chromium re-lays out and repaints a zoomed canvas with one on every gesture frame)', async () => {
    const user = userEvent.setup();
    const { container } = renderWithSession(<BoardView mode="edit" />);
    expect(container.querySelector('.board-zoom-frame')).not.toBeNull();
    expect(container.querySelectorAll('.board-zoom-frame select')).toHaveLength(0);
    // Nor when choosing the kind of a new lane.
    await user.click(screen.getByRole('button', { name: 'Add lane' }));
    expect(screen.getByRole('menu', { name: 'Kind of the new lane' })).toBeInTheDocument();
    expect(container.querySelectorAll('.board-zoom-frame select')).toHaveLength(0);
  });

  it('covers the board while the wheel scrolls it, so the cards under a still pointer don’t react, until the pointer moves', () => {
    const { container } = renderWithSession(<BoardView mode="edit" />);
    const shield = container.querySelector<HTMLElement>('.board-shield')!;
    expect(shield).not.toBeVisible();
    fireEvent.wheel(board().closest('.board-scroll')!, { deltaY: 60 });
    expect(shield).toBeVisible();
    fireEvent.pointerMove(window);
    expect(shield).not.toBeVisible();
  });
});

describe('side panels', () => {
  function Panel() {
    const [open, setOpen] = useState(true);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
        {open ? (
          <SidePanel side="right" name="test" label="Notes" onClose={() => setOpen(false)}>
            <p>Panel content</p>
          </SidePanel>
        ) : null}
      </>
    );
  }

  it('take focus, close with Escape and resize from their edge', async () => {
    const user = userEvent.setup();
    render(<Panel />);
    const panel = screen.getByRole('complementary', { name: 'Notes' });
    expect(panel).toHaveFocus();
    const edge = screen.getByRole('separator', { name: 'Resize the notes panel' });
    const width = Number(edge.getAttribute('aria-valuenow'));
    edge.focus();
    await user.keyboard('{ArrowLeft}');
    expect(Number(edge.getAttribute('aria-valuenow'))).toBe(width + 24);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Notes' })).not.toBeInTheDocument();
  });
});
