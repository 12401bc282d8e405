import { describe, expect, it } from 'vitest';
import {
  CALLER_KINDS,
  CAPABILITY_TABLE,
  MAP_ACTIONS,
  WORKSPACE_ACTIONS,
  kindMay,
  mapCapabilities,
  workspaceCapabilities,
  type CallerKind,
  type MapAction,
} from './index.ts';

const holders = (action: MapAction): CallerKind[] =>
  CALLER_KINDS.filter((kind) => kindMay(kind, action));

describe('the capability table', () => {
  it('has a row for every caller kind and grants every action to someone', () => {
    expect(Object.keys(CAPABILITY_TABLE).sort()).toEqual([...CALLER_KINDS].sort());
    for (const action of [...MAP_ACTIONS, ...WORKSPACE_ACTIONS]) {
      expect(
        CALLER_KINDS.some((kind) => kindMay(kind, action)),
        action,
      ).toBe(true);
    }
  });

  it('lets everyone who can read a map export it', () => {
    expect(holders('export')).toEqual(holders('map.read'));
    expect(holders('map.read')).toEqual([...CALLER_KINDS]);
  });

  it('keeps facilitation and restoring versions with owners and editors', () => {
    expect(holders('workshop.facilitate')).toEqual(['owner', 'editor']);
    expect(holders('version.restore')).toEqual(['owner', 'editor']);
    expect(holders('version.create')).toEqual(['owner', 'editor']);
  });

  it('lets everyone who can read a map see its history, share links included', () => {
    expect(holders('version.read')).toEqual(holders('map.read'));
  });

  it('lets everyone who takes part vote (workshop guests and commenters too), never viewers or links', () => {
    expect(holders('vote.cast')).toEqual(['owner', 'editor', 'commenter', 'workshop-guest']);
  });

  it('keeps the lifecycle with owners; reviews and future-state copies with editors too', () => {
    expect(holders('map.lifecycle')).toEqual(['owner']);
    expect(holders('map.review')).toEqual(['owner', 'editor']);
    expect(holders('map.future-state')).toEqual(['owner', 'editor']);
  });

  it('lets the same people rate, raise hands and react as vote, never viewers or links', () => {
    expect(holders('emotion.rate')).toEqual(holders('vote.cast'));
    expect(holders('workshop.participate')).toEqual(holders('vote.cast'));
  });

  it('keeps deleting, moving and sharing a map with its owners', () => {
    expect(holders('map.delete')).toEqual(['owner']);
    expect(holders('map.move')).toEqual(['owner']);
    expect(holders('share.manage')).toEqual(['owner']);
  });

  it('lets commenters comment but not edit, and read-only links only read', () => {
    expect(mapCapabilities(['commenter'])).toContain('comment.write');
    expect(mapCapabilities(['commenter'])).not.toContain('board.edit');
    expect(mapCapabilities(['share-link'])).toEqual(['map.read', 'version.read', 'export']);
    expect(mapCapabilities(['share-link-comments'])).toEqual([
      'map.read',
      'comment.read',
      'version.read',
      'export',
    ]);
  });

  it('gives workshop guests the board but nothing that needs an account', () => {
    const guest = mapCapabilities(['workshop-guest']);
    expect(guest).toContain('board.edit');
    for (const action of ['share.manage', 'workshop.manage', 'comment.write'] as const) {
      expect(guest).not.toContain(action);
    }
  });

  it('unites the rows of a caller who is several kinds at once, in catalogue order', () => {
    const both = mapCapabilities(['commenter', 'workshop-guest']);
    expect(both).toContain('comment.write');
    expect(both).toContain('board.edit');
    expect(both).toEqual(MAP_ACTIONS.filter((action) => both.includes(action)));
    expect(mapCapabilities([])).toEqual([]);
  });

  it('gives workspace actions to members only', () => {
    expect(workspaceCapabilities('owner')).toEqual([...WORKSPACE_ACTIONS]);
    expect(workspaceCapabilities('viewer')).toEqual(['workspace.read']);
    for (const kind of ['workshop-guest', 'share-link', 'share-link-comments'] as const) {
      expect(CAPABILITY_TABLE[kind].workspace).toEqual([]);
    }
  });
});
